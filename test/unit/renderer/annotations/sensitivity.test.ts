/** Issue 16 in the view: undo records a changed mark, and the panel filter narrows by it through the shared rule. */
import { describe, expect, it } from 'vitest';
import { annotationFilter, describeFilterParts, isEmptyFilter } from '../../../../common/annotation-filter';
import { DEFAULT_LEGEND } from '../../../../preload/contract';
import { EMPTY_FILTER, toContractFilter } from '../../../../renderer/annotations/annotation-filter';
import { toggleSensitivity } from '../../../../renderer/annotations/SensitivityFilter';
import { describeEntry, updateEntry } from '../../../../renderer/annotations/undo-stack';
import { view } from './fixtures';

describe('sensitivity in the view', () => {
  it('undo records the mark it changed, and only when it changed', () => {
    const before = view({ sensitivity: 'normal' });
    const entry = updateEntry(before, { sensitivity: 'private' });
    expect(entry).toEqual({ kind: 'update', id: before.id, before: { sensitivity: 'normal' }, after: { sensitivity: 'private' } });
    expect(describeEntry(entry!, 'undo')).toMatch(/sensitivity/u);
    expect(updateEntry(before, { sensitivity: 'normal' })).toBeNull();
  });

  it('the panel filter narrows by mark; a record without one counts as normal', () => {
    const filter = toggleSensitivity(toggleSensitivity(EMPTY_FILTER, 'private'), 'sensitive');
    const contract = toContractFilter(filter);
    expect(contract.sensitivity).toEqual(['private', 'sensitive']);
    expect(isEmptyFilter(contract)).toBe(false);
    const keep = annotationFilter(contract);
    const marks = [view({ sensitivity: 'normal' }), view({ sensitivity: 'sensitive' }), view({ sensitivity: 'private' })];
    expect(marks.map(keep)).toEqual([false, true, true]);
    const { sensitivity: _dropped, ...unmarked } = view();
    expect(keep(unmarked)).toBe(false);
    expect(annotationFilter({ sensitivity: ['normal'] })(unmarked)).toBe(true);
    expect(toContractFilter(toggleSensitivity(filter, 'private')).sensitivity).toEqual(['sensitive']);
    expect(describeFilterParts({ sensitivity: ['private'] }, DEFAULT_LEGEND, String)).toEqual([{ facet: 'sensitivity', values: ['Private'] }]);
  });
});
