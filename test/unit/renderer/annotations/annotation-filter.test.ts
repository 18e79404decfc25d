import { describe, expect, it } from 'vitest';
import type { AnnotationView } from '../../../../preload/contract';
import { filterTerms } from '../../../../common/annotation-filter';
import { EMPTY_FILTER, isFilterActive, isLive, isOrphan, splitMatches, toContractFilter, type PanelFilter, type SortOrder } from '../../../../renderer/annotations/annotation-filter';
import { view } from './fixtures';
import { panelOf } from './panel-of';

// The panel's answers, through the store, index and tallies the app uses (the rule itself is common/annotation-filter.ts).
const filterAnnotations = (list: readonly AnnotationView[], filter: PanelFilter) => [...panelOf(list, filter).shown];
const colorCounts = (list: readonly AnnotationView[], filter: PanelFilter) => panelOf(list, filter).colors;
const tagCounts = (list: readonly AnnotationView[], filter: PanelFilter) => panelOf(list, filter).tags;
const sectionCounts = (list: readonly AnnotationView[], filter: PanelFilter) => panelOf(list, filter).sections;
const sortAnnotations = (list: readonly AnnotationView[], order: SortOrder) => [...panelOf(list, EMPTY_FILTER, order).shown];

const a = view({ color: 'key', tags: ['Labor', 'TITP'], exact: 'technical intern training program', note: 'Check the 2020 figures', section: 'protection' });
const b = view({ color: 'gap', tags: ['labor'], exact: 'did not identify any victims', note: '', section: 'prosecution' });
const c = view({ color: 'key', tags: [], exact: 'commercial sex', note: 'children at risk', section: 'profile' });
const all = [a, b, c];

describe('free-text filter', () => {
  it('matches the quote, the note and the tags, ignoring case', () => {
    expect(filterAnnotations(all, { ...EMPTY_FILTER, text: 'INTERN' })).toEqual([a]);
    expect(filterAnnotations(all, { ...EMPTY_FILTER, text: 'children' })).toEqual([c]);
    expect(filterAnnotations(all, { ...EMPTY_FILTER, text: 'titp' })).toEqual([a]);
  });

  it('requires every term, each anywhere in quote, note or tags', () => {
    expect(filterAnnotations(all, { ...EMPTY_FILTER, text: 'labor victims' })).toEqual([b]);
    expect(filterAnnotations(all, { ...EMPTY_FILTER, text: 'labor children' })).toEqual([]);
  });

  it('splits the text into lower-cased terms on white space', () => {
    expect(filterTerms('  Not\tIDENTIFY  labor ')).toEqual(['not', 'identify', 'labor']);
  });

  it('never lets a term match across the quote and the note', () => {
    const d = view({ exact: 'forced', note: 'labour', tags: [] });
    expect(filterAnnotations([d], { ...EMPTY_FILTER, text: 'forced labour' })).toEqual([d]);
    expect(filterAnnotations([d], { ...EMPTY_FILTER, text: 'dlab' })).toEqual([]);
  });

  it('treats regular-expression characters literally', () => {
    const d = view({ exact: 'costs (yen) $5.00 [approx]' });
    expect(filterAnnotations([d, a], { ...EMPTY_FILTER, text: '(yen)' })).toEqual([d]);
    expect(filterAnnotations([d, a], { ...EMPTY_FILTER, text: '$5.00' })).toEqual([d]);
    expect(filterAnnotations([d, a], { ...EMPTY_FILTER, text: '.*' })).toEqual([]);
  });

  it('ignores blank text', () => {
    expect(filterAnnotations(all, { ...EMPTY_FILTER, text: '   ' })).toEqual(all);
    expect(isFilterActive({ ...EMPTY_FILTER, text: '  ' })).toBe(false);
  });
});

describe('colour, tag and section filters', () => {
  it('shows any of the chosen colours', () => {
    expect(filterAnnotations(all, { ...EMPTY_FILTER, colors: ['gap'] })).toEqual([b]);
    expect(filterAnnotations(all, { ...EMPTY_FILTER, colors: ['gap', 'key'] })).toEqual(all);
  });

  it('shows any of the chosen tags, ignoring case, as the export does', () => {
    expect(filterAnnotations(all, { ...EMPTY_FILTER, tags: ['LABOR'] })).toEqual([a, b]);
    expect(filterAnnotations(all, { ...EMPTY_FILTER, tags: ['titp', 'nothing'] })).toEqual([a]);
  });

  it('counts sub-tags under their parent tag', () => {
    const visa = view({ tags: ['legal/visa'] });
    const legal = view({ tags: ['Legal'] });
    const legalese = view({ tags: ['legalese'] });
    expect(filterAnnotations([visa, legal, legalese], { ...EMPTY_FILTER, tags: ['legal'] })).toEqual([visa, legal]);
    expect(tagCounts([visa, legal, legalese], EMPTY_FILTER)).toEqual([
      { tag: 'Legal', count: 2 },
      { tag: 'legal/visa', count: 1 },
      { tag: 'legalese', count: 1 },
    ]);
  });

  it('treats "TITP", "titp" and full-width "ＴＩＴＰ" as one tag in the panel filter and its counts', () => {
    const upper = view({ tags: ['TITP'] });
    const lower = view({ tags: ['titp'] });
    const wide = view({ tags: ['ＴＩＴＰ/visa'] });
    const other = view({ tags: ['visa'] });
    const list = [upper, lower, wide, other];
    for (const chosen of ['TITP', 'titp', 'ＴＩＴＰ']) {
      expect(filterAnnotations(list, { ...EMPTY_FILTER, tags: [chosen] })).toEqual([upper, lower, wide]);
    }
    expect(tagCounts(list, EMPTY_FILTER)).toEqual([
      { tag: 'TITP', count: 3 },
      { tag: 'ＴＩＴＰ/visa', count: 1 },
      { tag: 'visa', count: 1 },
    ]);
    expect(tagCounts(list, { ...EMPTY_FILTER, tags: ['ｔｉｔｐ'], text: 'x' })).toEqual([
      { tag: 'TITP', count: 3 },
      { tag: 'ＴＩＴＰ/visa', count: 1 },
      { tag: 'visa', count: 1 },
    ]);
  });

  it('narrows to one section', () => {
    expect(filterAnnotations(all, { ...EMPTY_FILTER, section: 'profile' })).toEqual([c]);
  });

  it('combines filters', () => {
    expect(filterAnnotations(all, { colors: ['key'], tags: ['labor'], section: null, text: '2020' })).toEqual([a]);
    expect(filterAnnotations(all, { colors: ['gap'], tags: ['titp'], section: null, text: '' })).toEqual([]);
    expect(filterAnnotations(all, { colors: ['key'], tags: [], section: 'profile', text: 'risk' })).toEqual([c]);
  });
});

