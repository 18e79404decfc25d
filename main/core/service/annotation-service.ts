/**
 * The annotation methods of the contract. The view sends only offsets; the
 * quote, its context, section and paragraph come from main's own copy of the
 * text, so a compromised view cannot forge what an annotation quotes. Every
 * change resolves only once the store has made it durable.
 */
import { randomUUID } from 'node:crypto';
import type { AnnotationView, Contract, TagCount } from '../../../preload/contract';
import { FieldmarkError, type Implementation } from '../../../preload/rpc';
import type { ViewCache } from './annotation-view';
import { sourceFor } from './annotation-view';
import { leanView } from '../../../common/lean-view';
import { quoteSelectorFor, splitsSurrogatePair } from '../anchoring/quote-selector';
import type { ServiceContext } from './service-context';
import { codebookOf } from '../store/codebook';
import { resolveCodePaths } from '../store/code-resolve';
import { StoredAnnotation, type StoreOp, type StoredCode } from '../store/store-schema';
import { tagKey } from '../../../common/tag-identity';
import { createSerializer } from './serializer';

export type AnnotationMethods = Pick<
  Implementation<Contract>,
  'listAnnotations' | 'listAnnotationsLean' | 'createAnnotation' | 'updateAnnotation' | 'deleteAnnotation' | 'restoreAnnotation' | 'listTags'
>;

/** Checks a selection from the view against the text; throws a typed error if it cannot be an annotation. */
export function checkSelection(text: string, start: number, end: number): void {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start >= end) {
    throw new FieldmarkError(
      'OUT_OF_RANGE',
      `The selection ${start}–${end} is not a range of the report's text (0–${text.length}). Nothing was saved; select the passage again.`,
    );
  }
  if (splitsSurrogatePair(text, start) || splitsSurrogatePair(text, end)) {
    throw new FieldmarkError('INVALID_INPUT', 'The selection starts or ends in the middle of a character. Nothing was saved; select the passage again.');
  }
  if (text.slice(start, end).trim() === '') {
    throw new FieldmarkError('INVALID_INPUT', 'The selection contains only spaces or line breaks. Nothing was saved; select some text to highlight.');
  }
}

