import { describe, expect, it } from 'vitest';
import { lazyIndexOf, moveTarget, tabStop, withKept } from '../../../../renderer/annotations/card-keys';

describe('the card list keys', () => {
  it('moves one card with the arrows, to the ends with Home and End, and never past them', () => {
    expect(moveTarget('ArrowDown', 3, 10)).toBe(4);
    expect(moveTarget('ArrowDown', 9, 10)).toBe(9);
    expect(moveTarget('ArrowUp', 0, 10)).toBe(0);
    expect(moveTarget('Home', 7, 10)).toBe(0);
    expect(moveTarget('End', 2, 10)).toBe(9);
    expect(moveTarget('Enter', 2, 10)).toBeNull();
  });

  it('keeps the tab-stop card rendered when it is out of view, in order, and only once', () => {
    expect(withKept([20, 21, 22], 5, 100)).toEqual([5, 20, 21, 22]);
    expect(withKept([20, 21, 22], 90, 100)).toEqual([20, 21, 22, 90]);
    expect(withKept([20, 21, 22], 21, 100)).toEqual([20, 21, 22]);
    expect(withKept([20, 21, 22], null, 100)).toEqual([20, 21, 22]);
    expect(withKept([0, 1], 7, 5)).toEqual([0, 1]);
  });

  it('makes the focused card the tab stop, else the selected one, else the first', () => {
    const index = new Map([
      ['a', 0],
      ['b', 1],
      ['c', 2],
    ]);
    expect(tabStop(index, 'c', 'b', 3)).toBe(2);
    expect(tabStop(index, null, 'b', 3)).toBe(1);
    expect(tabStop(index, 'gone', 'also-gone', 3)).toBe(0);
    expect(tabStop(index, null, null, 0)).toBeNull();
  });
});

describe('lazyIndexOf', () => {
  it('finds an id by a scan, as a Map of every id would, and says undefined for one not in the list', () => {
    const list = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
    const index = lazyIndexOf(list);
    expect(index.get('c')).toBe(2);
    expect(index.get('a')).toBe(0);
    expect(index.get('c')).toBe(2);
    expect(index.get('gone')).toBeUndefined();
    expect(tabStop(index, 'gone', 'b', 3)).toBe(1);
  });
});
