import { describe, expect, it } from 'vitest';
import { DEFAULT_LEGEND } from '../../../preload/contract';
import {
  annotationFilter,
  describeFilterParts,
  filterTerms,
  isEmptyFilter,
  matchesFilter,
  type FilterableAnnotation,
} from '../../../common/annotation-filter';

const base: FilterableAnnotation = {
  color: 'gap',
  tags: ['Legal/Visa', 'shelters'],
  codeIds: [],
  section: 'protection',
  exact: 'Shelters for foreign victims',
  note: 'Ask the NGO about capacity',
  deletedAt: null,
};

describe('annotation filter', () => {
  it('matches everything live when the filter is absent or empty', () => {
    expect(matchesFilter(base, undefined)).toBe(true);
    expect(matchesFilter(base, { colors: [], tags: [], sections: [], text: '   ' })).toBe(true);
    expect(isEmptyFilter({ text: ' \n ' })).toBe(true);
    expect(isEmptyFilter({ colors: ['key'] })).toBe(false);
  });

  it('never matches a deleted annotation', () => {
    expect(matchesFilter({ ...base, deletedAt: '2026-01-01T00:00:00.000Z' }, undefined)).toBe(false);
  });

  it('matches any of the colours, sections and tags within a facet', () => {
    expect(matchesFilter(base, { colors: ['key', 'gap'] })).toBe(true);
    expect(matchesFilter(base, { colors: ['key'] })).toBe(false);
    expect(matchesFilter(base, { sections: ['prevention', 'protection'] })).toBe(true);
    expect(matchesFilter(base, { sections: ['prevention'] })).toBe(false);
    expect(matchesFilter({ ...base, section: null }, { sections: ['prevention'] })).toBe(false);
    expect(matchesFilter(base, { tags: ['nothing', 'SHELTERS'] })).toBe(true);
  });

  it('requires every facet to match', () => {
    expect(matchesFilter(base, { colors: ['gap'], sections: ['prevention'] })).toBe(false);
    expect(matchesFilter(base, { colors: ['gap'], sections: ['protection'], tags: ['legal'], text: 'ngo' })).toBe(true);
  });

  it('matches a tag and its sub-tags, case-insensitively, but not a longer sibling', () => {
    const tagged = (tags: string[]) => ({ ...base, tags });
    expect(matchesFilter(tagged(['legal/visa']), { tags: ['legal'] })).toBe(true);
    expect(matchesFilter(tagged(['Legal']), { tags: ['legal'] })).toBe(true);
    expect(matchesFilter(tagged(['legality']), { tags: ['legal'] })).toBe(false);
    expect(matchesFilter(tagged(['legal']), { tags: ['legal/visa'] })).toBe(false);
  });

  it('treats "TITP", "titp" and full-width "ＴＩＴＰ" as one tag in the tag facet', () => {
    for (const written of ['TITP', 'titp', 'ＴＩＴＰ', 'ＴＩＴＰ/visa']) {
      for (const chosen of ['TITP', 'titp', 'ＴＩＴＰ']) {
        expect(matchesFilter({ ...base, tags: [written] }, { tags: [chosen] })).toBe(true);
      }
    }
    expect(matchesFilter({ ...base, tags: ['TITPs'] }, { tags: ['ＴＩＴＰ'] })).toBe(false);
  });

  it('requires every free-text term in the quote, the note or a tag', () => {
    expect(matchesFilter(base, { text: 'foreign capacity' })).toBe(true);
    expect(matchesFilter(base, { text: 'visa SHELTERS' })).toBe(true);
    expect(matchesFilter(base, { text: 'foreign missing' })).toBe(false);
    expect(filterTerms('  A  b\tc ')).toEqual(['a', 'b', 'c']);
  });

  it('builds one predicate that gives the same answers as matchesFilter', () => {
    const filter = { colors: ['gap' as const], text: 'ngo' };
    const keep = annotationFilter(filter);
    for (const a of [base, { ...base, color: 'key' as const }, { ...base, note: '' }]) {
      expect(keep(a)).toBe(matchesFilter(a, filter));
    }
  });

  it('describes a filter in a canonical order with labels and titles', () => {
    const parts = describeFilterParts(
      { colors: ['question', 'key'], tags: ['b', 'a', 'b'], sections: ['profile', 'prosecution'], text: '  visa  ' },
      DEFAULT_LEGEND,
      (id) => id.toUpperCase(),
    );
    expect(parts).toEqual([
      { facet: 'colours', values: ['Key finding', 'Question'] },
      { facet: 'tags', values: ['a', 'b'] },
      { facet: 'sections', values: ['PROSECUTION', 'PROFILE'] },
      { facet: 'text', values: ['visa'] },
    ]);
    expect(describeFilterParts({}, DEFAULT_LEGEND, String)).toBeNull();
  });

  it('describes "TITP", "titp" and "ＴＩＴＰ" in one filter as one tag, as first written', () => {
    expect(describeFilterParts({ tags: ['TITP', 'titp', 'ＴＩＴＰ'] }, DEFAULT_LEGEND, String)).toEqual([{ facet: 'tags', values: ['TITP'] }]);
  });
});

describe('the code facet', () => {
  const parents = new Map<string, string | null>([
    ['root', null],
    ['child', 'root'],
    ['grandchild', 'child'],
    ['other', null],
  ]);
  const parentOf = (id: string) => parents.get(id);

  it('matches a code and every code under it, with the codebook; only the code itself without one', () => {
    const coded = { ...base, codeIds: ['grandchild'] };
    expect(matchesFilter(coded, { codes: ['root'] }, parentOf)).toBe(true);
    expect(matchesFilter(coded, { codes: ['child', 'other'] }, parentOf)).toBe(true);
    expect(matchesFilter(coded, { codes: ['other'] }, parentOf)).toBe(false);
    expect(matchesFilter(coded, { codes: ['root'] })).toBe(false);
    expect(matchesFilter(coded, { codes: ['grandchild'] })).toBe(true);
    expect(matchesFilter({ ...base, codeIds: [] }, { codes: ['root'] }, parentOf)).toBe(false);
  });

  it('does not loop on a cycle in a damaged codebook', () => {
    const cyclic = (id: string) => (id === 'a' ? 'b' : 'a');
    expect(matchesFilter({ ...base, codeIds: ['a'] }, { codes: ['z'] }, cyclic)).toBe(false);
  });
});
