/**
 * The contract methods by which annotations leave and enter Fieldmark: Markdown
 * and W3C export, import with a preview, commit and undo, backup and restore.
 *
 * Guarantees:
 * - nothing is written before `commitImport`; a preview lives in memory only
 *   (at most MAX_PREVIEWS, for PREVIEW_TTL_MS) and is used once;
 * - a commit is one `store.apply` batch (the annotations plus an ImportRecord of
 *   their previous states), so it is all-or-nothing, and it is refused if the
 *   annotations it would touch changed since the preview;
 * - undo reverts an import in one batch; an annotation edited after the import
 *   is left as the user made it;
 * - restore validates the whole file, then takes an automatic backup of the
 *   current state, then replaces the store in one step.
 */
import { randomUUID } from 'node:crypto';
import { MarkdownOptions, type Contract, type ImportPreview } from '../../../preload/contract';
import { FieldmarkError, type Implementation } from '../../../preload/rpc';
import { parseBackup, renderBackup } from '../store/backup-file';
import { planImport, type ImportPlan } from '../exchange/import-merge';
import { parseImport } from '../exchange/import-parse';
import { renderMarkdown } from '../exchange/markdown-export';
import type { ServiceContext } from './service-context';
import type { StoreOp, StoredAnnotation } from '../store/store-schema';
import { renderW3C } from '../exchange/w3c-export';

export type ExchangeMethods = Pick<
  Implementation<Contract>,
  'exportMarkdown' | 'exportAnnotations' | 'previewImport' | 'commitImport' | 'undoImport' | 'exportBackup' | 'restoreBackup'
>;

/** How many import previews are kept at once (the oldest is dropped first). */
export const MAX_PREVIEWS = 5;
/** How long a preview can be committed after it was made. */
export const PREVIEW_TTL_MS = 30 * 60 * 1000;

