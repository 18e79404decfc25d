import { describe, expect, it } from 'vitest';
import { ancestorIds, subtreeIds, treeRows, visibleRows } from '../../../renderer/codebook/code-tree';
import { sampleCodes } from './codes';

describe('codebook tree rows', () => {
  it('gives each code its level, its place among its siblings and whether it has children', () => {
    const { all } = sampleCodes();
    const rows = treeRows(all).map((r) => [r.code.name, r.level, r.posInSet, r.setSize, r.hasChildren]);
    expect(rows).toEqual([
      ['Labour', 1, 1, 2, true],
      ['TITP', 2, 1, 2, true],
      ['Debt bondage', 3, 1, 1, false],
      ['Wages', 2, 2, 2, false],
      ['Victims', 1, 2, 2, false],
    ]);
  });

  it('hides the codes under a collapsed code, however deep', () => {
    const { all, labour, titp } = sampleCodes();
    const rows = treeRows(all);
    const names = (collapsed: string[]) => visibleRows(rows, (id) => !collapsed.includes(id)).map((r) => r.code.name);
    expect(names([])).toEqual(['Labour', 'TITP', 'Debt bondage', 'Wages', 'Victims']);
    expect(names([titp.id])).toEqual(['Labour', 'TITP', 'Wages', 'Victims']);
    expect(names([labour.id])).toEqual(['Labour', 'Victims']);
  });

  it('finds a code’s subtree and its ancestors', () => {
    const { all, labour, titp, debt, wages } = sampleCodes();
    expect([...subtreeIds(all, titp.id)]).toEqual([titp.id, debt.id]);
    expect([...subtreeIds(all, labour.id)]).toEqual([labour.id, titp.id, debt.id, wages.id]);
    expect(ancestorIds(all, debt.id)).toEqual([titp.id, labour.id]);
    expect(ancestorIds(all, labour.id)).toEqual([]);
  });
});
