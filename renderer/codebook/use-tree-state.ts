/**
 * What the tree remembers between renders: the focused code (the one the
 * details below describe), which codes are collapsed (all start expanded), and
 * a code to move focus to once it is on screen, which is how focus lands in a
 * sensible place after an action even when the list is still being fetched.
 */
import { useCallback, useMemo, useRef, useState } from 'react';
import type { CodeView } from '../../preload/contract';
import { ancestorIds, treeRows, visibleRows, type TreeRow } from './code-tree';

export interface TreeState {
  rows: TreeRow[];
  visible: TreeRow[];
  active: CodeView | null;
  activeId: string | null;
  isExpanded(id: string): boolean;
  setExpanded(id: string, expanded: boolean): void;
  /** Makes `id` the focused code and moves focus to it as soon as it is rendered. */
  focusCode(id: string): void;
  /** The code waiting to receive focus; the tree clears it once it has focused it. */
  pendingFocus: { current: string | null };
  setActiveId(id: string | null): void;
}

export function useTreeState(codes: readonly CodeView[]): TreeState {
  const [activeId, setActiveId] = useState<string | null>(null);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set());
  const pendingFocus = useRef<string | null>(null);
  const rows = useMemo(() => treeRows(codes), [codes]);
  const isExpanded = useCallback((id: string) => !collapsed.has(id), [collapsed]);
  const visible = useMemo(() => visibleRows(rows, isExpanded), [rows, isExpanded]);
  // A focused code that went away (merged, deleted, undone) gives way to the first one.
  const active = codes.find((c) => c.id === activeId) ?? null;

  const setExpanded = useCallback((id: string, expanded: boolean) => {
    setCollapsed((current) => {
      if (current.has(id) !== expanded) return current;
      const next = new Set(current);
      if (expanded) next.delete(id);
      else next.add(id);
      return next;
    });
  }, []);

  const codesRef = useRef(codes);
  codesRef.current = codes;
  const focusCode = useCallback((id: string) => {
    setActiveId(id);
    pendingFocus.current = id;
    const above = ancestorIds(codesRef.current, id);
    setCollapsed((current) => (above.some((a) => current.has(a)) ? new Set([...current].filter((c) => !above.includes(c))) : current));
  }, []);

  return { rows, visible, active, activeId: active?.id ?? null, isExpanded, setExpanded, focusCode, pendingFocus, setActiveId };
}
