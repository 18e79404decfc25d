/**
 * Peer for B5: lowdb 7.0.1 with its default Node adapter, `JSONFile`, used as its
 * README shows — change `db.data`, then `await db.write()`, which serialises and
 * rewrites the whole file (via steno: temp file + rename, no fsync).
 */
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';

export interface LowPeer<T> {
  db: Low<T>;
  /** Applies `change` to the data and writes the file. */
  change(change: (data: T) => void): Promise<void>;
}

/** Creates the file with `initial` (one full write) and returns the peer. */
export async function openLowPeer<T>(file: string, initial: T): Promise<LowPeer<T>> {
  const db = new Low<T>(new JSONFile<T>(file), initial);
  await db.write();
  return {
    db,
    async change(change) {
      change(db.data);
      await db.write();
    },
  };
}
