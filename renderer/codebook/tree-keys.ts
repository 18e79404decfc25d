/**
 * What a key does in the codebook tree, as a pure function of the visible rows
 * and the focused one. Arrows, Home and End follow the WAI-ARIA tree pattern
 * (https://www.w3.org/WAI/ARIA/apg/patterns/treeview/): Down and Up move, Right
 * expands or goes to the first child, Left collapses or goes to the parent. A
 * letter jumps to the next code starting with it. F2 renames, Delete asks to
 * delete, and Alt+Shift+Right / Alt+Shift+Left move the code in or out a level.
 */
import type { TreeRow } from './code-tree';

export type TreeAction =
  | { type: 'focus'; id: string }
  | { type: 'expand'; id: string }
  | { type: 'collapse'; id: string }
  | { type: 'rename'; id: string }
  | { type: 'delete'; id: string }
  | { type: 'move'; id: string; direction: 'in' | 'out' };

export interface KeyPress {
  key: string;
  altKey?: boolean;
  shiftKey?: boolean;
  ctrlKey?: boolean;
  metaKey?: boolean;
}

function arrow(rows: readonly TreeRow[], at: number, key: string, isExpanded: (id: string) => boolean): TreeAction | null {
  const row = rows[at]!;
  const id = row.code.id;
  switch (key) {
    case 'ArrowDown':
      return at + 1 < rows.length ? { type: 'focus', id: rows[at + 1]!.code.id } : null;
    case 'ArrowUp':
      return at > 0 ? { type: 'focus', id: rows[at - 1]!.code.id } : null;
    case 'ArrowRight':
      if (!row.hasChildren) return null;
      if (!isExpanded(id)) return { type: 'expand', id };
      return { type: 'focus', id: rows[at + 1]!.code.id };
    case 'ArrowLeft': {
      if (row.hasChildren && isExpanded(id)) return { type: 'collapse', id };
      const parent = row.code.parentId;
      return parent !== null && rows.some((r) => r.code.id === parent) ? { type: 'focus', id: parent } : null;
    }
    case 'Home':
      return { type: 'focus', id: rows[0]!.code.id };
    case 'End':
      return { type: 'focus', id: rows[rows.length - 1]!.code.id };
    default:
      return null;
  }
}

/** The next visible code after the focused one whose name starts with `letter`, wrapping round. */
function typeAhead(rows: readonly TreeRow[], at: number, letter: string): TreeAction | null {
  const wanted = letter.toLocaleLowerCase();
  for (let step = 1; step <= rows.length; step++) {
    const row = rows[(at + step) % rows.length]!;
    if (row.code.name.toLocaleLowerCase().startsWith(wanted)) return { type: 'focus', id: row.code.id };
  }
  return null;
}

/** The action for `press` with `activeId` focused, or null when the key is not the tree's. */
export function treeKeyAction(rows: readonly TreeRow[], activeId: string | null, press: KeyPress, isExpanded: (id: string) => boolean): TreeAction | null {
  const at = rows.findIndex((r) => r.code.id === activeId);
  if (at < 0) return rows.length > 0 && /^(Arrow|Home|End)/.test(press.key) ? { type: 'focus', id: rows[0]!.code.id } : null;
  const id = rows[at]!.code.id;
  if (press.ctrlKey || press.metaKey) return null;
  if (press.altKey) {
    if (!press.shiftKey) return null;
    if (press.key === 'ArrowRight') return { type: 'move', id, direction: 'in' };
    if (press.key === 'ArrowLeft') return { type: 'move', id, direction: 'out' };
    return null;
  }
  if (press.key === 'F2') return { type: 'rename', id };
  if (press.key === 'Delete') return { type: 'delete', id };
  if (press.key.length === 1 && press.key.trim() !== '') return typeAhead(rows, at, press.key);
  return arrow(rows, at, press.key, isExpanded);
}
