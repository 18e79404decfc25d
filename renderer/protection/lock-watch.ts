/**
 * Wraps the client so that the first LOCKED answer of any call, whoever made
 * it, raises the lock signal (issue 16: every client clears its data on the
 * first LOCKED). The call still fails as before, so its caller's own handling
 * is unchanged.
 */
import { contract, type Contract } from '../../preload/contract';
import { FieldmarkError, type Client } from '../../preload/rpc';

/**
 * True for a LOCKED answer. Over Electron's contextBridge an error arrives as a
 * plain Error with its message only, so the desktop page learns of a lock from
 * the status poll and the main process's 'locked' message instead.
 */
export function isLockedError(error: unknown): boolean {
  return error instanceof FieldmarkError && error.code === 'LOCKED';
}

/** A client with the same methods as `client`, calling `onLocked` whenever one answers LOCKED. */
export function watchLocked(client: Client<Contract>, onLocked: () => void): Client<Contract> {
  const watched: Record<string, (input?: unknown) => Promise<unknown>> = {};
  const calls = client as unknown as Record<string, (input?: unknown) => Promise<unknown>>;
  for (const method of Object.keys(contract)) {
    watched[method] = async (input?: unknown) => {
      try {
        return await calls[method]!(input);
      } catch (error) {
        if (isLockedError(error)) onLocked();
        throw error;
      }
    };
  }
  return Object.freeze(watched) as unknown as Client<Contract>;
}
