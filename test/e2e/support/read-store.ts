/**
 * Reads what a data folder holds on disk, the way the store itself would on
 * its next launch (snapshot, then the journal's intact batches), without taking
 * the lock — so an end-to-end test can assert what is persisted while the host runs.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { JOURNAL_FILE, SNAPSHOT_FILE, replayJournal, scanJournal } from '../../../main/core/store/journal-adapter';
import { decodeSnapshot } from '../../../main/core/store/snapshot-codec';
import { emptyDoc, type StoreDoc } from '../../../main/core/store/store-schema';

async function readOptional(file: string): Promise<Buffer | null> {
  try {
    return await readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

export async function readStoreFromDisk(dataDir: string): Promise<StoreDoc> {
  const snapshot = await readOptional(path.join(dataDir, SNAPSHOT_FILE));
  const doc = snapshot ? decodeSnapshot(snapshot).doc : emptyDoc();
  const journal = await readOptional(path.join(dataDir, JOURNAL_FILE));
  return journal ? replayJournal(doc, scanJournal(journal)).doc : doc;
}
