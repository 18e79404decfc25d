import { describe, expect, it } from 'vitest';
import { treeRows, visibleRows } from '../../../renderer/codebook/code-tree';
import { treeKeyAction } from '../../../renderer/codebook/tree-keys';
import { sampleCodes } from './codes';

function setup(collapsed: string[] = []) {
  const codes = sampleCodes();
  const isExpanded = (id: string) => !collapsed.includes(id);
  const rows = visibleRows(treeRows(codes.all), isExpanded);
  const press = (activeId: string | null, key: string, mods: { altKey?: boolean; shiftKey?: boolean; ctrlKey?: boolean } = {}) => treeKeyAction(rows, activeId, { key, ...mods }, isExpanded);
  return { ...codes, press };
}

describe('tree keys (WAI-ARIA tree pattern)', () => {
  it('moves through the visible codes with Up, Down, Home and End, stopping at the ends', () => {
    const { press, labour, titp, debt, wages, victims } = setup();
    expect(press(labour.id, 'ArrowDown')).toEqual({ type: 'focus', id: titp.id });
    expect(press(wages.id, 'ArrowUp')).toEqual({ type: 'focus', id: debt.id });
    expect(press(victims.id, 'ArrowDown')).toBeNull();
    expect(press(labour.id, 'ArrowUp')).toBeNull();
    expect(press(titp.id, 'Home')).toEqual({ type: 'focus', id: labour.id });
    expect(press(titp.id, 'End')).toEqual({ type: 'focus', id: victims.id });
  });

  it('expands a closed code with Right, then goes to its first child; Left collapses, then goes to the parent', () => {
    const open = setup();
    const { labour, titp, wages } = open;
    const closed = setup([labour.id]);
    expect(closed.press(labour.id, 'ArrowRight')).toEqual({ type: 'expand', id: labour.id });
    expect(open.press(labour.id, 'ArrowRight')).toEqual({ type: 'focus', id: titp.id });
    expect(open.press(titp.id, 'ArrowLeft')).toEqual({ type: 'collapse', id: titp.id });
    expect(open.press(wages.id, 'ArrowLeft')).toEqual({ type: 'focus', id: labour.id });
    expect(open.press(wages.id, 'ArrowRight')).toBeNull();
    expect(closed.press(labour.id, 'ArrowLeft')).toBeNull();
  });

  it('skips the children of a collapsed code', () => {
    const { titp, debt, wages } = sampleCodes();
    expect(setup([titp.id]).press(titp.id, 'ArrowDown')).toEqual({ type: 'focus', id: wages.id });
    expect(setup().press(titp.id, 'ArrowDown')).toEqual({ type: 'focus', id: debt.id });
  });

  it('jumps to the next code starting with a typed letter, wrapping round', () => {
    const { press, labour, titp, victims, wages } = setup();
    expect(press(labour.id, 'v')).toEqual({ type: 'focus', id: victims.id });
    expect(press(victims.id, 'W')).toEqual({ type: 'focus', id: wages.id });
    expect(press(victims.id, 't')).toEqual({ type: 'focus', id: titp.id });
    expect(press(labour.id, 'q')).toBeNull();
  });

  it('names F2, Delete and Alt+Shift+Arrow as rename, delete and moves, and leaves Ctrl+Z to undo', () => {
    const { press, titp } = setup();
    expect(press(titp.id, 'F2')).toEqual({ type: 'rename', id: titp.id });
    expect(press(titp.id, 'Delete')).toEqual({ type: 'delete', id: titp.id });
    expect(press(titp.id, 'ArrowRight', { altKey: true, shiftKey: true })).toEqual({ type: 'move', id: titp.id, direction: 'in' });
    expect(press(titp.id, 'ArrowLeft', { altKey: true, shiftKey: true })).toEqual({ type: 'move', id: titp.id, direction: 'out' });
    expect(press(titp.id, 'z', { ctrlKey: true })).toBeNull();
    expect(press(titp.id, 'ArrowDown', { altKey: true })).toBeNull();
  });

  it('focuses the first code when none is focused yet', () => {
    const { press, labour } = setup();
    expect(press(null, 'ArrowDown')).toEqual({ type: 'focus', id: labour.id });
    expect(press(null, 'Enter')).toBeNull();
  });
});
