import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { blockLabel } from '../../../../common/citation';
import { indexAtOffset as blockIndexAt } from '../../../../common/offset-lookup';
import {
  buildReportModel,
  loadReport,
  locateRange,
  parseBlocks,
  sha256Hex,
  toReport,
} from '../../../../main/core/report/report-model';

const ASSETS = path.resolve(import.meta.dirname, '../../../../assets');
const BYTES = readFileSync(path.join(ASSETS, 'report/tip-2021-japan.txt'));
const TEXT = BYTES.toString('utf8');
const SHA = '0eab7409d86e46267a377d97868557be666dc03c33f0763c19a2cb6792882f2d';
const MODEL = buildReportModel(TEXT);
const slice = (b: { start: number; end: number }) => TEXT.slice(b.start, b.end);

describe('the bundled report', () => {
  it('is the verbatim text: its SHA-256 is the published one', () => {
    expect(sha256Hex(BYTES)).toBe(SHA);
    expect(MODEL.sha256).toBe(SHA);
  });

  it('loads from the assets folder', async () => {
    const loaded = await loadReport(ASSETS);
    expect(loaded.sha256).toBe(SHA);
    expect(loaded.blocks).toEqual(MODEL.blocks);
  });
});

describe('metadata', () => {
  it('reads title, country, year and tier from the title and tier lines', () => {
    expect(MODEL).toMatchObject({ title: '2021 Trafficking in Persons Report: Japan', country: 'Japan', year: 2021, tier: 'Tier 2' });
    const title = MODEL.blocks[0]!;
    const tier = MODEL.blocks[1]!;
    expect([title.kind, title.id, slice(title)]).toEqual(['title', 'title', '2021 Trafficking in Persons Report: Japan']);
    expect([tier.kind, tier.id, slice(tier)]).toEqual(['tier', 'tier', 'JAPAN: Tier 2']);
  });

  it('crosses the contract without its index', () => {
    const plain = toReport(MODEL);
    expect(Object.keys(plain).sort()).toEqual(['blocks', 'country', 'sha256', 'text', 'tier', 'title', 'year']);
  });
});

