import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../../preload/contract';
import { combinePatches, isPositionOnly, mergeSettings } from '../../../../renderer/app-state/merge-settings';

describe('applying settings patches locally', () => {
  it('changes only the fields in the patch', () => {
    const next = mergeSettings(DEFAULT_SETTINGS, { fontSize: 22 });
    expect(next).toEqual({ ...DEFAULT_SETTINGS, fontSize: 22 });
    expect(DEFAULT_SETTINGS.fontSize).toBe(18);
  });

  it('merges the legend label by label', () => {
    const next = mergeSettings(DEFAULT_SETTINGS, { legend: { gap: 'Failure' } });
    expect(next.legend).toEqual({ ...DEFAULT_SETTINGS.legend, gap: 'Failure' });
  });

  it('can clear the reading position', () => {
    const withPosition = mergeSettings(DEFAULT_SETTINGS, { readingPosition: { offset: 5, progress: 0.1 } });
    expect(mergeSettings(withPosition, { readingPosition: null }).readingPosition).toBeNull();
  });

  it('combines unsaved patches with the later value winning', () => {
    expect(combinePatches({ fontSize: 20, legend: { key: 'A' } }, { fontSize: 22, theme: 'dark', legend: { gap: 'B' } })).toEqual({
      fontSize: 22,
      theme: 'dark',
      legend: { key: 'A', gap: 'B' },
    });
  });

  it('recognises position-only patches', () => {
    expect(isPositionOnly({ readingPosition: { offset: 1, progress: 0 } })).toBe(true);
    expect(isPositionOnly({ readingPosition: { offset: 1, progress: 0 }, theme: 'dark' })).toBe(false);
  });
});