describe('counts', () => {
  it('counts each colour under the other filters, not the colour filter itself', () => {
    const counts = colorCounts(all, { ...EMPTY_FILTER, colors: ['gap'] });
    expect(counts).toEqual({ key: 2, gap: 1, progress: 0, statistic: 0, question: 0 });
    expect(colorCounts(all, { ...EMPTY_FILTER, text: 'labor' })).toMatchObject({ key: 1, gap: 1 });
  });

  it('merges tags that differ only in case, most used first', () => {
    expect(tagCounts(all, EMPTY_FILTER)).toEqual([
      { tag: 'Labor', count: 2 },
      { tag: 'TITP', count: 1 },
    ]);
  });

  it('counts a tag once per annotation even if written twice', () => {
    const d = view({ tags: ['x', 'X'] });
    expect(tagCounts([d], EMPTY_FILTER)).toEqual([{ tag: 'x', count: 1 }]);
  });

  it('lists every tag in use, with zero where the other filters exclude it', () => {
    expect(tagCounts(all, { ...EMPTY_FILTER, tags: ['titp'], colors: ['gap'] })).toEqual([
      { tag: 'Labor', count: 1 },
      { tag: 'TITP', count: 0 },
    ]);
  });

  it('counts sections under the other filters', () => {
    const counts = sectionCounts(all, { ...EMPTY_FILTER, colors: ['key'], section: 'prosecution' });
    expect(Object.fromEntries(counts)).toEqual({ protection: 1, profile: 1 });
  });
});

describe('order', () => {
  it('sorts in document order, the longer first where two start together', () => {
    const x = view({ start: 50, end: 60 });
    const y = view({ start: 10, end: 20 });
    const z = view({ start: 10, end: 40 });
    expect(sortAnnotations([x, y, z], 'document')).toEqual([z, y, x]);
  });

  it('sorts newest first', () => {
    const older = view({ createdAt: '2024-01-01T00:00:00.000Z' });
    const newer = view({ createdAt: '2024-02-01T00:00:00.000Z' });
    expect(sortAnnotations([older, newer], 'newest')).toEqual([newer, older]);
  });
});

describe('live, orphaned and deleted annotations', () => {
  it('tells painted annotations from orphans and tombstones', () => {
    const orphan = view({ anchor: { status: 'orphan', score: 0.2 } });
    const deleted = view({ deletedAt: '2024-01-02T00:00:00.000Z' });
    expect([a, orphan, deleted].map(isLive)).toEqual([true, false, false]);
    expect([a, orphan, deleted].map(isOrphan)).toEqual([false, true, false]);
  });
});

describe('emphasis of matched terms', () => {
  it('splits text into plain and matching segments, keeping the original case', () => {
    expect(splitMatches('Labor and LABOR camps', ['labor'])).toEqual([
      { text: 'Labor', match: true },
      { text: ' and ', match: false },
      { text: 'LABOR', match: true },
      { text: ' camps', match: false },
    ]);
  });

  it('prefers the longest term where terms overlap', () => {
    expect(splitMatches('intern training', ['intern', 'intern training'])).toEqual([{ text: 'intern training', match: true }]);
  });

  it('returns the text as one plain segment without terms and nothing for empty text', () => {
    expect(splitMatches('abc', [])).toEqual([{ text: 'abc', match: false }]);
    expect(splitMatches('', ['a'])).toEqual([]);
  });

  it('reassembles to exactly the input', () => {
    const text = '<img src=x onerror=alert(1)> and İstanbul ß';
    expect(
      splitMatches(text, ['img', 'i', 'ß'])
        .map((s) => s.text)
        .join(''),
    ).toBe(text);
  });
});

describe('contract filter', () => {
  it('converts only what narrows the list', () => {
    expect(toContractFilter(EMPTY_FILTER)).toEqual({});
    expect(toContractFilter({ colors: ['key'], tags: ['labor'], section: 'protection', text: ' victims ' })).toEqual({
      colors: ['key'],
      tags: ['labor'],
      sections: ['protection'],
      text: 'victims',
    });
  });
});