/** `<stem>-YYYY-MM-DD.<ext>` with the local date, as the user reads a calendar. */
export function datedFileName(stem: string, extension: string, at: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${stem}-${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}.${extension}`;
}

interface HeldPreview {
  plan: ImportPlan;
  madeAt: number;
}

/** Same content, field by field (records come from JSON, so key order can differ). */
function sameRecord(a: StoredAnnotation | null, b: StoredAnnotation | null): boolean {
  if (a === null || b === null) return a === b;
  const [pa, qa] = a.target.selector;
  const [pb, qb] = b.target.selector;
  return (
    a.id === b.id &&
    a.createdAt === b.createdAt &&
    a.updatedAt === b.updatedAt &&
    a.deletedAt === b.deletedAt &&
    a.color === b.color &&
    a.note === b.note &&
    a.tags.length === b.tags.length &&
    a.tags.every((t, i) => t === b.tags[i]) &&
    a.target.source === b.target.source &&
    a.target.sha256 === b.target.sha256 &&
    pa.start === pb.start &&
    pa.end === pb.end &&
    qa.exact === qb.exact &&
    qa.prefix === qb.prefix &&
    qa.suffix === qb.suffix
  );
}

/** Builds the exchange methods over the shared service context. */
export function createExchangeMethods(ctx: ServiceContext): ExchangeMethods {
  const previews = new Map<string, HeldPreview>();

  const dropExpired = (now: number) => {
    for (const [id, held] of previews) if (now - held.madeAt > PREVIEW_TTL_MS) previews.delete(id);
  };

  const annotationsById = () => new Map(ctx.store.doc.annotations.map((a) => [a.id, a]));

  return {
    exportMarkdown(options) {
      const now = ctx.now();
      const content = renderMarkdown({
        report: ctx.report,
        annotations: ctx.views(),
        options: options ?? MarkdownOptions.parse({}),
        legend: ctx.store.doc.settings.legend,
        exportedAt: now,
      });
      return { filename: datedFileName('fieldmark-annotations', 'md', now), content };
    },

    exportAnnotations() {
      const now = ctx.now();
      const content = renderW3C({ report: ctx.report, annotations: ctx.views(), exportedAt: now });
      return { filename: datedFileName('fieldmark-annotations', 'jsonld', now), content };
    },

    previewImport({ content }): ImportPreview {
      const now = ctx.now();
      const plan = planImport(parseImport(content), { report: ctx.report, existing: ctx.store.doc.annotations, now });
      dropExpired(now.getTime());
      while (previews.size >= MAX_PREVIEWS) previews.delete(previews.keys().next().value!);
      const id = randomUUID();
      previews.set(id, { plan, madeAt: now.getTime() });
      return { id, format: plan.format, counts: plan.counts, items: plan.items.map((p) => p.item) };
    },

    // Imports and restores run alone: edits in flight are durable before their checks read the store.
    commitImport: ({ id, reject }) => ctx.gate.exclusive(async () => {
      const now = ctx.now();
      dropExpired(now.getTime());
      const held = previews.get(id);
      if (!held) {
        throw new FieldmarkError('NOT_FOUND', 'This import preview is no longer available (it expired or was already used). Preview the file again.');
      }
      const rejected = new Set(reject ?? []);
      const chosen = held.plan.items.filter((p) => p.record !== null && !rejected.has(p.item.id));
      const current = annotationsById();
      const changed = chosen.filter((p) => !sameRecord(current.get(p.item.id) ?? null, p.previous)).length;
      if (changed > 0) {
        throw new FieldmarkError(
          'CONFLICT',
          `${changed === 1 ? 'One annotation' : `${changed} annotations`} changed since this preview was made. Preview the file again; nothing was imported.`,
        );
      }
      const ops: StoreOp[] = chosen.map((p) => ({ op: 'putAnnotation', value: p.record! }));
      ops.push({
        op: 'putImport',
        value: {
          id,
          committedAt: now.toISOString(),
          before: chosen.map((p) => ({ id: p.item.id, previous: p.previous, wrote: p.record! })),
          undoneAt: null,
        },
      });
      await ctx.store.apply(ops);
      previews.delete(id);
      return {
        id,
        applied: chosen.length,
        rejected: held.plan.items.filter((p) => rejected.has(p.item.id)).length,
        counts: held.plan.counts,
      };
    }),

    undoImport: ({ id }) => ctx.gate.exclusive(async () => {
      const record = ctx.store.doc.imports.find((r) => r.id === id);
      if (!record) throw new FieldmarkError('NOT_FOUND', 'There is no import with this id to undo.');
      if (record.undoneAt !== null) throw new FieldmarkError('CONFLICT', 'This import was already undone.');
      const committedAt = Date.parse(record.committedAt);
      const current = annotationsById();
      const remove: string[] = [];
      const ops: StoreOp[] = [];
      for (const { id: annotationId, previous, wrote } of record.before) {
        const now = current.get(annotationId);
        // Changed since the import (the user's edit, or a later import): that is not this import's to take back.
        const changedSince = wrote ? !sameRecord(now ?? null, wrote) : !now || Date.parse(now.updatedAt) > committedAt;
        if (!now || changedSince) continue;
        if (previous === null) remove.push(annotationId);
        else ops.push({ op: 'putAnnotation', value: previous });
      }
      const reverted = remove.length + ops.length;
      if (remove.length > 0) ops.push({ op: 'removeAnnotations', ids: remove });
      ops.push({ op: 'putImport', value: { ...record, undoneAt: ctx.now().toISOString() } });
      await ctx.store.apply(ops);
      return { reverted };
    }),

    exportBackup() {
      const now = ctx.now();
      return { filename: datedFileName('fieldmark-backup', 'json', now), content: renderBackup(ctx.store.doc, ctx.report, now) };
    },

    async restoreBackup({ content }) {
      const backup = parseBackup(content);
      return ctx.gate.exclusive(async () => {
        const name = await ctx.store.backupNow('before restore');
        await ctx.store.apply([{ op: 'replace', value: backup.store }]);
        previews.clear();
        return { annotations: backup.store.annotations.filter((a) => a.deletedAt === null).length, backup: name };
      });
    },
  };
}
