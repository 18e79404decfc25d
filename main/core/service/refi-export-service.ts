/**
 * The codebook and project exports (issue 13): exportCodebook as a REFI-QDA
 * .qdc, Markdown or CSV, and exportProject as a REFI-QDA .qdpx (the report, its
 * placed annotations as codings with their notes, and the codebook). File
 * names are fixed per report (`fieldmark-codebook-2021-japan.qdc`), so a second
 * export replaces the first rather than piling up dated copies.
 *
 * A .qdpx holds the annotations that are placed in the current text; orphans
 * (under "Needs review") have no position in it, so they are left out.
 */
import type { Contract, CodeView } from '../../../preload/contract';
import type { Implementation } from '../../../preload/rpc';
import { renderCodebookCsv, renderCodebookMarkdown } from '../exchange/codebook-export';
import { refiOrigin, writeQdc } from '../exchange/refi/qdc-write';
import { writeQdpx } from '../exchange/refi/qdpx-write';
import type { RefiCode, RefiCoding } from '../exchange/refi/refi-model';
import { REPORT_FILE } from '../report/report-model';
import { codebookOf } from '../store/codebook';
import { listCodeViews } from './code-analysis';
import type { ServiceContext } from './service-context';
import { audienceOf } from '../exchange/audience';
import { exportScope, type ExportScope } from './share-scope';

/** Who wrote a REFI-QDA file, as its `origin` attribute says. */
export const REFI_ORIGIN = refiOrigin('(REFI-QDA 1.5 export)');

/** `fieldmark-<what>-2021-japan`: the report's year and country, in lower case. */
export function reportFileStem(what: string, report: { year: number; country: string }): string {
  const country = report.country.toLowerCase().replace(/[^a-z0-9]+/gu, '-').replace(/^-|-$/gu, '') || 'report';
  return `fieldmark-${what}-${report.year}-${country}`;
}

function refiCodes(codes: readonly CodeView[]): RefiCode[] {
  return codes.map(({ id, name, parentId, description, color, codable }) => ({ id, name, parentId, description, color, codable }));
}

function refiCodings(ctx: ServiceContext, scope: ExportScope): RefiCoding[] {
  const book = codebookOf(ctx.store.doc.codes);
  return scope.views
    .filter((v) => v.deletedAt === null && v.anchor.status !== 'orphan' && v.end > v.start)
    .map((v) => ({
      id: v.id,
      start: v.start,
      end: v.end,
      codeIds: v.codeIds.filter((id) => book.liveCode(id) !== undefined),
      note: v.note,
      ...(scope.withheld.has(v.id) ? { noteWithheld: true } : {}),
      createdAt: v.createdAt,
      updatedAt: v.updatedAt === v.createdAt ? null : v.updatedAt,
    }));
}

export function createRefiExportMethods(ctx: ServiceContext): Pick<Implementation<Contract>, 'exportCodebook' | 'exportProject'> {
  const codeViews = (scope: ExportScope) => listCodeViews(codebookOf(ctx.store.doc.codes), scope.views);
  return {
    exportCodebook(input) {
      const { format } = input;
      // The counts are the codings the file's reader may know of: a private annotation's are not counted when sharing.
      const codes = codeViews(exportScope(ctx, audienceOf(input), 'readable'));
      const stem = reportFileStem('codebook', ctx.report);
      if (format === 'qdc') return { filename: `${stem}.qdc`, content: writeQdc(refiCodes(codes), REFI_ORIGIN) };
      if (format === 'csv') return { filename: `${stem}.csv`, content: renderCodebookCsv(codes) };
      return { filename: `${stem}.md`, content: renderCodebookMarkdown(codes, { title: ctx.report.title, exportedAt: ctx.now() }) };
    },
    exportProject(input) {
      const scope = exportScope(ctx, audienceOf(input), 'exchange');
      const bytes = writeQdpx(
        {
          name: ctx.report.title,
          sourceText: ctx.report.text,
          sourceName: REPORT_FILE.split('/').pop()!,
          codes: refiCodes(codeViews(scope)),
          codings: refiCodings(ctx, scope),
          exportedAt: ctx.now().toISOString(),
        },
        REFI_ORIGIN,
      );
      return { filename: `${reportFileStem('project', ctx.report)}.qdpx`, contentBase64: Buffer.from(bytes).toString('base64') };
    },
  };
}
