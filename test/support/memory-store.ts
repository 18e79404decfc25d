/**
 * An in-memory Store for service tests. It behaves like the real one where the
 * service can tell: ops are validated with the real schema and applied with the
 * real applyOps to copies of the ops (the service never shares objects with it);
 * `doc` changes only when `apply` succeeds; a read-only store refuses writes.
 * Tests can hold writes back (to see that a method waits for durability), make
 * the next write fail, and inspect every batch applied.
 */
import { z } from 'zod';
import { FieldmarkError } from '../../preload/rpc';
import { StoreOp, applyOps, emptyDoc, type Store, type StoreDoc, type StoreStatusInfo } from '../../main/core/store/store-schema';

const OpBatch = z.array(StoreOp);

export interface MemoryStoreOptions {
  doc?: StoreDoc;
  readOnly?: boolean;
  notices?: string[];
  dataDir?: string;
}

export class MemoryStore implements Store {
  doc: StoreDoc;
  readonly status: StoreStatusInfo;
  /** Every batch that was made "durable", in order. */
  readonly applied: StoreOp[][] = [];
  readonly backups: string[] = [];
  /** The next apply rejects with this (and changes nothing). */
  failNext: FieldmarkError | null = null;
  closed = false;
  private held: Array<() => void> | null = null;

  constructor(options: MemoryStoreOptions = {}) {
    this.doc = options.doc ? structuredClone(options.doc) : emptyDoc();
    this.status = { dataDir: options.dataDir ?? '/memory', readOnly: options.readOnly ?? false, notices: options.notices ?? [] };
  }

  /** Writes wait (not yet durable) until release(). */
  hold(): void {
    this.held ??= [];
  }

  /** Lets held writes complete. */
  release(): void {
    const waiting = this.held ?? [];
    this.held = null;
    for (const resume of waiting) resume();
  }

  async apply(ops: readonly StoreOp[]): Promise<void> {
    const batch = OpBatch.parse(structuredClone(ops));
    if (this.held) await new Promise<void>((resume) => this.held!.push(resume));
    else await Promise.resolve();
    if (this.closed) throw new FieldmarkError('NOT_SAVED', 'The store is closed.');
    if (this.status.readOnly) throw new FieldmarkError('READ_ONLY', 'The data folder is read-only; nothing was saved.');
    if (this.failNext) {
      const failure = this.failNext;
      this.failNext = null;
      throw failure;
    }
    // In place, like the real store: unchanged records keep their identity.
    this.doc = applyOps(this.doc, batch);
    this.applied.push(batch);
  }

  async backupNow(reason: string): Promise<string> {
    const name = `backup-${this.backups.length + 1}-${reason.replace(/\W+/g, '-')}.json`;
    this.backups.push(name);
    return name;
  }

  async close(): Promise<void> {
    this.closed = true;
  }
}
