/**
 * A briefing as a Word document (issue 15), with the `docx` library: the
 * title in Word's Title style, the document's parts as Heading 1, groups as
 * Heading 2 (a code under another code one level deeper), quotes in the Quote
 * style followed by their citation, tables for the assessment and the coding
 * matrix, the core properties (title, creator, created), and optionally a
 * table-of-contents field (Word fills it in when the file opens).
 *
 * Deterministic: the library stamps the clock into docProps/core.xml and the
 * zip, so the package is rewritten with `created` in both; the same model and
 * date give the same bytes.
 */
import { Document, HeadingLevel, Packer, Paragraph, TableOfContents, TextRun, type Table } from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
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
import { STYLES, runs, table } from './docx-parts';
import { safeText } from './text-safety';

export interface DocxOptions {
  /** The document's created (and modified) time. */
  created: Date;
  /** Put a table-of-contents field after the title. */
  toc?: boolean;
}

type Block = Paragraph | Table | TableOfContents;

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5, HeadingLevel.HEADING_6];
const heading = (level: number, text: string) => new Paragraph({ heading: HEADINGS[Math.min(6, Math.max(1, level)) - 1], children: runs(text) });
const para = (text: string, style?: string) => new Paragraph({ style, children: runs(text) });

function citation(briefing: Briefing, place: string): Paragraph {
  const { publisher, work } = briefing.source;
  const children = [new TextRun({ text: `— ${safeText(publisher)}, ` }), new TextRun({ text: safeText(work), italics: true })];
  if (place) children.push(new TextRun({ text: `, ${safeText(place)}` }));
  return new Paragraph({ style: 'Citation', children });
}

function itemBlocks(briefing: Briefing, item: BriefingItem): Block[] {
  const out: Block[] = [new Paragraph({ style: 'Quote', children: runs(item.quote) }), citation(briefing, item.place)];
  if (item.note !== null) out.push(new Paragraph({ children: [new TextRun({ text: 'Note: ', bold: true }), ...runs(item.note)] }));
  const facts: string[] = [];
  if (item.codes.length > 0) facts.push(`Codes: ${item.codes.join(', ')}`);
  if (item.colorLabel !== null) facts.push(`Colour: ${item.colorLabel}`);
  if (item.relation !== null) facts.push(RELATION_LABELS[item.relation]);
  if (facts.length > 0) out.push(para(facts.join(' · ')));
  return out;
}

function frontMatter(briefing: Briefing, toc: boolean): Block[] {
  const { meta } = briefing;
  const out: Block[] = [new Paragraph({ heading: HeadingLevel.TITLE, children: runs(meta.title) })];
  if (meta.subtitle !== null) out.push(para(meta.subtitle, 'Subtitle'));
  const byline = bylineParts(meta);
  if (byline.length > 0) out.push(para(byline.join(' · ')));
  if (toc) out.push(new TableOfContents('Contents', { hyperlink: true, headingStyleRange: '1-2' }));
  if (briefing.summary.length > 0) out.push(heading(1, BRIEFING_PARTS.summary), ...briefing.summary.map((p) => para(p)));
  return out;
}

function evidence(briefing: Briefing): Block[] {
  const { meta } = briefing;
  const out: Block[] = [heading(1, BRIEFING_PARTS.evidence), para(scopeLine(meta, briefing.counts.annotations))];
  for (const group of briefing.groups) out.push(heading(group.level, group.heading), ...group.items.flatMap((item) => itemBlocks(briefing, item)));
  if (briefing.groups.length === 0) out.push(para(NO_QUOTES));
  return out;
}

function tables(briefing: Briefing): Block[] {
  const out: Block[] = [];
  if (briefing.assessment) {
    const rows = briefing.assessment.map((r) => [String(r.index), r.title, r.statusLabel, String(r.evidence.progress), String(r.evidence.gap), String(r.evidence.context)]);
    out.push(heading(1, BRIEFING_PARTS.assessment), para(ASSESSMENT_NOTE), table(ASSESSMENT_COLUMNS, rows, (i) => i === 0 || i >= 3));
  }
  if (briefing.matrix && briefing.matrix.rows.length > 0) {
    const { columns, rows } = briefing.matrix;
    const head = ['Code', ...columns.map((c) => c.label), 'Total'];
    const body = rows.map((r) => [r.path, ...r.counts.map(String), String(r.total)]);
    out.push(heading(1, BRIEFING_PARTS.matrix), para(MATRIX_NOTE), table(head, body, (i) => i > 0));
  }
  return out;
}

function backMatter(briefing: Briefing): Block[] {
  const out: Block[] = [];
  if (briefing.codebook && briefing.codebook.length > 0) {
    out.push(heading(1, BRIEFING_PARTS.codebook), para(CODEBOOK_NOTE));
    for (const entry of briefing.codebook) {
      out.push(heading(2 + entry.depth, entry.name), para(`Path: ${entry.path} · Count: ${entry.count}`));
      out.push(para(entry.description.trim() === '' ? NO_DEFINITION : entry.description));
    }
  }
  if (briefing.include.sources) {
    const { publisher, work, year, sha256 } = briefing.source;
    const reference = new Paragraph({
      children: [new TextRun({ text: `${safeText(publisher)}, ` }), new TextRun({ text: safeText(work), italics: true }), new TextRun({ text: `. Washington, DC, ${year}.` })],
    });
    out.push(heading(1, BRIEFING_PARTS.sources), reference, para(sha256Line(sha256)));
  }
  return out;
}

/** `xsd:dateTime` without milliseconds, as Word writes it. */
const w3cdtf = (at: Date) => `${at.toISOString().slice(0, 19)}Z`;

/** Rewrites the package with `created` as the core properties' times and every entry's zip time. */
function stampPackage(bytes: Uint8Array, created: Date): Uint8Array {
  const files = unzipSync(bytes);
  const core = files['docProps/core.xml'];
  if (core) {
    const stamp = (xml: string, name: string) => xml.replace(new RegExp(`(<dcterms:${name}[^>]*>)[^<]*(</dcterms:${name}>)`, 'u'), `$1${w3cdtf(created)}$2`);
    files['docProps/core.xml'] = strToU8(stamp(stamp(strFromU8(core), 'created'), 'modified'));
  }
  // Zip times are local DOS times from 1980; a date before that cannot be stored.
  const mtime = created.getTime() < Date.UTC(1980, 1, 1) ? new Date(Date.UTC(1980, 1, 1)) : created;
  const zippable: Zippable = {};
  for (const [name, data] of Object.entries(files)) zippable[name] = [data, { mtime }];
  return zipSync(zippable, { level: 6 });
}

/** Renders the briefing as a .docx package. */
export async function renderBriefingDocx(briefing: Briefing, options: DocxOptions): Promise<Uint8Array> {
  const { meta } = briefing;
  const document = new Document({
    title: safeText(meta.title),
    creator: safeText(meta.author ?? 'Fieldmark'),
    description: safeText(meta.subtitle ?? ''),
    lastModifiedBy: 'Fieldmark',
    styles: STYLES,
    features: options.toc ? { updateFields: true } : undefined,
    sections: [{ children: [...frontMatter(briefing, options.toc ?? false), ...evidence(briefing), ...tables(briefing), ...backMatter(briefing)] }],
  });
  const bytes = await Packer.toBuffer(document);
  return stampPackage(new Uint8Array(bytes), options.created);
}