describe('blocks', () => {
  it('has the five section headings, in order', () => {
    const headings = MODEL.blocks.filter((b) => b.kind === 'heading');
    expect(headings.map(slice)).toEqual(['PRIORITIZED RECOMMENDATIONS:', 'PROSECUTION', 'PROTECTION', 'PREVENTION', 'TRAFFICKING PROFILE']);
    expect(headings.map((b) => b.id)).toEqual([
      'heading-recommendations',
      'heading-prosecution',
      'heading-protection',
      'heading-prevention',
      'heading-profile',
    ]);
  });

  it('splits the recommendations paragraph at each of its "•" separators', () => {
    // The text has 11 separators, so 12 items (the first item has no bullet before it).
    const separators = TEXT.match(/•/g) ?? [];
    expect(separators).toHaveLength(11);
    const items = MODEL.blocks.filter((b) => b.kind === 'recommendation');
    expect(items).toHaveLength(separators.length + 1);
    expect(items.map((b) => b.id)).toEqual(items.map((_, i) => `recommendation-${i + 1}`));
    expect(items.map((b) => b.paragraph)).toEqual(items.map((_, i) => i + 1));
    expect(slice(items[0]!)).toMatch(/^Vigorously investigate and prosecute/);
    expect(slice(items[11]!)).toBe('Aggressively investigate, prosecute, convict, and punish Japanese citizens who engage in child sex tourism overseas.');
    for (const item of items) {
      expect(item.section).toBe('recommendations');
      expect(slice(item)).not.toMatch(/^\s|\s$|•/);
    }
    // Between consecutive items lies exactly " • ".
    for (let i = 1; i < items.length; i++) expect(TEXT.slice(items[i - 1]!.end, items[i]!.start)).toBe(' • ');
  });

  it('gives every block a slice that is exactly its text, untrimmed and in order', () => {
    let previousEnd = 0;
    for (const block of MODEL.blocks) {
      expect(block.start).toBeLessThan(block.end);
      expect(block.start).toBeGreaterThanOrEqual(previousEnd);
      expect(slice(block)).toBe(slice(block).trim());
      previousEnd = block.end;
    }
  });

  it('covers every character that is not white space or a "•" separator by exactly one block', () => {
    const cover = new Uint8Array(TEXT.length);
    for (const block of MODEL.blocks) for (let i = block.start; i < block.end; i++) cover[i]!++;
    const problems: number[] = [];
    for (let i = 0; i < TEXT.length; i++) {
      const separatorOrSpace = /\s/.test(TEXT[i]!) || TEXT[i] === '•';
      if (separatorOrSpace ? cover[i]! > 1 : cover[i] !== 1) problems.push(i);
      if (TEXT[i] === '•') expect(cover[i]).toBe(0);
    }
    expect(problems).toEqual([]);
  });

  it('numbers paragraphs within each section and gives them stable ids', () => {
    const ids = MODEL.blocks.map((b) => b.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain('introduction-p1');
    expect(ids).toContain('protection-p2');
    expect(ids).toContain('recommendation-3');
    for (const section of ['prosecution', 'protection', 'prevention', 'profile']) {
      const paragraphs = MODEL.blocks.filter((b) => b.section === section && b.kind === 'paragraph');
      expect(paragraphs.length).toBeGreaterThan(0);
      expect(paragraphs.map((b) => b.id)).toEqual(paragraphs.map((_, i) => `${section}-p${i + 1}`));
    }
    expect(MODEL.byId.get('protection-p2')).toMatchObject({ sectionTitle: 'Protection', paragraph: 2 });
    expect(slice(MODEL.byId.get('protection-p2')!)).toMatch(/^In 2020, authorities identified 25 sex trafficking victims/);
  });

  it('produces the same ids and offsets on every parse', () => {
    expect(parseBlocks(TEXT)).toEqual(MODEL.blocks);
    expect(buildReportModel(TEXT).blocks.map((b) => [b.id, b.start, b.end])).toEqual(MODEL.blocks.map((b) => [b.id, b.start, b.end]));
  });

  it('keeps offsets right in a text with Windows line breaks', () => {
    const crlf = TEXT.replace(/\n/g, '\r\n');
    const blocks = parseBlocks(crlf);
    expect(blocks.map((b) => b.id)).toEqual(MODEL.blocks.map((b) => b.id));
    blocks.forEach((b, i) => expect(crlf.slice(b.start, b.end)).toBe(slice(MODEL.blocks[i]!)));
  });
});

describe('citations', () => {
  it('labels blocks as readers cite them', () => {
    expect(blockLabel(MODEL.byId.get('protection-p2')!)).toBe('Protection ¶2');
    expect(blockLabel(MODEL.byId.get('recommendation-3')!)).toBe('Prioritized Recommendations ¶3');
    expect(blockLabel(MODEL.byId.get('title')!)).toBe('Title');
    expect(blockLabel(MODEL.byId.get('tier')!)).toBe('Tier ranking');
    expect(blockLabel(MODEL.byId.get('heading-prevention')!)).toBe('Prevention');
  });

  it('locates a range by its first block and cites a span to its last', () => {
    const p2 = MODEL.byId.get('protection-p2')!;
    const p3 = MODEL.byId.get('protection-p3')!;
    expect(locateRange(MODEL.blocks, p2.start + 5, p2.start + 20)).toEqual({
      section: 'protection',
      sectionTitle: 'Protection',
      paragraph: 2,
      citation: 'Protection ¶2',
    });
    expect(locateRange(MODEL.blocks, p2.start + 5, p3.start + 3).citation).toBe('Protection ¶2–¶3');
    const prevention = MODEL.byId.get('prevention-p1')!;
    expect(locateRange(MODEL.blocks, p3.start, prevention.start + 4).citation).toBe('Protection ¶3 – Prevention ¶1');
  });

  it('finds the block at an offset by binary search', () => {
    for (const [i, block] of MODEL.blocks.entries()) {
      expect(blockIndexAt(MODEL.blocks, block.start)).toBe(i);
      expect(blockIndexAt(MODEL.blocks, block.end - 1)).toBe(i);
    }
    expect(blockIndexAt(MODEL.blocks, -1)).toBe(-1);
  });
});
