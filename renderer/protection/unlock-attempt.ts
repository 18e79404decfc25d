/**
 * Using what the user typed in one field that may hold the passphrase or the
 * recovery key (unlocking, changing the passphrase): the shape decides which is
 * tried first, and a refusal tries the other, so the user never says which it is.
 */
import type { Contract } from '../../preload/contract';
import type { Client } from '../../preload/rpc';
import { normalizeKey } from './recovery-key-check';

export type UnlockClient = Pick<Client<Contract>, 'unlock'>;
export type Credential = { passphrase: string } | { recoveryKey: string };

/** Shown when neither reading of the text was accepted. */
export const WRONG_SECRET =
  'That passphrase or recovery key is not right. Check the spelling and the keyboard layout (Caps Lock), then try again.';

/** True when `text` reads like a recovery key: long, and only letters, digits, spaces and dashes. */
export function looksLikeRecoveryKey(text: string): boolean {
  return /^[0-9a-z\s-]+$/iu.test(text.trim()) && normalizeKey(text).length >= 32;
}

/** A wrong or malformed secret; over Electron's bridge the code is lost, so an error without one counts too. */
function isRefusedSecret(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code !== 'string' || code === 'WRONG_PASSPHRASE' || code === 'INVALID_INPUT';
}

/**
 * Runs `call` with `secret` read as a passphrase or as a recovery key (the likelier
 * first); resolves null once one is accepted, or the sentence to show.
 */
export async function withSecret(secret: string, call: (credential: Credential) => Promise<unknown>): Promise<string | null> {
  const asKey = () => call({ recoveryKey: secret.trim() });
  const asPassphrase = () => call({ passphrase: secret });
  const attempts = looksLikeRecoveryKey(secret) ? [asKey, asPassphrase] : [asPassphrase, asKey];
  let last: unknown = null;
  for (const attempt of attempts) {
    try {
      await attempt();
      return null;
    } catch (error) {
      last = error;
      // Anything but a refused secret (a damaged keyfile, a full disk) is said as the service says it.
      if (!isRefusedSecret(error)) break;
    }
  }
  return isRefusedSecret(last) || !(last instanceof Error) ? WRONG_SECRET : last.message;
}

/** Unlocks with `secret`; resolves null on success, or the sentence to show. */
export function unlockWith(client: UnlockClient, secret: string): Promise<string | null> {
  return withSecret(secret, (credential) => client.unlock(credential));
}
