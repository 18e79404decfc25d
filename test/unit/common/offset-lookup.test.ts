import { describe, expect, it } from 'vitest';
import { firstIndexWhere, indexAtOffset } from '../../../common/offset-lookup';
import { prng } from '../../support/store-fixtures';

/** The answer by walking the whole array, to hold the binary search to. */
function firstByScan(length: number, after: (i: number) => boolean): number {
  for (let i = 0; i < length; i++) if (after(i)) return i;
  return length;
}

describe('offset lookup', () => {
  it('finds the first index where a sorted condition turns true, as a linear scan does', () => {
    const rand = prng(11);
    for (let round = 0; round < 300; round++) {
      const values = Array.from({ length: Math.floor(rand() * 20) }, () => Math.floor(rand() * 10)).sort((a, b) => a - b);
      const x = Math.floor(rand() * 12) - 1;
      expect(firstIndexWhere(values.length, (i) => values[i]! > x)).toBe(firstByScan(values.length, (i) => values[i]! > x));
      expect(firstIndexWhere(values.length, (i) => values[i]! >= x)).toBe(firstByScan(values.length, (i) => values[i]! >= x));
    }
  });

  it('gives the block an offset falls in: the last starting at or before it, -1 before the first', () => {
    const blocks = [{ start: 0 }, { start: 5 }, { start: 5 }, { start: 9 }];
    expect(indexAtOffset(blocks, -1)).toBe(-1);
    expect(indexAtOffset(blocks, 0)).toBe(0);
    expect(indexAtOffset(blocks, 4)).toBe(0);
    expect(indexAtOffset(blocks, 5)).toBe(2);
    expect(indexAtOffset(blocks, 100)).toBe(3);
    expect(indexAtOffset([], 3)).toBe(-1);
  });
});
