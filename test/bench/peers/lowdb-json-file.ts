/**
 * Peer for B5: lowdb 7.0.1 with its default Node adapter, `JSONFile`, used as its
 * README shows — change `db.data`, then `await db.write()`, which serialises and
 * rewrites the whole file (via steno: temp file + rename, no fsync).
 */
import { open } from 'node:fs/promises';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';

export interface LowPeer<T> {
  db: Low<T>;
  /** Applies `change` to the data and writes the file. */
  change(change: (data: T) => void): Promise<void>;
  /**
   * Not part of lowdb: the harness calls it outside the timing so that the
   * megabytes lowdb left unsynced are on disk before the next contender runs,
   * instead of being flushed by (and charged to) that contender's fsync.
   */
  settle(): Promise<void>;
}

async function fsyncPath(file: string): Promise<void> {
  const handle = await open(file, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Creates the file with `initial` (one full write) and returns the peer. */
export async function openLowPeer<T>(file: string, initial: T): Promise<LowPeer<T>> {
  const db = new Low<T>(new JSONFile<T>(file), initial);
  await db.write();
  const settle = () => fsyncPath(file);
  await settle();
  return {
    db,
    async change(change) {
      change(db.data);
      await db.write();
    },
    settle,
  };
}
