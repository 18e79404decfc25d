/**
 * The codebook on its own, for people and spreadsheets (issue 13): Markdown
 * (the tree as headings with each definition, then a counts table) and CSV.
 * Pure: codes in tree order (the service's listCodes) in, text out; the same
 * codes give the same bytes.
 *
 * The CSV follows RFC 4180 with a BOM and neutralised formulas (csv.ts).
 */
import type { CodeView } from '../../../preload/contract';
import { escapeMarkdown, markdownCode } from './markdown-escape';
import { renderCsv } from './csv';

export { neutralizeFormula } from './csv';

/** The codes' depth (0 at the top), from their paths: a name never holds `/`. */
export function depthOf(code: Pick<CodeView, 'path'>): number {
  return code.path.split('/').length - 1;
}

function parentPathOf(code: Pick<CodeView, 'path'>): string {
  const at = code.path.lastIndexOf('/');
  return at < 0 ? '' : code.path.slice(0, at);
}

/** A table cell: one line, with `|` escaped (GFM tables split cells at a bare `|`). */
function tableCell(text: string): string {
  return escapeMarkdown(text, { singleLine: true }).replace(/\|/gu, '\\|');
}

/** The counts table: each code's path, its direct count and its total with the codes under it. */
export function codebookCountsTable(codes: readonly CodeView[]): string {
  const rows = codes.map((c) => `| ${tableCell(c.path)} | ${c.count} | ${c.totalCount} |`);
  return ['| Code | Direct | Total |', '| --- | ---: | ---: |', ...rows].join('\n');
}

/**
 * The codes as Markdown blocks: one heading per code (level `top` plus its depth,
 * at most 6), then its path, whether it can be applied, its colour and its definition.
 */
export function codebookBlocks(codes: readonly CodeView[], top: number): string[] {
  const out: string[] = [];
  for (const code of codes) {
    out.push(`${'#'.repeat(Math.min(6, top + depthOf(code)))} ${escapeMarkdown(code.name, { singleLine: true })}`);
    const facts = [`Path: ${markdownCode(code.path)}`];
    if (!code.codable) facts.push('grouping code (not applied to passages)');
    if (code.color !== null) facts.push(`colour ${markdownCode(code.color)}`);
    out.push(facts.join(' · '));
    out.push(code.description.trim() === '' ? '*No definition.*' : escapeMarkdown(code.description));
  }
  return out;
}

export interface CodebookMeta {
  title: string;
  exportedAt: Date;
}

/** The Markdown codebook: a header, the tree with definitions, and the counts table. */
export function renderCodebookMarkdown(codes: readonly CodeView[], meta: CodebookMeta): string {
  const out = [
    `# Codebook: ${escapeMarkdown(meta.title, { singleLine: true })}`,
    [`- Exported: ${markdownCode(meta.exportedAt.toISOString())}`, `- Codes: ${codes.length}`].join('\n'),
  ];
  if (codes.length === 0) out.push('The codebook is empty.');
  else out.push(...codebookBlocks(codes, 2), '## Counts', 'Direct: annotations coded with the code itself. Total: with it or any code under it, each annotation once.', codebookCountsTable(codes));
  return `${out.join('\n\n')}\n`;
}

export const CSV_COLUMNS = ['id', 'path', 'name', 'parent path', 'definition', 'colour', 'codable', 'count', 'total'] as const;

/** The CSV codebook (RFC 4180, UTF-8 with a BOM), one row per code in tree order. */
export function renderCodebookCsv(codes: readonly CodeView[]): string {
  const rows = codes.map((c) =>
    [c.id, c.path, c.name, parentPathOf(c), c.description, c.color ?? '', c.codable ? 'true' : 'false', String(c.count), String(c.totalCount)],
  );
  return renderCsv(CSV_COLUMNS, rows);
}
