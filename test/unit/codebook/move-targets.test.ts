import { describe, expect, it } from 'vitest';
import { keyboardMoveTarget, mergeTargets, moveTargets, TOP_LEVEL_LABEL } from '../../../renderer/codebook/move-targets';
import { sampleCodes } from './codes';

describe('where a code can go', () => {
  it('moves under any code outside its own subtree, or to the top level, never where it already is', () => {
    const { all, titp } = sampleCodes();
    expect(moveTargets(all, titp).map((t) => t.label)).toEqual([TOP_LEVEL_LABEL, 'Labour/Wages', 'Victims']);
  });

  it('offers no top level to a top-level code', () => {
    const { all, victims } = sampleCodes();
    expect(moveTargets(all, victims).map((t) => t.label)).toEqual(['Labour', 'Labour/TITP', 'Labour/TITP/Debt bondage', 'Labour/Wages']);
  });

  it('merges into any code but itself and its own descendants', () => {
    const { all, labour, debt } = sampleCodes();
    expect(mergeTargets(all, labour).map((t) => t.label)).toEqual(['Victims']);
    expect(mergeTargets(all, debt).map((t) => t.label)).toEqual(['Labour', 'Labour/TITP', 'Labour/Wages', 'Victims']);
  });

  it('moves in under the sibling above and out beside the parent with Alt+Shift+Arrow', () => {
    const { all, labour, titp, debt, wages, victims } = sampleCodes();
    expect(keyboardMoveTarget(all, wages, 'in')).toEqual({ parentId: titp.id });
    expect(keyboardMoveTarget(all, titp, 'in')).toBeNull();
    expect(keyboardMoveTarget(all, victims, 'in')).toEqual({ parentId: labour.id });
    expect(keyboardMoveTarget(all, debt, 'out')).toEqual({ parentId: labour.id });
    expect(keyboardMoveTarget(all, titp, 'out')).toEqual({ parentId: null });
    expect(keyboardMoveTarget(all, labour, 'out')).toBeNull();
  });
});
