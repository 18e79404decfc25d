/**
 * The exchange tests' service context: the shared in-memory store
 * (memory-store.ts), the real view cache (re-anchoring, citations, document
 * order) invalidated after every write as service.ts does, and a clock the test
 * moves.
 */
import { createWriteGate } from '../../main/core/write-gate';
import { FieldmarkError } from '../../preload/rpc';
import { createViewCache } from '../../main/core/annotation-view';
import type { ServiceContext } from '../../main/core/service-context';
import { emptyDoc, type Store, type StoredAnnotation } from '../../main/core/store-schema';
import { report } from './exchange-fixtures';
import { MemoryStore } from './memory-store';

/** A store failure like the real store's on a full disk. */
export function diskFull(): FieldmarkError {
  return new FieldmarkError('DISK_FULL', 'Your change was not saved because the disk is full.');
}

/** A memory store holding copies of `annotations`. */
export function storeWith(annotations: readonly StoredAnnotation[] = []): MemoryStore {
  const doc = emptyDoc();
  doc.annotations.push(...structuredClone(annotations));
  return new MemoryStore({ doc });
}

/** A service context over the store, with a clock the test moves. */
export function exchangeContext(store: MemoryStore, clock: { now: Date }): ServiceContext {
  const model = report();
  const cache = createViewCache(model, () => store.doc.annotations);
  const tracked: Store = {
    get doc() {
      return store.doc;
    },
    get status() {
      return store.status;
    },
    async apply(ops) {
      try {
        await store.apply(ops);
      } finally {
        cache.invalidate();
      }
    },
    backupNow: (reason) => store.backupNow(reason),
    close: () => store.close(),
  };
  return { report: model, store: tracked, views: () => cache.views(), now: () => new Date(clock.now.getTime()), gate: createWriteGate() };
}
