/**
 * The contract methods by which annotations leave and enter Fieldmark: Markdown
 * and W3C export, the codebook and project exports (refi-export-service.ts),
 * import with a preview (annotation files, REFI-QDA .qdc and .qdpx:
 * import-refi.ts), commit and undo, backup and restore.
 *
 * Guarantees (the ops are built in import-commit.ts):
 * - nothing is written before `commitImport`; a preview lives in memory only
 *   (import-previews.ts) and is used once;
 * - a commit is one `store.apply` batch (the codes, the annotations and an
 *   ImportRecord of their previous states), so it is all-or-nothing, and it is
 *   refused if the annotations or codes it would touch changed since the preview;
 * - undo reverts an import in one batch; an annotation edited after the import
 *   is left as the user made it; codes it changed go back, and codes it made
 *   are deleted when nothing live uses them (import-commit.ts); links and
 *   assessments go back likewise (import-commit-tracker.ts);
 * - restore validates the whole file, then takes an automatic backup of the
 *   current state, then replaces the store in one step.
 */
import { MarkdownOptions, type Contract, type ImportPreview } from '../../../preload/contract';
import { FieldmarkError, type Implementation } from '../../../preload/rpc';
import { parseBackup, renderBackup } from '../store/backup-file';
import { renderMarkdown } from '../exchange/markdown-export';
import { codebookOf } from '../store/codebook';
import { commitOps, undoOps } from './import-commit';
import { trackerCommit, trackerUndo } from './import-commit-tracker';
import { taggedOf } from './tagged-records';
import { createImportPreviews, type ImportPreviews } from './import-previews';
import { importFileOf, planFileImport } from './import-refi';
import { createRefiExportMethods } from './refi-export-service';
import { withEncryptedExchange } from './encrypted-exchange-methods';
import { listCodeViews } from './code-analysis';
import type { ServiceContext } from './service-context';
import { renderW3C } from '../exchange/w3c-export';
import { recommendationPassages } from '../exchange/w3c-links';
import { recommendationsOf } from '../report/recommendations';
import { audienceOf } from '../exchange/audience';
import { exportScope } from './share-scope';

export type ExchangeMethods = Pick<
  Implementation<Contract>,
  | 'exportMarkdown'
  | 'exportAnnotations'
  | 'exportCodebook'
  | 'exportProject'
  | 'previewImport'
  | 'commitImport'
  | 'undoImport'
  | 'exportBackup'
  | 'restoreBackup'
>;

