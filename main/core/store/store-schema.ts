/**
 * The shape of the store document (validated on every load), the operations that
 * change it, and the Store interface the service is written against.
 */
import { z } from 'zod';
import {
  ColorId,
  DEFAULT_SETTINGS,
  Settings,
  TextPositionSelector,
  TextQuoteSelector,
} from '../../../preload/contract';

export const STORE_VERSION = 1;

export const StoredAnnotation = z.object({
  id: z.string().uuid(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Tombstone: set when deleted, so undo, trash and merges can see the deletion. */
  deletedAt: z.string().nullable(),
  color: ColorId,
  note: z.string(),
  tags: z.array(z.string()),
  target: z.object({
    /** `urn:sha256:<hash>` of the text the selectors were made against. */
    source: z.string(),
    sha256: z.string(),
    selector: z.tuple([TextPositionSelector, TextQuoteSelector]),
  }),
});
export type StoredAnnotation = z.infer<typeof StoredAnnotation>;

/** What an import changed, kept so that the import can be undone as one step. */
export const ImportRecord = z.object({
  id: z.string(),
  committedAt: z.string(),
  /**
   * For each annotation the import wrote: its state before (null if it was new) and
   * what the import wrote, so undo reverts only what is still exactly as imported.
   * (`wrote` is absent in records made before it was kept; undo then compares dates.)
   */
  before: z.array(z.object({ id: z.string().uuid(), previous: StoredAnnotation.nullable(), wrote: StoredAnnotation.optional() })),
  undoneAt: z.string().nullable(),
});
export type ImportRecord = z.infer<typeof ImportRecord>;

export const StoreDoc = z.object({
  version: z.literal(STORE_VERSION),
  settings: Settings,
  annotations: z.array(StoredAnnotation),
  imports: z.array(ImportRecord),
});
export type StoreDoc = z.infer<typeof StoreDoc>;

export function emptyDoc(): StoreDoc {
  return { version: STORE_VERSION, settings: structuredClone(DEFAULT_SETTINGS), annotations: [], imports: [] };
}

/** One change to the store. A batch of ops is applied and made durable as one unit. */
export const StoreOp = z.discriminatedUnion('op', [
  z.object({ op: z.literal('putAnnotation'), value: StoredAnnotation }),
  z.object({ op: z.literal('putSettings'), value: Settings }),
  z.object({ op: z.literal('putImport'), value: ImportRecord }),
  /** Takes out annotations an import created, when that import is undone (user deletions are tombstones). */
  z.object({ op: z.literal('removeAnnotations'), ids: z.array(z.string().uuid()) }),
  z.object({ op: z.literal('replace'), value: StoreDoc }),
]);
export type StoreOp = z.infer<typeof StoreOp>;

/** Applies ops to a document in place (pure apart from mutating `doc`). */
export function applyOps(doc: StoreDoc, ops: readonly StoreOp[], index?: Map<string, number>): StoreDoc {
  let current = doc;
  for (const op of ops) {
    switch (op.op) {
      case 'putAnnotation': {
        const at = index ? index.get(op.value.id) : current.annotations.findIndex((a) => a.id === op.value.id);
        if (at === undefined || at < 0) {
          index?.set(op.value.id, current.annotations.length);
          current.annotations.push(op.value);
        } else current.annotations[at] = op.value;
        break;
      }
      case 'putSettings':
        current.settings = op.value;
        break;
      case 'putImport': {
        const at = current.imports.findIndex((r) => r.id === op.value.id);
        if (at < 0) current.imports.push(op.value);
        else current.imports[at] = op.value;
        break;
      }
      case 'removeAnnotations': {
        const gone = new Set(op.ids);
        current.annotations = current.annotations.filter((a) => !gone.has(a.id));
        if (index) {
          index.clear();
          current.annotations.forEach((a, i) => index.set(a.id, i));
        }
        break;
      }
      case 'replace':
        current = op.value;
        if (index) {
          index.clear();
          current.annotations.forEach((a, i) => index.set(a.id, i));
        }
        break;
    }
  }
  return current;
}

export interface StoreStatusInfo {
  dataDir: string;
  readOnly: boolean;
  notices: string[];
}

/**
 * The persistent store as the service sees it. `doc` is the in-memory state;
 * `apply` resolves only once the change is durable on disk, and rejects (with a
 * FieldmarkError: NOT_SAVED, DISK_FULL or READ_ONLY) leaving `doc` unchanged.
 */
export interface Store {
  readonly doc: StoreDoc;
  readonly status: StoreStatusInfo;
  apply(ops: readonly StoreOp[]): Promise<void>;
  /** Writes a verified backup file of the current state and returns its file name. */
  backupNow(reason: string): Promise<string>;
  /** Flushes pending writes, compacts, releases the lock. */
  close(): Promise<void>;
}
