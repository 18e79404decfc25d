import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildReportModel } from '../../../../main/core/report/report-model';
import { entryIndexAt, tocEntries } from '../../../../renderer/reader/sections';
import { indexAtOffset } from '../../../../common/offset-lookup';

const text = readFileSync(path.resolve(import.meta.dirname, '../../../../assets/report/tip-2021-japan.txt'), 'utf8');
const report = buildReportModel(text);

describe('table of contents entries', () => {
  it('lists the introduction and the five section headings in order', () => {
    expect(tocEntries(report).map((e) => e.title)).toEqual([
      'Introduction',
      'Prioritized Recommendations',
      'Prosecution',
      'Protection',
      'Prevention',
      'Trafficking Profile',
    ]);
  });

  it('points each heading entry at its heading block', () => {
    for (const entry of tocEntries(report).slice(1)) {
      const block = report.blocks.find((b) => b.id === entry.id)!;
      expect(block.kind).toBe('heading');
      expect(entry.start).toBe(block.start);
    }
  });

  it('finds the entry an offset falls in', () => {
    const entries = tocEntries(report);
    const protection = report.blocks.find((b) => b.id === 'protection-p2')!;
    expect(entries[entryIndexAt(entries, protection.start + 10)]!.title).toBe('Protection');
    expect(entryIndexAt(entries, 0)).toBe(-1);
    expect(entries[entryIndexAt(entries, text.length)]!.title).toBe('Trafficking Profile');
  });
});

describe('block lookup by offset', () => {
  it('returns the block containing an offset, or the previous one in a separator', () => {
    const blocks = report.blocks;
    const i = blocks.findIndex((b) => b.id === 'prosecution-p2');
    expect(indexAtOffset(blocks, blocks[i]!.start)).toBe(i);
    expect(indexAtOffset(blocks, blocks[i]!.end - 1)).toBe(i);
    expect(indexAtOffset(blocks, blocks[i]!.end + 1)).toBe(i);
    expect(indexAtOffset(blocks, -1)).toBe(-1);
  });
});
