/**
 * A briefing as Markdown (issue 15): the model's structure as clean CommonMark
 * with GFM tables, every text written with the export's exact-but-readable
 * escaping (../markdown-escape.ts), so any renderer shows quotes and notes as
 * written. Pure: the same model gives the same bytes.
 */
import type { Briefing, BriefingItem } from '../../../../preload/contract';
import {
  ASSESSMENT_COLUMNS,
  ASSESSMENT_NOTE,
  BRIEFING_PARTS,
  CODEBOOK_NOTE,
  MATRIX_NOTE,
  NO_DEFINITION,
  NO_QUOTES,
  RELATION_LABELS,
  bylineParts,
  scopeLine,
  sha256Line,
} from '../../../../common/briefing-labels';
import { escapeMarkdown, markdownCode } from '../markdown-escape';

const line = (text: string) => escapeMarkdown(text, { singleLine: true });
/** A table cell: one line, `|` escaped (GFM splits cells at a bare `|`). */
const cell = (text: string) => line(text).replace(/\|/gu, '\\|');
const heading = (level: number, text: string) => `${'#'.repeat(Math.min(6, level))} ${line(text)}`;
const table = (head: readonly string[], align: readonly string[], rows: readonly string[][]) =>
  [`| ${head.map(cell).join(' | ')} |`, `| ${align.join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');

/** The citation with the work's title in italics. */
function citationLine(briefing: Briefing, item: BriefingItem): string {
  const { publisher, work } = briefing.source;
  return `— ${line(publisher)}, *${line(work)}*${item.place ? `, ${line(item.place)}` : ''}`;
}

function itemBlocks(briefing: Briefing, item: BriefingItem): string[] {
  const out = [`> ${escapeMarkdown(item.quote, { linePrefix: '> ' })}`, citationLine(briefing, item)];
  if (item.note !== null) out.push(`**Note:** ${escapeMarkdown(item.note)}`);
  const facts: string[] = [];
  if (item.codes.length > 0) facts.push(`Codes: ${item.codes.map(markdownCode).join(', ')}`);
  if (item.colorLabel !== null) facts.push(`Colour: ${line(item.colorLabel)}`);
  if (item.relation !== null) facts.push(line(RELATION_LABELS[item.relation]));
  if (facts.length > 0) out.push(facts.join(' · '));
  return out;
}

function frontMatter(briefing: Briefing): string[] {
  const { meta } = briefing;
  const out = [heading(1, meta.title)];
  if (meta.subtitle !== null) out.push(`*${line(meta.subtitle)}*`);
  const byline = bylineParts(meta);
  if (byline.length > 0) out.push(byline.map(line).join(' · '));
  if (briefing.summary.length > 0) out.push(heading(2, BRIEFING_PARTS.summary), ...briefing.summary.map((p) => escapeMarkdown(p)));
  return out;
}

function evidence(briefing: Briefing): string[] {
  const { meta } = briefing;
  const out = [heading(2, BRIEFING_PARTS.evidence), line(scopeLine(meta, briefing.counts.annotations))];
  for (const group of briefing.groups) {
    out.push(heading(group.level + 1, group.heading));
    for (const item of group.items) out.push(...itemBlocks(briefing, item));
  }
  if (briefing.groups.length === 0) out.push(NO_QUOTES);
  return out;
}

function tables(briefing: Briefing): string[] {
  const out: string[] = [];
  if (briefing.assessment) {
    const rows = briefing.assessment.map((r) => [String(r.index), cell(r.title), cell(r.statusLabel), ...[r.evidence.progress, r.evidence.gap, r.evidence.context].map(String)]);
    out.push(heading(2, BRIEFING_PARTS.assessment), ASSESSMENT_NOTE, table(ASSESSMENT_COLUMNS, ['---:', '---', '---', '---:', '---:', '---:'], rows));
  }
  if (briefing.matrix && briefing.matrix.rows.length > 0) {
    const { columns, rows } = briefing.matrix;
    const head = ['Code', ...columns.map((c) => c.label), 'Total'];
    const body = rows.map((r) => [markdownCode(r.path).replace(/\|/gu, '\\|'), ...r.counts.map(String), String(r.total)]);
    out.push(heading(2, BRIEFING_PARTS.matrix), MATRIX_NOTE, table(head, ['---', ...columns.map(() => '---:'), '---:'], body));
  }
  return out;
}

function backMatter(briefing: Briefing): string[] {
  const out: string[] = [];
  if (briefing.codebook && briefing.codebook.length > 0) {
    out.push(heading(2, BRIEFING_PARTS.codebook), CODEBOOK_NOTE);
    for (const entry of briefing.codebook) {
      out.push(heading(3 + entry.depth, entry.name), `Path: ${markdownCode(entry.path)} · Count: ${entry.count}`);
      out.push(entry.description.trim() === '' ? `*${NO_DEFINITION}*` : escapeMarkdown(entry.description));
    }
  }
  if (briefing.include.sources) {
    const { publisher, work, year, sha256 } = briefing.source;
    out.push(heading(2, BRIEFING_PARTS.sources), `${line(publisher)}, *${line(work)}*. Washington, DC, ${year}.`, sha256Line(markdownCode(sha256)));
  }
  return out;
}

/** Renders the briefing as Markdown. */
export function renderBriefingMarkdown(briefing: Briefing): string {
  return `${[...frontMatter(briefing), ...evidence(briefing), ...tables(briefing), ...backMatter(briefing)].join('\n\n')}\n`;
}
