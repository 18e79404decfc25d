import { describe, expect, it } from 'vitest';
import { foldSearchText } from '../../../../common/annotation-filter';
import { FilterIndex } from '../../../../renderer/annotations/filter-index';
import { view } from './fixtures';

describe('the filter index', () => {
  it('answers for an annotation put but not yet folded, and stops counting it as waiting', () => {
    const index = new FilterIndex();
    const a = view({ exact: 'Victims Of Forced Labour', note: 'See TITP', tags: ['Labour/TITP'] });
    index.put(a);
    expect(index.pending).toBe(1);
    expect(index.textOf(a)).toBe(foldSearchText(a));
    expect([...index.tagsOf(a)].sort()).toEqual(['labour', 'labour/titp']);
    expect(index.pending).toBe(0);
  });

  it('answers with the latest version after an annotation is put again', () => {
    const index = new FilterIndex();
    const a = view({ note: 'first' });
    index.put(a);
    expect(index.textOf(a)).toContain('first');
    const b = { ...a, note: 'second' };
    index.put(b);
    expect(index.textOf(b)).toContain('second');
    expect(index.textOf(b)).not.toContain('first');
  });

  it('warms in slices, stopping when asked and resuming where it stopped', () => {
    const index = new FilterIndex();
    const all = Array.from({ length: 100 }, (_, i) => view({ note: `note ${i}` }));
    for (const a of all) index.put(a);
    let asked = 0;
    expect(index.warm(() => ++asked <= 2)).toBe(true);
    const left = index.pending;
    expect(left).toBeGreaterThan(0);
    expect(left).toBeLessThan(100);
    expect(index.warm(() => true)).toBe(false);
    expect(index.pending).toBe(0);
    expect(index.size).toBe(100);
    for (const a of all) expect(index.textOf(a)).toBe(foldSearchText(a));
  });

  it('forgets a deleted annotation whether or not it was folded', () => {
    const index = new FilterIndex();
    const a = view();
    const b = view();
    index.put(a);
    index.put(b);
    index.textOf(a);
    index.delete(a.id);
    index.delete(b.id);
    expect(index.size).toBe(0);
    expect(index.pending).toBe(0);
  });
});
