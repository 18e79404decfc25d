/**
 * The recovery key: 256 random bits shown once as Crockford base32
 * (https://www.crockford.com/base32.html: digits and letters without I, L, O, U),
 * 52 characters in 13 groups of 4. Reading it back forgives case, spaces,
 * dashes and the look-alikes Crockford names (I and L read as 1, O as 0).
 */
import { hkdfSync, randomBytes } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const KEY_BYTES = 32;
const CHARS = Math.ceil((KEY_BYTES * 8) / 5); // 52
const GROUP = 4;

/** A fresh recovery key: its bytes and its printed form. */
export function newRecoveryKey(): { bytes: Buffer; text: string } {
  const bytes = randomBytes(KEY_BYTES);
  return { bytes, text: formatRecoveryKey(bytes) };
}

export function formatRecoveryKey(bytes: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out.match(new RegExp(`.{1,${GROUP}}`, 'g'))!.join('-');
}

/** The key's bytes from what the user typed, or null when it cannot be a recovery key. */
export function parseRecoveryKey(typed: string): Buffer | null {
  const cleaned = typed
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/[IL]/g, '1')
    .replace(/O/g, '0');
  if (cleaned.length !== CHARS) return null;
  const out = Buffer.alloc(KEY_BYTES);
  let bits = 0;
  let value = 0;
  let index = 0;
  for (const char of cleaned) {
    const digit = ALPHABET.indexOf(char);
    if (digit < 0) return null;
    value = ((value << 5) | digit) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      if (index < KEY_BYTES) out[index++] = (value >>> (bits - 8)) & 0xff;
      bits -= 8;
    }
  }
  // The 4 bits past the 256th must be zero, as formatRecoveryKey writes them.
  if ((value & ((1 << bits) - 1)) !== 0) return null;
  return out;
}

/** The key-encryption key from a recovery key (HKDF-SHA-256, RFC 5869, with the keyfile's salt). */
export function recoveryWrappingKey(recoveryKey: Buffer, salt: string): Buffer {
  return Buffer.from(hkdfSync('sha256', recoveryKey, Buffer.from(salt, 'base64'), 'fieldmark recovery key v1', 32));
}
