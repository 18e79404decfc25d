/**
 * The part of the recovery key the user types back after protecting, to show it
 * was written down, and the reading of a typed key that forgives separators and case.
 */

/** How many characters of the recovery key are typed back. */
export const CHECK_CHARACTERS = 8;

/**
 * Letters and digits only, upper case, with Crockford base32's look-alikes read
 * as the service reads them (I and L as 1, O as 0): spaces, dashes and case do
 * not matter when typing a key.
 */
export function normalizeKey(text: string): string {
  return text
    .replace(/[^0-9a-z]/giu, '')
    .toUpperCase()
    .replace(/[IL]/gu, '1')
    .replace(/O/gu, '0');
}

/** The last characters of the key (ignoring separators), the part the user is asked to type back. */
export function recoveryKeyCheck(recoveryKey: string): string {
  return normalizeKey(recoveryKey).slice(-CHECK_CHARACTERS);
}

/** True when `typed` is the key's check part (ignoring spaces, dashes and case). */
export function matchesRecoveryKeyCheck(recoveryKey: string, typed: string): boolean {
  const check = recoveryKeyCheck(recoveryKey);
  return check.length > 0 && normalizeKey(typed) === check;
}
