import { describe, expect, it } from 'vitest';
import { MAX_IMPORT_BYTES, type AnnotationImportItem } from '../../../../preload/contract';
import {
  acceptLabel,
  acceptedCount,
  checkImportFile,
  commitLabel,
  groupByKind,
  initiallyAccepted,
  quoteExcerpt,
  rejectedIds,
} from '../../../../renderer/export/import-review';

const item = (id: string, kind: AnnotationImportItem['kind'], applies: boolean, exact = 'a quote'): AnnotationImportItem => ({
  entity: 'annotation',
  id,
  kind,
  exact,
  note: '',
  tags: [],
  color: 'key',
  citation: 'Protection ¶4',
  anchor: { status: 'exact', score: 1 },
  reason: null,
  applies,
});

const items = [
  item('a', 'new', true),
  item('b', 'updated', true),
  item('c', 'unchanged', false),
  item('d', 'deleted', true),
  item('e', 'older', false),
  item('f', 'new', true),
];

describe('import review', () => {
  it('ticks every item that would apply and nothing else when the preview opens', () => {
    expect([...initiallyAccepted(items)].sort()).toEqual(['a', 'b', 'd', 'f']);
    expect(acceptedCount(items, initiallyAccepted(items))).toBe(4);
  });

  it('rejects exactly the unticked items that would apply', () => {
    const accepted = new Set(['a', 'd']);
    expect(rejectedIds(items, accepted)).toEqual(['b', 'f']);
    expect(acceptedCount(items, accepted)).toBe(2);
    // Items that change nothing are never sent as rejected, ticked or not.
    expect(rejectedIds(items, new Set())).toEqual(['a', 'b', 'd', 'f']);
  });

  it('groups items by kind in review order and leaves out empty kinds', () => {
    expect(groupByKind(items).map((g) => [g.kind, g.items.map((i) => i.id)])).toEqual([
      ['new', ['a', 'f']],
      ['updated', ['b']],
      ['deleted', ['d']],
      ['unchanged', ['c']],
      ['older', ['e']],
    ]);
  });

  it('names each checkbox by citation and a one-line quote excerpt', () => {
    expect(acceptLabel(item('x', 'new', true, 'victims\nwere   identified'))).toBe('Accept Protection ¶4: victims were identified');
    const long = 'The government did not report screening foreign workers for trafficking indicators before deporting them';
    const label = acceptLabel(item('y', 'new', true, long));
    expect(label.length).toBeLessThan(90);
    expect(label.endsWith('…')).toBe(true);
    expect(acceptLabel({ citation: '', exact: '' })).toBe('Accept Unplaced: (empty quote)');
  });

  it('cuts excerpts at a word boundary', () => {
    expect(quoteExcerpt('short')).toBe('short');
    expect(quoteExcerpt('one two three four', 10)).toBe('one two…');
    expect(quoteExcerpt('abcdefghijklmnop', 10)).toBe('abcdefghij…');
  });

  it('says how many annotations the commit button imports', () => {
    expect(commitLabel(1)).toBe('Import 1 annotation');
    expect(commitLabel(3)).toBe('Import 3 annotations');
  });

  it('refuses empty and oversized files before reading them', () => {
    expect(checkImportFile({ name: 'a.json', size: 0 })).toMatch(/“a\.json” is empty/);
    expect(checkImportFile({ name: 'big.json', size: MAX_IMPORT_BYTES + 1 })).toMatch(/larger than 50 MB.*Nothing was changed/);
    expect(checkImportFile({ name: 'ok.jsonld', size: 1200 })).toBeNull();
  });
});
