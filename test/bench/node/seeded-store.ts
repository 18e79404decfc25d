/** A real Fieldmark store in a temp folder that already holds a set of annotations. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openStore, type OpenedStore } from '../../../main/core/store/store';
import { emptyDoc, type StoreDoc, type StoredAnnotation } from '../../../main/core/store/store-schema';
import { FIXTURE_CODES } from '../fixtures/annotations';

/** A document with the seeded codebook and `annotations`. */
export function docWith(annotations: StoredAnnotation[]): StoreDoc {
  return { ...emptyDoc(), codes: [...FIXTURE_CODES], annotations };
}

export interface SeededStore {
  dir: string;
  store: OpenedStore;
  /** Closes the store and deletes its folder. */
  dispose(): Promise<void>;
}

/** Writes `annotations` through the store itself (one batch, compacted on close), then reopens it. */
export async function seededStore(annotations: StoredAnnotation[]): Promise<SeededStore> {
  const dir = await mkdtemp(path.join(tmpdir(), 'fieldmark-bench-store-'));
  const seeding = await openStore({ dataDir: dir });
  await seeding.apply([{ op: 'replace', value: docWith(annotations) }]);
  await seeding.close();
  const store = await openStore({ dataDir: dir });
  await store.idle();
  return {
    dir,
    store,
    async dispose() {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
