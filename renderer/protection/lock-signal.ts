/**
 * The one "the store is locked" signal of the page (issue 16). Whatever learns
 * it first (a LOCKED answer, the status poll, the Lock button) raises it; the
 * entry point listens and replaces the whole app with the unlock screen, which
 * drops every annotation, note and tag the page held.
 */
export interface LockSignal {
  /** Raises the signal; listeners run once per raise, however many calls noticed it. */
  raise(): void;
  /** Subscribes; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
}

export function createLockSignal(): LockSignal {
  const listeners = new Set<() => void>();
  return {
    raise() {
      for (const listener of [...listeners]) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** The page's one signal: main.tsx listens, the Lock button and the client wrapper raise it. */
export const pageLock: LockSignal = createLockSignal();
