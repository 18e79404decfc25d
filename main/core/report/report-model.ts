/**
 * report/ (main/core, above validation/): the report as data — its verbatim
 * text, hash, blocks and sections, the coordinate system of every annotation.
 * It reads the bundled text and imports nothing from the groups above.
 */
/**
 * The report model: the verbatim text of the 2021 TIP Report: Japan parsed into
 * blocks whose UTF-16 offsets are the coordinate system of every annotation.
 * The text is never altered; blocks only point into it.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Block, BlockKind, Report, SectionId } from '../../../preload/contract';
import { rangeCitation } from '../../../common/citation';
import { indexAtOffset } from '../../../common/offset-lookup';

export const REPORT_FILE = 'report/tip-2021-japan.txt';

const SECTION_HEADINGS: Record<string, { id: SectionId; title: string }> = {
  'PRIORITIZED RECOMMENDATIONS': { id: 'recommendations', title: 'Prioritized Recommendations' },
  PROSECUTION: { id: 'prosecution', title: 'Prosecution' },
  PROTECTION: { id: 'protection', title: 'Protection' },
  PREVENTION: { id: 'prevention', title: 'Prevention' },
  'TRAFFICKING PROFILE': { id: 'profile', title: 'Trafficking Profile' },
};
const INTRODUCTION = { id: 'introduction' as const, title: 'Introduction' };
const TIER_LINE = /^([A-Z][A-Z .'-]*): (Tier [^\n]+)$/;
const BULLET = '•';

export interface ReportModel extends Report {
  /** Block index by id. */
  readonly byId: ReadonlyMap<string, Block>;
}

/** SHA-256 of the text's UTF-8 bytes, lower-case hex. */
export function sha256Hex(text: string | Uint8Array): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Splits `text` into lines with their offsets (without the line break). */
function linesWithOffsets(text: string): Array<{ start: number; end: number }> {
  const lines: Array<{ start: number; end: number }> = [];
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const lineEnd = end > start && text[end - 1] === '\r' ? end - 1 : end;
    lines.push({ start, end: lineEnd });
    start = end + 1;
  }
  return lines;
}

/** Trims white space from both ends of [start, end) without copying the text. */
function trimRange(text: string, start: number, end: number): { start: number; end: number } {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start, end };
}

/** Parses the report text into blocks. Pure: text in, blocks out. */
export function parseBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  const usedIds = new Set<string>();
  const uniqueId = (id: string): string => {
    let candidate = id;
    for (let n = 2; usedIds.has(candidate); n++) candidate = `${id}-${n}`;
    usedIds.add(candidate);
    return candidate;
  };
  let section: { id: SectionId; title: string } | null = null;
  let paragraph = 0;
  let sawTitle = false;

  const push = (kind: BlockKind, id: string, start: number, end: number, para: number | null) => {
    blocks.push({
      id: uniqueId(id),
      kind,
      section: section?.id ?? null,
      sectionTitle: section?.title ?? null,
      paragraph: para,
      start,
      end,
    });
  };

  for (const raw of linesWithOffsets(text)) {
    const { start, end } = trimRange(text, raw.start, raw.end);
    if (start === end) continue;
    const line = text.slice(start, end);

    if (!sawTitle) {
      sawTitle = true;
      push('title', 'title', start, end, null);
      continue;
    }
    if (section === null && TIER_LINE.test(line)) {
      push('tier', 'tier', start, end, null);
      continue;
    }
    const heading = SECTION_HEADINGS[line.replace(/:$/, '')];
    if (heading) {
      section = heading;
      paragraph = 0;
      push('heading', `heading-${heading.id}`, start, end, null);
      continue;
    }
    if (section === null) section = INTRODUCTION;

    if (section.id === 'recommendations' && line.includes(BULLET)) {
      let itemStart = start;
      while (itemStart < end) {
        let bullet = text.indexOf(BULLET, itemStart);
        if (bullet === -1 || bullet >= end) bullet = end;
        const item = trimRange(text, itemStart, bullet);
        if (item.start < item.end) {
          paragraph++;
          push('recommendation', `recommendation-${paragraph}`, item.start, item.end, paragraph);
        }
        itemStart = bullet + BULLET.length;
      }
      continue;
    }
    paragraph++;
    const kind: BlockKind = section.id === 'introduction' ? 'intro' : 'paragraph';
    push(kind, `${section.id}-p${paragraph}`, start, end, paragraph);
  }
  return blocks;
}

/** Reads the tier line's country and tier ("JAPAN: Tier 2" → Japan, Tier 2). */
function tierMetadata(text: string, blocks: Block[]): { country: string; tier: string } {
  const tierBlock = blocks.find((b) => b.kind === 'tier');
  const match = tierBlock ? TIER_LINE.exec(text.slice(tierBlock.start, tierBlock.end)) : null;
  if (!match) return { country: '', tier: '' };
  const country = match[1]!.toLowerCase().replace(/\b\p{L}/gu, (c) => c.toUpperCase());
  return { country, tier: match[2]! };
}

/** Builds the full model (metadata, blocks, hash) from the verbatim text. */
export function buildReportModel(text: string): ReportModel {
  const blocks = parseBlocks(text);
  const titleBlock = blocks.find((b) => b.kind === 'title');
  const title = titleBlock ? text.slice(titleBlock.start, titleBlock.end) : '';
  const year = Number(/\b(19|20)\d\d\b/.exec(title)?.[0] ?? NaN);
  return {
    title,
    ...tierMetadata(text, blocks),
    year: Number.isFinite(year) ? year : 0,
    sha256: sha256Hex(text),
    text,
    blocks,
    byId: new Map(blocks.map((b) => [b.id, b])),
  };
}

/** Loads the bundled report from the assets folder (packaged or source). */
export async function loadReport(assetsDir: string): Promise<ReportModel> {
  const bytes = await readFile(path.join(assetsDir, REPORT_FILE));
  return buildReportModel(bytes.toString('utf8'));
}

/** The plain report as it crosses the contract (no index maps). */
export function toReport(model: ReportModel): Report {
  const { title, country, year, tier, sha256, text, blocks } = model;
  return { title, country, year, tier, sha256, text, blocks };
}

/** Where a range sits: its first block's section and paragraph, and a citation spanning to its last block. */
export function locateRange(
  blocks: readonly Block[],
  start: number,
  end: number,
): { section: SectionId | null; sectionTitle: string | null; paragraph: number | null; citation: string } {
  const first = blocks[Math.max(0, indexAtOffset(blocks, start))];
  const last = blocks[Math.max(0, indexAtOffset(blocks, Math.max(start, end - 1)))];
  if (!first || !last) return { section: null, sectionTitle: null, paragraph: null, citation: '' };
  return { section: first.section, sectionTitle: first.sectionTitle, paragraph: first.paragraph, citation: rangeCitation(first, last) };
}
