/**
 * A readers–writer gate for the service's read-modify-write methods. Edits of
 * single annotations and settings run "shared" (many at once; the per-record
 * queues order them). Import commit, import undo and restore run "exclusive":
 * they wait until every edit in flight is durable, and hold new edits back until
 * they are done, so their checks see the latest saved state and no acknowledged
 * edit can be overwritten by a batch built from an older one.
 */
export interface WriteGate {
  /** Runs a task that reads and writes a few records; shared tasks run concurrently. */
  shared<T>(task: () => Promise<T>): Promise<T>;
  /** Runs a task alone: after every shared task in flight has finished, before any that arrive later. */
  exclusive<T>(task: () => Promise<T>): Promise<T>;
}

/** Builds a gate; exclusive tasks run in the order they were asked for. */
export function createWriteGate(): WriteGate {
  // Shared tasks wait for the last exclusive task asked for; exclusive tasks chain on each other.
  let barrier: Promise<void> = Promise.resolve();
  let active = 0;
  let onDrained: (() => void) | null = null;

  const drained = () => (active === 0 ? Promise.resolve() : new Promise<void>((resolve) => (onDrained = resolve)));

  return {
    async shared(task) {
      await barrier;
      active++;
      try {
        return await task();
      } finally {
        active--;
        if (active === 0 && onDrained) {
          const wake = onDrained;
          onDrained = null;
          wake();
        }
      }
    },
    exclusive(task) {
      const previous = barrier;
      let release!: () => void;
      barrier = new Promise<void>((resolve) => (release = resolve));
      return (async () => {
        await previous;
        await drained();
        try {
          return await task();
        } finally {
          release();
        }
      })();
    },
  };
}
