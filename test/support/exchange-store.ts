/**
 * The exchange tests' service context: the shared in-memory store
 * (memory-store.ts), the service's own context (the real view cache, told of
 * every write, and the write gate), and a clock the test moves.
 */
import { FieldmarkError } from '../../preload/rpc';
import { createServiceContext, type ServiceContext } from '../../main/core/service/service-context';
import { emptyDoc, type TaggedAnnotation } from '../../main/core/store/store-schema';
import { storedOf } from '../../main/core/service/tagged-records';
import { report } from './exchange-fixtures';
import { MemoryStore } from './memory-store';

/** A store failure like the real store's on a full disk. */
export function diskFull(): FieldmarkError {
  return new FieldmarkError('DISK_FULL', 'Your change was not saved because the disk is full.');
}

/** A memory store holding copies of `annotations`, their tags made into codes as the service would. */
export function storeWith(annotations: readonly TaggedAnnotation[] = []): MemoryStore {
  const doc = emptyDoc();
  const { records, created } = storedOf([], structuredClone(annotations), '2026-01-01T00:00:00.000Z');
  doc.codes = created;
  doc.annotations.push(...records);
  return new MemoryStore({ doc });
}

/** A service context over the store, built as the service builds it, with a clock the test moves. */
export function exchangeContext(store: MemoryStore, clock: { now: Date }): ServiceContext {
  return createServiceContext(report(), store, () => new Date(clock.now.getTime())).ctx;
}
