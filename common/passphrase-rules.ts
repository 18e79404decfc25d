/**
 * The rule a new passphrase meets (issue 16), checked by the dialogs before they
 * ask the service, which checks again (main/core/store/crypto/passphrase-rules.ts).
 */

/** The service refuses shorter passphrases. */
export const MIN_PASSPHRASE_LENGTH = 10;

/** The reason a new passphrase typed twice cannot be used yet, or null when it can. Characters are counted as the user sees them. */
export function newPassphraseProblem(passphrase: string, repeated: string): string | null {
  if ([...passphrase.normalize('NFC')].length < MIN_PASSPHRASE_LENGTH) {
    return `A passphrase needs at least ${MIN_PASSPHRASE_LENGTH} characters; a few unrelated words are easy to remember and hard to guess.`;
  }
  if (passphrase !== repeated) return 'The two passphrases are not the same. Type the same passphrase in both fields.';
  return null;
}
