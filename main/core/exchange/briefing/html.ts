/**
 * A briefing as one self-contained HTML file (issue 15): inline CSS
 * (html-style.ts), no script, no external resource, and a Content Security
 * Policy that forbids both even if text ever got through as markup. Every
 * text is escaped (text-safety.ts); quotes and notes keep their line breaks
 * and spaces through `white-space: pre-wrap`. Pure: the same model gives the
 * same bytes.
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
import { BRIEFING_CSS } from './html-style';
import { escapeHtml as esc } from './text-safety';

export const BRIEFING_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; base-uri 'none'; form-action 'none'";

const tag = (name: string, text: string, attrs = '') => `<${name}${attrs}>${esc(text)}</${name}>`;
const h = (level: number, text: string) => tag(`h${Math.min(6, level)}`, text);

function work(briefing: Briefing): string {
  return `${esc(briefing.source.publisher)}, <cite>${esc(briefing.source.work)}</cite>`;
}

function itemHtml(briefing: Briefing, item: BriefingItem): string {
  const out = [`<div class="item${item.color ? ` c-${item.color}` : ''}">`, `<blockquote>${esc(item.quote)}</blockquote>`];
  out.push(`<p class="citation">— ${work(briefing)}${item.place ? `, ${esc(item.place)}` : ''}</p>`);
  if (item.note !== null) out.push(`<p class="note"><strong>Note:</strong> ${esc(item.note)}</p>`);
  const facts: string[] = [];
  if (item.codes.length > 0) facts.push(`Codes: ${item.codes.map((c) => tag('code', c)).join(', ')}`);
  if (item.colorLabel !== null) facts.push(`Colour: ${esc(item.colorLabel)}`);
  if (item.relation !== null) facts.push(esc(RELATION_LABELS[item.relation]));
  if (facts.length > 0) out.push(`<p class="facts">${facts.join(' · ')}</p>`);
  out.push('</div>');
  return out.join('\n');
}

function header(briefing: Briefing): string[] {
  const { meta } = briefing;
  const out = ['<header>', h(1, meta.title)];
  if (meta.subtitle !== null) out.push(tag('p', meta.subtitle, ' class="subtitle"'));
  const byline = bylineParts(meta);
  if (byline.length > 0) out.push(`<p class="byline">${byline.map(esc).join(' · ')}</p>`);
  out.push('</header>');
  if (briefing.summary.length > 0) out.push('<section class="summary">', h(2, BRIEFING_PARTS.summary), ...briefing.summary.map((p) => tag('p', p)), '</section>');
  return out;
}

function evidence(briefing: Briefing): string[] {
  const { meta } = briefing;
  const out = ['<section>', h(2, BRIEFING_PARTS.evidence), tag('p', scopeLine(meta, briefing.counts.annotations), ' class="scope"')];
  for (const group of briefing.groups) out.push(h(group.level + 1, group.heading), ...group.items.map((item) => itemHtml(briefing, item)));
  if (briefing.groups.length === 0) out.push(tag('p', NO_QUOTES));
  out.push('</section>');
  return out;
}

function table(head: readonly string[], numeric: (i: number) => boolean, rows: ReadonlyArray<readonly string[]>): string {
  const cls = (i: number) => (numeric(i) ? ' class="n"' : '');
  const th = head.map((text, i) => tag('th', text, ` scope="col"${cls(i)}`)).join('');
  const body = rows.map((r) => `<tr>${r.map((text, i) => tag('td', text, cls(i))).join('')}</tr>`).join('\n');
  return `<div class="table-wrap"><table>\n<thead><tr>${th}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table></div>`;
}

function tables(briefing: Briefing): string[] {
  const out: string[] = [];
  if (briefing.assessment) {
    const rows = briefing.assessment.map((r) => [String(r.index), r.title, r.statusLabel, String(r.evidence.progress), String(r.evidence.gap), String(r.evidence.context)]);
    const numeric = (i: number) => i === 0 || i >= 3;
    out.push('<section>', h(2, BRIEFING_PARTS.assessment), tag('p', ASSESSMENT_NOTE, ' class="aside"'), table(ASSESSMENT_COLUMNS, numeric, rows), '</section>');
  }
  if (briefing.matrix && briefing.matrix.rows.length > 0) {
    const { columns, rows } = briefing.matrix;
    const head = ['Code', ...columns.map((c) => c.label), 'Total'];
    const body = rows.map((r) => [r.path, ...r.counts.map(String), String(r.total)]);
    out.push('<section>', h(2, BRIEFING_PARTS.matrix), tag('p', MATRIX_NOTE, ' class="aside"'), table(head, (i) => i > 0, body), '</section>');
  }
  return out;
}

function backMatter(briefing: Briefing): string[] {
  const out: string[] = [];
  if (briefing.codebook && briefing.codebook.length > 0) {
    out.push('<section>', h(2, BRIEFING_PARTS.codebook), tag('p', CODEBOOK_NOTE, ' class="aside"'));
    for (const entry of briefing.codebook) {
      out.push(h(3 + entry.depth, entry.name), `<p class="facts">Path: ${tag('code', entry.path)} · Count: ${entry.count}</p>`);
      out.push(entry.description.trim() === '' ? tag('p', NO_DEFINITION, ' class="aside"') : tag('p', entry.description, ' class="definition"'));
    }
    out.push('</section>');
  }
  if (briefing.include.sources) {
    const { year, sha256 } = briefing.source;
    out.push('<section>', h(2, BRIEFING_PARTS.sources), `<p>${work(briefing)}. Washington, DC, ${year}.</p>`, tag('p', sha256Line(sha256)), '</section>');
  }
  return out;
}

/** Renders the briefing as one HTML file. */
export function renderBriefingHtml(briefing: Briefing): string {
  const { meta } = briefing;
  const head = [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${BRIEFING_CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="Fieldmark">',
    ...(meta.author !== null ? [`<meta name="author" content="${esc(meta.author)}">`] : []),
    tag('title', meta.title),
    `<style>\n${BRIEFING_CSS}\n</style>`,
    '</head>',
    '<body>',
  ];
  const body = ['<main>', ...header(briefing), ...evidence(briefing), ...tables(briefing), ...backMatter(briefing), '</main>'];
  return `${[...head, ...body, '</body>', '</html>'].join('\n')}\n`;
}
