/**
 * The Coding matrix view's pure logic (renderer/matrix/matrix-view.ts): row
 * depth and name, the heat shade, the cells' accessible names, the panel filter
 * a cell stands for, and the co-occurrence list in paths.
 */
import { describe, expect, it } from 'vitest';
import { EMPTY_FILTER } from '../../../renderer/annotations/annotation-filter';
import { cellFilter, cellName, depthOf, heat, largestCell, largestTotal, nameOf, pairEntries, pairText, totalName } from '../../../renderer/matrix/matrix-view';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const C = '00000000-0000-4000-8000-00000000000c';
const GONE = '00000000-0000-4000-8000-0000000000ff';
const rows = [
  { codeId: A, path: 'Labour', counts: [3, 0, 1], total: 4 },
  { codeId: B, path: 'Labour/TITP', counts: [2, 0, 1], total: 3 },
  { codeId: C, path: 'Labour/TITP/Debt bondage', counts: [0, 0, 7], total: 7 },
];

describe('rows', () => {
  it('indents a code one level per parent and shows its own name', () => {
    expect(rows.map((r) => depthOf(r.path))).toEqual([0, 1, 2]);
    expect(rows.map((r) => nameOf(r.path))).toEqual(['Labour', 'TITP', 'Debt bondage']);
  });

  it('keeps a name with an escaped slash (U+2215) in one piece', () => {
    expect(depthOf('Labour/Visa \u2215 status')).toBe(1);
    expect(nameOf('Labour/Visa \u2215 status')).toBe('Visa \u2215 status');
  });
});

describe('heat', () => {
  it('shades in proportion to the count, none for zero, full for the largest', () => {
    expect(largestCell(rows)).toBe(7);
    expect(largestTotal(rows)).toBe(7);
    expect(heat(0, 7)).toBe(0);
    expect(heat(7, 7)).toBe(1);
    expect(heat(2, 8)).toBe(0.25);
    expect(heat(3, 0)).toBe(0);
  });
});

describe('cells', () => {
  it('names a cell by path, column and count, singular for one', () => {
    expect(cellName('Labour/TITP', 'Protection', 4)).toBe('Labour/TITP in Protection: 4 annotations');
    expect(cellName('Labour', 'Key finding', 1)).toBe('Labour in Key finding: 1 annotation');
    expect(totalName('Labour', 'sections', 5)).toBe('Labour in all sections: 5 annotations');
    expect(totalName('Labour', 'colors', 2)).toBe('Labour in all colours: 2 annotations');
  });

  it('filters the panel to the code (with everything under it) and the cell’s section or colour', () => {
    expect(cellFilter('Labour/TITP', 'sections', 'protection')).toEqual({ ...EMPTY_FILTER, tags: ['Labour/TITP'], section: 'protection' });
    expect(cellFilter('Labour/TITP', 'colors', 'gap')).toEqual({ ...EMPTY_FILTER, tags: ['Labour/TITP'], colors: ['gap'] });
    expect(cellFilter('Labour', 'colors', null)).toEqual({ ...EMPTY_FILTER, tags: ['Labour'] });
  });
});

describe('co-occurrence list', () => {
  const pairs = [
    { a: B, b: C, count: 5 },
    { a: A, b: GONE, count: 4 },
    { a: A, b: C, count: 2 },
    { a: B, b: A, count: 1 },
  ];

  it('shows pairs in paths in the service’s order, each pair’s codes in tree order, leaves out codes the matrix does not know, and stops at the limit', () => {
    expect(pairEntries(pairs, rows, 10).map(pairText)).toEqual(['Labour/TITP + Labour/TITP/Debt bondage: 5', 'Labour + Labour/TITP/Debt bondage: 2', 'Labour + Labour/TITP: 1']);
    expect(pairEntries(pairs, rows, 2).map((e) => e.count)).toEqual([5, 2]);
    expect(pairEntries([], rows, 10)).toEqual([]);
  });
});
