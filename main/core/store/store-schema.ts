/**
 * The shape of the store document (validated on every load), the operations that
 * change it, and the Store interface the service is written against.
 */
import { z } from 'zod';
import {
  ColorId,
  DEFAULT_SETTINGS,
  LinkRelation,
  RecommendationId,
  RecommendationStatus,
  Sensitivity,
  Settings,
  TextPositionSelector,
  TextQuoteSelector,
} from '../../../preload/contract';

/**
 * 2: codes (a codebook) replace free tags; annotations hold code ids (issue 13).
 * 3: recommendation assessments and links between annotations and recommendations (issue 14).
 */
export const STORE_VERSION = 3;

/** `#RRGGBB`, the colour form REFI-QDA exchanges (its RGBType). */
export const CODE_COLOR_PATTERN = /^#[0-9A-Fa-f]{6}$/u;

/**
 * A code of the codebook. Annotations refer to it by id, so a rename or a move
 * is one record. `name` is one path segment (no `/`); siblings differ by the tag
 * rule. A deleted code stays as a tombstone (`deletedAt`), like an annotation.
 */
export const StoredCode = z.object({
  id: z.string().uuid(),
  name: z.string(),
  parentId: z.string().uuid().nullable(),
  /** The definition: plain text, may span lines. */
  description: z.string(),
  color: z.string().regex(CODE_COLOR_PATTERN).nullable(),
  /** False for a grouping code that passages cannot carry. */
  codable: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  deletedAt: z.string().nullable(),
});
export type StoredCode = z.infer<typeof StoredCode>;

export const StoredAnnotation = z.object({
  id: z.string().uuid(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Tombstone: set when deleted, so undo, trash and merges can see the deletion. */
  deletedAt: z.string().nullable(),
  color: ColorId,
  note: z.string(),
  /** The codes applied to the passage, by id, in the order they were given. */
  codeIds: z.array(z.string().uuid()),
  target: z.object({
    /** `urn:sha256:<hash>` of the text the selectors were made against. */
    source: z.string(),
    sha256: z.string(),
    selector: z.tuple([TextPositionSelector, TextQuoteSelector]),
  }),
  /** Issue 16. Absent (every record written before it existed) reads as 'normal': no format change. */
  sensitivity: Sensitivity.optional(),
});
export type StoredAnnotation = z.infer<typeof StoredAnnotation>;

/**
 * The user's assessment of one recommendation. Only recommendations the user
 * touched have one; the others are "not-assessed" with the default title.
 */
export const StoredAssessment = z.object({
  id: RecommendationId,
  /** null: the default title derived from the text. */
  title: z.string().nullable(),
  status: RecommendationStatus,
  rationale: z.string(),
  assessedBy: z.string().nullable(),
  assessedAt: z.string().nullable(),
  updatedAt: z.string(),
});
export type StoredAssessment = z.infer<typeof StoredAssessment>;

/**
 * A link's target as stored: the contract's LinkTarget, as plain objects (the
 * fast store check models unions but not strict objects; a stray key in a file
 * is dropped by zod instead of refused).
 */
export const StoredLinkTarget = z.union([z.object({ recommendation: RecommendationId }), z.object({ annotation: z.string().uuid() })]);

/**
 * A directed, typed link from an annotation to a recommendation or to another
 * annotation. Unlinking tombstones it (`deletedAt`); linking the same
 * (from, to, relation) again revives the tombstone, same id.
 */
export const StoredLink = z.object({
  id: z.string().uuid(),
  from: z.string().uuid(),
  to: StoredLinkTarget,
  relation: LinkRelation,
  createdAt: z.string(),
  updatedAt: z.string(),
  deletedAt: z.string().nullable(),
});
export type StoredLink = z.infer<typeof StoredLink>;

/**
 * An annotation with its codes as paths (`Labour/TITP`), as the exchange
 * formats and the import merge see it; the service turns it into a stored one
 * (code ids) and back at the store's edge.
 */
export type TaggedAnnotation = Omit<StoredAnnotation, 'codeIds'> & { tags: string[] };

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
  /** The codes the import made or changed (issue 13): each before (null if new) and as written, for undo. */
  codes: z.array(z.object({ id: z.string().uuid(), previous: StoredCode.nullable(), wrote: StoredCode })).optional(),
  /** The assessments and links the import wrote (issue 14): each before (null if new) and as written, for undo. */
  assessments: z.array(z.object({ id: RecommendationId, previous: StoredAssessment.nullable(), wrote: StoredAssessment })).optional(),
  links: z.array(z.object({ id: z.string().uuid(), previous: StoredLink.nullable(), wrote: StoredLink })).optional(),
  undoneAt: z.string().nullable(),
});
export type ImportRecord = z.infer<typeof ImportRecord>;

export const StoreDoc = z.object({
  version: z.literal(STORE_VERSION),
  settings: Settings,
  codes: z.array(StoredCode),
  annotations: z.array(StoredAnnotation),
  assessments: z.array(StoredAssessment),
  links: z.array(StoredLink),
  imports: z.array(ImportRecord),
});
export type StoreDoc = z.infer<typeof StoreDoc>;

export function emptyDoc(): StoreDoc {
  return { version: STORE_VERSION, settings: structuredClone(DEFAULT_SETTINGS), codes: [], annotations: [], assessments: [], links: [], imports: [] };
}

/** One change to the store. A batch of ops is applied and made durable as one unit. */
export const StoreOp = z.discriminatedUnion('op', [
  z.object({ op: z.literal('putAnnotation'), value: StoredAnnotation }),
  z.object({ op: z.literal('putSettings'), value: Settings }),
  z.object({ op: z.literal('putImport'), value: ImportRecord }),
  /** Adds or replaces codes (by id). */
  z.object({ op: z.literal('putCodes'), values: z.array(StoredCode) }),
  /** Adds or replaces assessments (by recommendation id). */
  z.object({ op: z.literal('putAssessments'), values: z.array(StoredAssessment) }),
  /** Adds or replaces links (by id); unlinking puts a tombstone. */
  z.object({ op: z.literal('putLinks'), values: z.array(StoredLink) }),
  /** Takes out annotations an import created, when that import is undone (user deletions are tombstones). */
  z.object({ op: z.literal('removeAnnotations'), ids: z.array(z.string().uuid()) }),
  z.object({ op: z.literal('replace'), value: StoreDoc }),
]);
export type StoreOp = z.infer<typeof StoreOp>;

/**
 * The records with `values` put in (by id), as a new array: code, assessment
 * and link writes never change an array in place, so an index can be kept per array.
 */
function putById<T extends { id: string }>(records: readonly T[], values: readonly T[]): T[] {
  const next = [...records];
  const at = new Map(next.map((c, i) => [c.id, i]));
  for (const value of values) {
    const i = at.get(value.id);
    if (i === undefined) {
      at.set(value.id, next.length);
      next.push(value);
    } else next[i] = value;
  }
  return next;
}

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
      case 'putCodes':
        current.codes = putById(current.codes, op.values);
        break;
      case 'putAssessments':
        current.assessments = putById(current.assessments, op.values);
        break;
      case 'putLinks':
        current.links = putById(current.links, op.values);
        break;
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
