/**
 * Key derivation from a passphrase: scrypt (Node's crypto.scrypt, RFC 7914)
 * with r=8, p=1 and N at least 2^17, raised at protection time while a
 * derivation here takes under half the target (about 0.5 s), so a slow
 * machine keeps the floor and a fast one pays about the same time. The
 * parameters and a random 128-bit salt are stored in the keyfile.
 */
import { randomBytes, scrypt } from 'node:crypto';
import { z } from 'zod';

export const MIN_SCRYPT_LOG_N = 17;
const MAX_SCRYPT_LOG_N = 20;
const SALT_BYTES = 16;
export const TARGET_DERIVE_MS = 500;

export const ScryptParams = z.strictObject({
  name: z.literal('scrypt'),
  N: z
    .number()
    .int()
    .refine((n) => n >= 2 ** MIN_SCRYPT_LOG_N && n <= 2 ** MAX_SCRYPT_LOG_N && (n & (n - 1)) === 0, 'N must be a power of two from 2^17 to 2^20'),
  r: z.literal(8),
  p: z.literal(1),
  salt: z.string().regex(/^[A-Za-z0-9+/]{22}==$/, 'a 16-byte base64 salt'),
});
export type ScryptParams = z.infer<typeof ScryptParams>;

/** scrypt needs 128·N·r bytes; leave room so Node's default 32 MiB cap never refuses a valid N. */
function maxmemFor(params: { N: number; r: number }): number {
  return 128 * params.N * params.r + 16 * 1024 * 1024;
}

/** Derives the 256-bit key-encryption key from the passphrase (NFC-normalized, so one typed text gives one key). */
export function deriveKey(passphrase: string, params: ScryptParams): Promise<Buffer> {
  const salt = Buffer.from(params.salt, 'base64');
  return new Promise((resolve, reject) => {
    scrypt(passphrase.normalize('NFC'), salt, 32, { N: params.N, r: params.r, p: params.p, maxmem: maxmemFor(params) }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

export interface TunedDerivation {
  params: ScryptParams;
  key: Buffer;
  /** How long the final derivation took (ms). */
  ms: number;
}

/**
 * Derives with a fresh salt, starting at N=2^17 and doubling while a derivation
 * took less than half the target: the kept N costs about the target or more.
 */
export async function deriveTuned(passphrase: string, targetMs = TARGET_DERIVE_MS, minLogN = MIN_SCRYPT_LOG_N): Promise<TunedDerivation> {
  const salt = randomBytes(SALT_BYTES).toString('base64');
  for (let logN = Math.max(MIN_SCRYPT_LOG_N, minLogN); ; logN++) {
    const params: ScryptParams = { name: 'scrypt', N: 2 ** logN, r: 8, p: 1, salt };
    const started = performance.now();
    const key = await deriveKey(passphrase, params);
    const ms = performance.now() - started;
    if (ms * 2 >= targetMs || logN >= MAX_SCRYPT_LOG_N) return { params, key, ms };
  }
}

/** Fresh parameters of the same cost as `params` (a new salt), for a new passphrase. */
export function withFreshSalt(params: ScryptParams): ScryptParams {
  return { ...params, salt: randomBytes(SALT_BYTES).toString('base64') };
}
