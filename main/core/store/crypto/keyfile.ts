/**
 * The keyfile (`fieldmark.keys`, plain JSON): the only plain file an encrypted
 * store needs to unlock. It holds the format, the scrypt parameters, the salts
 * and the data key wrapped twice — under the key derived from the passphrase
 * and under the key from the recovery key — and nothing else. A wrapped key is
 * a sealed unit (envelope.ts) of the 32-byte data key under that wrapping key.
 * `pending` marks a conversion (protect or unprotect) that has begun but not
 * finished; the store completes it on the next unlock.
 * Every backup carries a copy of the keys of its day (container.ts).
 */
import { z } from 'zod';
import { KEY_BYTES, newDataKey, open, SealBroken, seal } from './envelope';
import { deriveKey, deriveTuned, ScryptParams, TARGET_DERIVE_MS, withFreshSalt } from './kdf';
import { newRecoveryKey, parseRecoveryKey, recoveryWrappingKey } from './recovery-key';
import { randomBytes } from 'node:crypto';

export const KEYFILE = 'fieldmark.keys';
export const KEYFILE_FORMAT = 'fieldmark-keys';

const Base64 = z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/).max(200);

export const Keyfile = z.strictObject({
  format: z.literal(KEYFILE_FORMAT),
  version: z.literal(1),
  cipher: z.literal('aes-256-gcm'),
  kdf: ScryptParams,
  passphraseKey: Base64,
  recovery: z.strictObject({ salt: Base64, key: Base64 }).optional(),
  pending: z.enum(['protect', 'unprotect']).optional(),
});
export type Keyfile = z.infer<typeof Keyfile>;

const PASSPHRASE_WRAP = 'data key/passphrase';
const RECOVERY_WRAP = 'data key/recovery key';

export interface NewKeys {
  keys: Keyfile;
  dataKey: Buffer;
  /** The recovery key as shown to the user, when one was asked for. */
  recoveryKey: string | null;
  /** How long the passphrase derivation took (ms). */
  deriveMs: number;
}

/** A fresh data key wrapped under the passphrase (tuned scrypt) and, if asked, a fresh recovery key. */
export async function createKeys(passphrase: string, options: { recovery: boolean; targetMs?: number }): Promise<NewKeys> {
  const dataKey = newDataKey();
  const derived = await deriveTuned(passphrase, options.targetMs ?? TARGET_DERIVE_MS);
  let recovery: Keyfile['recovery'];
  let recoveryKey: string | null = null;
  if (options.recovery) {
    const fresh = newRecoveryKey();
    const salt = randomBytes(16).toString('base64');
    recovery = { salt, key: seal(recoveryWrappingKey(fresh.bytes, salt), dataKey, RECOVERY_WRAP).toString('base64') };
    recoveryKey = fresh.text;
  }
  const keys: Keyfile = {
    format: KEYFILE_FORMAT,
    version: 1,
    cipher: 'aes-256-gcm',
    kdf: derived.params,
    passphraseKey: seal(derived.key, dataKey, PASSPHRASE_WRAP).toString('base64'),
    ...(recovery ? { recovery } : {}),
  };
  return { keys, dataKey, recoveryKey, deriveMs: derived.ms };
}

function unwrap(kek: Buffer, wrapped: string, name: string): Buffer | null {
  try {
    const key = open(kek, Buffer.from(wrapped, 'base64'), name);
    return key.length === KEY_BYTES ? key : null;
  } catch (error) {
    if (error instanceof SealBroken) return null;
    throw error;
  }
}

/** The data key, or null when the passphrase is wrong (costs one scrypt derivation). */
export async function unwrapWithPassphrase(keys: Keyfile, passphrase: string): Promise<Buffer | null> {
  return unwrap(await deriveKey(passphrase, keys.kdf), keys.passphraseKey, PASSPHRASE_WRAP);
}

/** The data key, or null when the text is not this store's recovery key (cheap: no scrypt). */
export function unwrapWithRecoveryKey(keys: Keyfile, typed: string): Buffer | null {
  const bytes = parseRecoveryKey(typed);
  if (!bytes || !keys.recovery) return null;
  return unwrap(recoveryWrappingKey(bytes, keys.recovery.salt), keys.recovery.key, RECOVERY_WRAP);
}

/** The same data key wrapped under a new passphrase (fresh salt, same cost); the recovery wrap is kept. */
export async function rewrapPassphrase(keys: Keyfile, dataKey: Buffer, newPassphrase: string): Promise<Keyfile> {
  const kdf = withFreshSalt(keys.kdf);
  const kek = await deriveKey(newPassphrase, kdf);
  const { pending: _pending, ...rest } = keys;
  return { ...rest, kdf, passphraseKey: seal(kek, dataKey, PASSPHRASE_WRAP).toString('base64') };
}

/** The keyfile as stored: one JSON object. */
export function renderKeyfile(keys: Keyfile): string {
  return `${JSON.stringify(keys, null, 1)}\n`;
}

/** Reads a keyfile's text; null when it is not one. */
export function parseKeyfile(text: string): Keyfile | null {
  try {
    const parsed = Keyfile.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
