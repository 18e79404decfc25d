/**
 * The codes as the tree shows them. listCodes answers in tree order (depth
 * first, siblings by name); this works out each code's level, its place among
 * its siblings and whether it has children, and which rows are visible with
 * some codes collapsed. The numbers are what the ARIA tree pattern announces
 * (aria-level, aria-setsize, aria-posinset; https://www.w3.org/WAI/ARIA/apg/patterns/treeview/).
 */
import type { CodeView } from '../../preload/contract';

export interface TreeRow {
  code: CodeView;
  /** 1 for a top-level code. */
  level: number;
  setSize: number;
  /** 1-based place among its siblings. */
  posInSet: number;
  hasChildren: boolean;
}

/** Every code as a row, in the order given (listCodes' tree order). */
export function treeRows(codes: readonly CodeView[]): TreeRow[] {
  const byId = new Map(codes.map((c) => [c.id, c]));
  const siblings = new Map<string | null, string[]>();
  for (const code of codes) {
    const parent = code.parentId !== null && byId.has(code.parentId) ? code.parentId : null;
    const list = siblings.get(parent);
    if (list) list.push(code.id);
    else siblings.set(parent, [code.id]);
  }
  const levels = new Map<string, number>();
  const levelOf = (code: CodeView): number => {
    const known = levels.get(code.id);
    if (known !== undefined) return known;
    const parent = code.parentId === null ? undefined : byId.get(code.parentId);
    const level = parent ? levelOf(parent) + 1 : 1;
    levels.set(code.id, level);
    return level;
  };
  return codes.map((code) => {
    const parent = code.parentId !== null && byId.has(code.parentId) ? code.parentId : null;
    const group = siblings.get(parent)!;
    return { code, level: levelOf(code), setSize: group.length, posInSet: group.indexOf(code.id) + 1, hasChildren: siblings.has(code.id) };
  });
}

/** The rows a reader sees: those whose ancestors are all expanded. */
export function visibleRows(rows: readonly TreeRow[], isExpanded: (id: string) => boolean): TreeRow[] {
  const visible: TreeRow[] = [];
  // The level below which rows are hidden (a collapsed code's descendants), or Infinity.
  let hiddenBelow = Infinity;
  for (const row of rows) {
    if (row.level > hiddenBelow) continue;
    hiddenBelow = Infinity;
    visible.push(row);
    if (row.hasChildren && !isExpanded(row.code.id)) hiddenBelow = row.level;
  }
  return visible;
}

/** The ids of `id` and every code under it. */
export function subtreeIds(codes: readonly CodeView[], id: string): Set<string> {
  const ids = new Set([id]);
  // Tree order puts descendants after their ancestor, so one pass finds them all.
  for (const code of codes) if (code.parentId !== null && ids.has(code.parentId)) ids.add(code.id);
  return ids;
}

/** The ids of the codes above `id`, nearest first. */
export function ancestorIds(codes: readonly CodeView[], id: string): string[] {
  const byId = new Map(codes.map((c) => [c.id, c]));
  const out: string[] = [];
  for (let code = byId.get(id); code?.parentId; code = byId.get(code.parentId)) {
    if (out.includes(code.parentId)) break;
    out.push(code.parentId);
  }
  return out;
}
