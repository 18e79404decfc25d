/** What a passphrase must be (issue 16): at least 10 characters, so a short word is refused with a clear message. */
import { FieldmarkError } from '../../../../preload/rpc';

export const MIN_PASSPHRASE_LENGTH = 10;

/** Throws INVALID_INPUT, in words the dialog can show, when the passphrase is too short. */
export function checkNewPassphrase(passphrase: string): void {
  // Characters as the user sees them (code points), not UTF-16 units.
  if ([...passphrase.normalize('NFC')].length < MIN_PASSPHRASE_LENGTH) {
    throw new FieldmarkError(
      'INVALID_INPUT',
      `The passphrase is too short: use at least ${MIN_PASSPHRASE_LENGTH} characters. A few unrelated words are easier to remember than symbols and harder to guess.`,
    );
  }
}
