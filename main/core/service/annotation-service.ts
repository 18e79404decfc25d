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
import { StoredAnnotation } from '../store/store-schema';
import { tagKey, uniqueTags } from '../../../common/tag-identity';

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

/** Runs tasks with the same key one after another (a read-modify-write must not interleave with another on the same record). */
function createSerializer() {
  const tails = new Map<string, Promise<unknown>>();
  return <T>(key: string, task: () => Promise<T>): Promise<T> => {
    const previous = tails.get(key) ?? Promise.resolve();
    const run = previous.then(task, task);
    const tail = run.catch(() => undefined);
    tails.set(key, tail);
    void tail.then(() => {
      if (tails.get(key) === tail) tails.delete(key);
    });
    return run;
  };
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

  const save = async (record: StoredAnnotation): Promise<AnnotationView> => {
    await ctx.store.apply([{ op: 'putAnnotation', value: StoredAnnotation.parse(record) }]);
    return viewOf(record.id);
  };

  return {
    listAnnotations: () => cache.views(),
    listAnnotationsLean: () => cache.views().map((view) => leanView(view, report.sha256)),

    createAnnotation: async ({ start, end, color, note, tags }) => {
      checkSelection(report.text, start, end);
      return ctx.gate.shared(() => {
        const now = ctx.now().toISOString();
        return save({
          id: randomUUID(),
          createdAt: now,
          updatedAt: now,
          deletedAt: null,
          color,
          note: note ?? '',
          tags: uniqueTags(tags ?? []),
          target: {
            source: sourceFor(report.sha256),
            sha256: report.sha256,
            selector: [{ type: 'TextPositionSelector', start, end }, quoteSelectorFor(report.text, start, end)],
          },
        });
      });
    },

    updateAnnotation: ({ id, color, note, tags }) =>
      serialize(id, async () => {
        const record = findRecord(id);
        if (record.deletedAt !== null) {
          throw new FieldmarkError('NOT_FOUND', 'This annotation is in Recently deleted. Restore it before editing it; nothing was changed.');
        }
        const next = {
          ...record,
          color: color ?? record.color,
          note: note ?? record.note,
          tags: tags === undefined ? record.tags : uniqueTags(tags),
        };
        const unchanged =
          next.color === record.color &&
          next.note === record.note &&
          next.tags.length === record.tags.length &&
          next.tags.every((t, i) => t === record.tags[i]);
        if (unchanged) return viewOf(id);
        return save({ ...next, updatedAt: ctx.now().toISOString() });
      }),

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
