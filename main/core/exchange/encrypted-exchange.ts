/**
 * Encrypted exchange files (issue 16): a W3C export sealed under a passphrase
 * of its own, for a USB stick that might get lost. The file is a container
 * (store/crypto/container.ts): its own random data key, wrapped by a key
 * scrypt derives from the passphrase with its own random salt; AES-256-GCM with
 * the container's name bound into the additional data. It has no recovery key:
 * whoever made it passes the passphrase on separately.
 */
import { FieldmarkError } from '../../../preload/rpc';
import { openWithSecret, parseContainer, sealWithPassphrase } from '../store/crypto/container';
import { checkNewPassphrase } from '../store/crypto/passphrase-rules';

/** The container name of an exchange file: a backup or any other container is refused as an import. */
export const EXCHANGE_CONTAINER_NAME = 'fieldmark-exchange/w3c-annotations';

/** `fieldmark-annotations-<date>.jsonld` → `fieldmark-annotations-<date>.encrypted.json`. */
export function encryptedFileName(filename: string): string {
  return `${filename.replace(/\.[^.]+$/u, '')}.encrypted.json`;
}

/** Seals an exchange file's text under `passphrase` (at least 10 characters, as for the store). */
export async function sealExchange(content: string, passphrase: string): Promise<string> {
  checkNewPassphrase(passphrase);
  return sealWithPassphrase(content, passphrase, EXCHANGE_CONTAINER_NAME);
}

/**
 * The plain text of an import: `content` itself when it is not encrypted; else
 * its decrypted text. Typed errors: PASSPHRASE_REQUIRED without a passphrase,
 * WRONG_PASSPHRASE with a wrong one, INVALID_IMPORT for a damaged file or a
 * container that is not an exchange file (an encrypted backup: restore it instead).
 */
export async function openExchange(content: string, passphrase: string | undefined): Promise<string> {
  const container = parseContainer(content);
  if (!container) return content;
  if (container.name !== EXCHANGE_CONTAINER_NAME) {
    throw new FieldmarkError('INVALID_IMPORT', 'This encrypted file is not an annotations file (an encrypted backup is opened with Restore…). Nothing was imported.');
  }
  const plain = await openWithSecret(container, { passphrase }, 'This encrypted file', EXCHANGE_CONTAINER_NAME);
  return plain.toString('utf8');
}
