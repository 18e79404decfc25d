/**
 * Where a code may go: a move puts it under any code outside its own subtree
 * (or at the top level), and a merge folds it into any code outside its
 * subtree. The service refuses the rest with its own message; the pickers only
 * offer what it would accept.
 */
import type { CodeView } from '../../preload/contract';
import { subtreeIds } from './code-tree';

/** A place in the picker: a code, or the top level (id null). */
export interface Target {
  id: string | null;
  label: string;
}

export const TOP_LEVEL_LABEL = '(top level)';

/** The parents `code` can move under, in tree order, without its current one. */
export function moveTargets(codes: readonly CodeView[], code: CodeView): Target[] {
  const own = subtreeIds(codes, code.id);
  const targets: Target[] = code.parentId === null ? [] : [{ id: null, label: TOP_LEVEL_LABEL }];
  for (const c of codes) if (!own.has(c.id) && c.id !== code.parentId) targets.push({ id: c.id, label: c.path });
  return targets;
}

/** The codes `code` can be merged into, in tree order. */
export function mergeTargets(codes: readonly CodeView[], code: CodeView): Target[] {
  const own = subtreeIds(codes, code.id);
  return codes.filter((c) => !own.has(c.id)).map((c) => ({ id: c.id, label: c.path }));
}

/**
 * Alt+Shift+Arrow moves: right puts the code under the sibling just above it,
 * left puts it beside its parent. Null when there is no such place.
 */
export function keyboardMoveTarget(codes: readonly CodeView[], code: CodeView, direction: 'in' | 'out'): { parentId: string | null } | null {
  if (direction === 'out') {
    if (code.parentId === null) return null;
    const parent = codes.find((c) => c.id === code.parentId);
    return { parentId: parent?.parentId ?? null };
  }
  const siblings = codes.filter((c) => c.parentId === code.parentId);
  const at = siblings.findIndex((c) => c.id === code.id);
  return at > 0 ? { parentId: siblings[at - 1]!.id } : null;
}