/** Builds the annotation methods over the shared context and its view cache. */
export function createAnnotationMethods(ctx: ServiceContext, cache: ViewCache): AnnotationMethods {
  const queue = createSerializer();
  // Edits of one record run in order, and as shared work of the gate (imports and restores wait for them).
  const serialize = <T>(key: string, task: () => Promise<T>) => queue(key, () => ctx.gate.shared(task));
  const { report } = ctx;

  const findRecord = (id: string): StoredAnnotation => {
    const record = ctx.store.doc.annotations.find((a) => a.id === id);
    if (!record) {
      throw new FieldmarkError('NOT_FOUND', 'This annotation no longer exists (an import may have been undone). Nothing was changed.');
    }
    return record;
  };

  const viewOf = (id: string): AnnotationView => {
    const view = cache.get(id);
    if (!view) throw new FieldmarkError('INTERNAL', 'The annotation was saved but could not be shown. Reload to see it.');
    return view;
  };

  const save = async (record: StoredAnnotation, created: readonly StoredCode[] = []): Promise<AnnotationView> => {
    const ops: StoreOp[] = created.length > 0 ? [{ op: 'putCodes', values: [...created] }] : [];
    ops.push({ op: 'putAnnotation', value: StoredAnnotation.parse(record) });
    await ctx.store.apply(ops);
    return viewOf(record.id);
  };

  /** Tags as code ids, with the codes to make; a grouping (non-codable) code newly applied is refused. */
  const resolveTags = (tags: readonly string[], had: readonly string[], now: string) => {
    const resolved = resolveCodePaths(ctx.store.doc.codes, tags, { now, newId: () => randomUUID() });
    const book = codebookOf(ctx.store.doc.codes);
    for (const id of resolved.codeIds) {
      const code = book.get(id);
      if (code && !code.codable && !had.includes(id)) {
        throw new FieldmarkError('INVALID_INPUT', `“${book.pathOf(id)}” is a grouping code that passages cannot carry; apply one of its sub-codes instead. Nothing was saved.`);
      }
    }
    return resolved;
  };

  /** Runs a write that resolves tags inside the codebook's queue (so one new tag makes one code); others run as they are. */
  const withCodes = <T>(tags: readonly string[] | undefined, task: () => Promise<T>) =>
    tags && tags.length > 0 ? ctx.codeWrites(task) : task();

  return {
    listAnnotations: () => cache.views(),
    listAnnotationsLean: () => cache.views().map((view) => leanView(view, report)),

    createAnnotation: async ({ start, end, color, note, tags, sensitivity }) => {
      checkSelection(report.text, start, end);
      return ctx.gate.shared(() => withCodes(tags, () => {
        const now = ctx.now().toISOString();
        const { codeIds, created } = resolveTags(tags ?? [], [], now);
        return save({
          id: randomUUID(),
          createdAt: now,
          updatedAt: now,
          deletedAt: null,
          color,
          note: note ?? '',
          codeIds,
          target: {
            source: sourceFor(report.sha256),
            sha256: report.sha256,
            selector: [{ type: 'TextPositionSelector', start, end }, quoteSelectorFor(report.text, start, end)],
          },
          sensitivity: sensitivity ?? ctx.store.doc.settings.defaultSensitivity,
        }, created);
      }));
    },

    updateAnnotation: ({ id, color, note, tags, sensitivity }) =>
      serialize(id, () => withCodes(tags, async () => {
        const record = findRecord(id);
        if (record.deletedAt !== null) {
          throw new FieldmarkError('NOT_FOUND', 'This annotation is in Recently deleted. Restore it before editing it; nothing was changed.');
        }
        const now = ctx.now().toISOString();
        const resolved = tags === undefined ? { codeIds: record.codeIds, created: [] } : resolveTags(tags, record.codeIds, now);
        const was = record.sensitivity ?? 'normal';
        // Spread first, sensitivity last: a record's keys stay in the schema's order (store-validate's fast check).
        const next = { ...record, color: color ?? record.color, note: note ?? record.note, codeIds: resolved.codeIds, sensitivity: sensitivity ?? was };
        const unchanged =
          next.sensitivity === was &&
          next.color === record.color &&
          next.note === record.note &&
          next.codeIds.length === record.codeIds.length &&
          next.codeIds.every((c, i) => c === record.codeIds[i]);
        if (unchanged) return viewOf(id);
        return save({ ...next, updatedAt: now }, resolved.created);
      })),

    deleteAnnotation: ({ id }) =>
      serialize(id, async () => {
        const record = findRecord(id);
        if (record.deletedAt !== null) return viewOf(id);
        const now = ctx.now().toISOString();
        return save({ ...record, deletedAt: now, updatedAt: now });
      }),

    restoreAnnotation: ({ id }) =>
      serialize(id, async () => {
        const record = findRecord(id);
        if (record.deletedAt === null) return viewOf(id);
        return save({ ...record, deletedAt: null, updatedAt: ctx.now().toISOString() });
      }),

    listTags: () => {
      // One entry per tag (tag-identity.ts decides which spellings are one); it is spelled as it first appears in the document.
      const counts = new Map<string, TagCount>();
      for (const view of cache.views()) {
        if (view.deletedAt !== null) continue;
        for (const tag of view.tags) {
          const key = tagKey(tag);
          const entry = counts.get(key);
          if (entry) entry.count++;
          else counts.set(key, { tag, count: 1 });
        }
      }
      return [...counts.values()].sort(
        (a, b) => b.count - a.count || a.tag.localeCompare(b.tag, 'en', { sensitivity: 'base' }) || (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0),
      );
    },
  };
}