/** `<stem>-YYYY-MM-DD.<ext>` with the local date, as the user reads a calendar. */
export function datedFileName(stem: string, extension: string, at: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${stem}-${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}.${extension}`;
}

/** The exports: each a pure rendering of the store as it is now. */
function createExportMethods(ctx: ServiceContext): Pick<ExchangeMethods, 'exportMarkdown' | 'exportAnnotations' | 'exportBackup'> {
  return {
    exportMarkdown(options) {
      const now = ctx.now();
      const book = codebookOf(ctx.store.doc.codes);
      const scope = exportScope(ctx, audienceOf(options), 'readable');
      const views = scope.views;
      const linked = new Map(views.map((v) => [v.id, v]));
      const recommendations = scope.recommendations();
      const content = renderMarkdown({
        codes: { parentOf: (id) => book.get(id)?.parentId, pathOf: (id) => book.pathOf(id) },
        codebook: listCodeViews(book, views),
        report: ctx.report,
        annotations: views,
        recommendations,
        linked,
        options: options ?? MarkdownOptions.parse({}),
        legend: ctx.store.doc.settings.legend,
        exportedAt: now,
      });
      return { filename: datedFileName('fieldmark-annotations', 'md', now), content };
    },
    exportAnnotations(input) {
      const now = ctx.now();
      const { views, links, withheld } = exportScope(ctx, audienceOf(input), 'exchange');
      const { assessments } = ctx.store.doc;
      const recommendations = recommendationPassages(ctx.report.text, recommendationsOf(ctx.report.text, ctx.report.blocks));
      const content = renderW3C({ report: ctx.report, annotations: views, exportedAt: now, links, assessments, recommendations, withheld });
      return { filename: datedFileName('fieldmark-annotations', 'jsonld', now), content };
    },
    exportBackup() {
      const now = ctx.now();
      return { filename: datedFileName('fieldmark-backup', 'json', now), content: renderBackup(ctx.store.doc, ctx.report, now) };
    },
  };
}

/** Import with a preview, commit and undo; and restore, which makes every preview stale. */
function createImportMethods(
  ctx: ServiceContext,
  previews: ImportPreviews,
): Omit<ExchangeMethods, 'exportMarkdown' | 'exportAnnotations' | 'exportBackup' | 'exportCodebook' | 'exportProject'> {
  const annotationsById = () => new Map(ctx.store.doc.annotations.map((a) => [a.id, a]));
  return {
    previewImport(input): ImportPreview {
      const now = ctx.now();
      const book = codebookOf(ctx.store.doc.codes);
      const existing = ctx.store.doc.annotations.map((a) => taggedOf(book, a));
      const { links, assessments } = ctx.store.doc;
      const tracker = { links, assessments, recommendations: recommendationsOf(ctx.report.text, ctx.report.blocks) };
      const plan = planFileImport(importFileOf(input), { merge: { report: ctx.report, existing, now, tracker }, codes: ctx.store.doc.codes });
      const id = previews.hold(plan, now);
      const items = [
        ...(plan.codes?.items.map((p) => p.item) ?? []),
        ...plan.items.map((p) => p.item),
        ...plan.assessments.map((p) => p.item),
        ...plan.links.map((p) => p.item),
      ];
      return { id, format: plan.format, counts: plan.counts, items };
    },

    // Imports and restores run alone: edits in flight are durable before their checks read the store.
    commitImport: ({ id, reject, accept: ticked }) => ctx.gate.exclusive(async () => {
      const now = ctx.now();
      const plan = previews.find(id, now);
      if (!plan) {
        throw new FieldmarkError('NOT_FOUND', 'This import preview is no longer available (it expired or was already used). Preview the file again.');
      }
      const rejected = new Set(reject ?? []);
      // A file's private annotations apply only when ticked (issue 16).
      const accepted = new Set(ticked ?? []);
      const chosen = plan.items.filter((p) => p.record !== null && !rejected.has(p.item.id) && (p.item.applies || accepted.has(p.item.id)));
      const codeItems = plan.codes?.items ?? [];
      const chosenCodes = codeItems.filter((p) => p.write !== null && !rejected.has(p.item.id));
      const codeChoice = { chosen: chosenCodes, plan: plan.codes };
      const accept = <T extends { record: unknown; item: { id: string } }>(list: readonly T[]) => list.filter((p) => p.record !== null && !rejected.has(p.item.id));
      const there = new Set([...ctx.store.doc.annotations.map((a) => a.id), ...chosen.map((p) => p.item.id)]);
      const tracker = trackerCommit({ links: accept(plan.links), assessments: accept(plan.assessments) }, ctx.store.doc, there);
      await ctx.store.apply(commitOps(id, chosen, codeChoice, annotationsById(), ctx.store.doc.codes, now, tracker));
      previews.drop(id);
      const rejectedCount = [...plan.items, ...codeItems, ...plan.links, ...plan.assessments].filter((p) => rejected.has(p.item.id)).length;
      return {
        id,
        applied: chosen.length,
        codesApplied: chosenCodes.length,
        linksApplied: tracker.links.length,
        assessmentsApplied: tracker.assessments.length,
        rejected: rejectedCount,
        counts: plan.counts,
      };
    }),

    undoImport: ({ id }) => ctx.gate.exclusive(async () => {
      const record = ctx.store.doc.imports.find((r) => r.id === id);
      if (!record) throw new FieldmarkError('NOT_FOUND', 'There is no import with this id to undo.');
      if (record.undoneAt !== null) throw new FieldmarkError('CONFLICT', 'This import was already undone.');
      const now = ctx.now();
      const { ops, reverted, codes } = undoOps(record, annotationsById(), ctx.store.doc.codes, now);
      await ctx.store.apply([...trackerUndo(record, ctx.store.doc, now).ops, ...ops]);
      return { reverted, codes };
    }),

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

/** Builds the exchange methods over the shared service context. */
export function createExchangeMethods(ctx: ServiceContext): ExchangeMethods {
  return withEncryptedExchange({ ...createExportMethods(ctx), ...createRefiExportMethods(ctx), ...createImportMethods(ctx, createImportPreviews()) });
}
