/**
 * What the service's method groups share: the report, the store, the resolved
 * annotation views, a clock and the write gate, and how it is built (once per
 * launch by service.ts; tests of single method groups build theirs here too).
 */
import type { AnnotationView } from '../../../preload/contract';
import type { ReportModel } from '../report/report-model';
import type { Store } from '../store/store-schema';
import { createViewCache, type ViewCache } from './annotation-view';
import { createSerializer } from './serializer';
import { createWriteGate, type WriteGate } from './write-gate';

export interface ServiceContext {
  readonly report: ReportModel;
  readonly store: Store;
  /** Every stored annotation (tombstones included), resolved against the current text, in document order. */
  views(): AnnotationView[];
  now(): Date;
  /** Orders single-record edits (shared) against imports and restores (exclusive). */
  readonly gate: WriteGate;
  /**
   * Runs writes that may make or change codes one at a time, so two saves of
   * the same new tag make one code. Always taken inside the gate (gate first,
   * then this), never the other way round.
   */
  codeWrites<T>(task: () => Promise<T>): Promise<T>;
}

/**
 * The context the method groups share, over a store wrapped so that every durable
 * write updates the view cache (tests of single method groups build theirs here too).
 */
export function createServiceContext(report: ReportModel, store: Store, now: () => Date = () => new Date()): { cache: ViewCache; ctx: ServiceContext } {
  const cache = createViewCache(report, () => store.doc.annotations, () => store.doc.codes, () => store.doc.links);
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
      } catch (error) {
        // The store leaves its document unchanged on failure; reconcile fully anyway, to be sure.
        cache.invalidate();
        throw error;
      }
      cache.applied(ops);
    },
    backupNow: (reason) => store.backupNow(reason),
    close: () => store.close(),
  };
  const serialize = createSerializer();
  const codeWrites = <T>(task: () => Promise<T>) => serialize('codebook', task);
  return { cache, ctx: { report, store: tracked, views: () => cache.views(), now, gate: createWriteGate(), codeWrites } };
}
