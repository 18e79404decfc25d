/**
 * An in-memory Store for the exchange tests: ops are validated with the real
 * schema and applied with the real applyOps; every apply and backup is recorded,
 * and the next apply can be made to fail the way a full disk does.
 * Also builds the ServiceContext (views resolved with the real re-anchoring).
 */
import { z } from 'zod';
import type { AnnotationView } from '../../preload/contract';
import { FieldmarkError } from '../../preload/rpc';
import { reanchor } from '../../main/core/re-anchor';
import { locateRange } from '../../main/core/report-model';
import type { ServiceContext } from '../../main/core/service-context';
import { StoreOp, applyOps, emptyDoc, type Store, type StoreDoc, type StoredAnnotation } from '../../main/core/store-schema';
import { report } from './exchange-fixtures';

const OpBatch = z.array(StoreOp);

export class ExchangeStore implements Store {
  doc: StoreDoc;
  readonly applied: StoreOp[][] = [];
  readonly backups: Array<{ name: string; reason: string; doc: StoreDoc }> = [];
  failNext: FieldmarkError | null = null;

  constructor(annotations: StoredAnnotation[] = []) {
    this.doc = emptyDoc();
    this.doc.annotations.push(...structuredClone(annotations));
  }

  get status() {
    return { dataDir: '/memory', readOnly: false, notices: [] };
  }

  async apply(ops: readonly StoreOp[]): Promise<void> {
    const batch = OpBatch.parse(structuredClone(ops));
    if (this.failNext) {
      const failure = this.failNext;
      this.failNext = null;
      throw failure;
    }
    // Applied to a copy first, so a throw leaves `doc` unchanged, as the real store does.
    this.doc = applyOps(structuredClone(this.doc), batch);
    this.applied.push(batch);
  }

  async backupNow(reason: string): Promise<string> {
    const name = `fieldmark-backup-${this.backups.length + 1}.json`;
    this.backups.push({ name, reason, doc: structuredClone(this.doc) });
    return name;
  }

  async close(): Promise<void> {}
}

/** A store failure like the real store's on a full disk. */
export function diskFull(): FieldmarkError {
  return new FieldmarkError('DISK_FULL', 'Your change was not saved because the disk is full.');
}

/** The view of a stored record, re-anchored against the bundled report. */
export function resolveView(record: StoredAnnotation): AnnotationView {
  const model = report();
  const [position, quote] = record.target.selector;
  const anchor = reanchor(model.text, { start: position.start, end: position.end, exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix });
  const placed = anchor.status !== 'orphan';
  const start = placed ? anchor.start : position.start;
  const end = placed ? anchor.end : position.end;
  const exact = placed ? model.text.slice(start, end) : quote.exact;
  return {
    id: record.id,
    color: record.color,
    note: record.note,
    tags: record.tags,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    deletedAt: record.deletedAt,
    start,
    end,
    exact,
    prefix: placed ? model.text.slice(Math.max(0, start - 32), start) : quote.prefix,
    suffix: placed ? model.text.slice(end, end + 32) : quote.suffix,
    ...locateRange(model.blocks, Math.min(start, model.text.length), Math.min(end, model.text.length)),
    anchor: { status: anchor.status, score: anchor.score },
    target: record.target,
  };
}

/** A service context over the store, with a clock the test moves. */
export function exchangeContext(store: ExchangeStore, clock: { now: Date }): ServiceContext {
  return {
    report: report(),
    store,
    views: () => store.doc.annotations.map(resolveView).sort((a, b) => a.start - b.start),
    now: () => new Date(clock.now.getTime()),
  };
}
