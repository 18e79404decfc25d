/**
 * The envelope: one encrypted unit (a snapshot, one journal entry, a backup's
 * payload) sealed with AES-256-GCM under the data key (Node's crypto).
 *
 * Sealed unit bytes: `FMS1` (4) | nonce (12, fresh random per unit) | ciphertext | tag (16).
 * The additional data binds the unit to the store file it belongs to and to the
 * format version (`fieldmark-sealed\0<version>\0<name>`), so a journal entry can
 * not be passed off as a snapshot, nor a unit of one file kind as another's.
 * With random 96-bit nonces one key stays well inside NIST SP 800-38D's limit of
 * 2^32 invocations for the lifetime of any store.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

export const SEAL_MAGIC = Buffer.from('FMS1', 'latin1');
export const SEAL_VERSION = 1;
export const KEY_BYTES = 32;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const OVERHEAD = SEAL_MAGIC.length + NONCE_BYTES + TAG_BYTES;

/** The unit failed authentication: damaged, altered, or sealed under another key or name. */
export class SealBroken extends Error {
  constructor(readonly name_: string) {
    super(`The encrypted data of ${name_} failed its authenticity check (damaged, altered or locked with another key).`);
    this.name = 'SealBroken';
  }
}

function additionalData(name: string): Buffer {
  return Buffer.from(`fieldmark-sealed\0${SEAL_VERSION}\0${name}`, 'utf8');
}

/** Whether bytes start like a sealed unit (a cheap check; only opening proves it). */
export function isSealed(bytes: Uint8Array): boolean {
  return bytes.length >= OVERHEAD && Buffer.from(bytes.buffer, bytes.byteOffset, SEAL_MAGIC.length).equals(SEAL_MAGIC);
}

/** Encrypts `plain` under `key` for the store file `name`, with a fresh random nonce. */
export function seal(key: Buffer, plain: Uint8Array, name: string): Buffer {
  if (key.length !== KEY_BYTES) throw new RangeError('The data key must be 32 bytes.');
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES });
  cipher.setAAD(additionalData(name));
  const body = cipher.update(plain);
  const last = cipher.final();
  return Buffer.concat([SEAL_MAGIC, nonce, body, last, cipher.getAuthTag()]);
}

/** Decrypts a sealed unit made for `name`; throws SealBroken when it does not authenticate. */
export function open(key: Buffer, sealed: Uint8Array, name: string): Buffer {
  if (!isSealed(sealed)) throw new SealBroken(name);
  const bytes = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.length);
  const nonce = bytes.subarray(SEAL_MAGIC.length, SEAL_MAGIC.length + NONCE_BYTES);
  const tag = bytes.subarray(bytes.length - TAG_BYTES);
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES });
    decipher.setAAD(additionalData(name));
    decipher.setAuthTag(tag);
    const body = decipher.update(bytes.subarray(SEAL_MAGIC.length + NONCE_BYTES, bytes.length - TAG_BYTES));
    return Buffer.concat([body, decipher.final()]);
  } catch {
    throw new SealBroken(name);
  }
}

/** A fresh random 256-bit data key. */
export function newDataKey(): Buffer {
  return randomBytes(KEY_BYTES);
}
