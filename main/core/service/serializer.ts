/**
 * Runs tasks with the same key one after another: a read-modify-write must not
 * interleave with another on the same record (or, for the key of the codebook,
 * two writes that could both make the same new code).
 */
export type Serializer = <T>(key: string, task: () => Promise<T>) => Promise<T>;

export function createSerializer(): Serializer {
  const tails = new Map<string, Promise<unknown>>();
  return <T>(key: string, task: () => Promise<T>): Promise<T> => {
    const previous = tails.get(key) ?? Promise.resolve();
    const run = previous.then(task, task);
    const tail = run.catch(() => undefined);
    tails.set(key, tail);
    void tail.then(() => {
      if (tails.get(key) === tail) tails.delete(key);
    });
    return run;
  };
}
