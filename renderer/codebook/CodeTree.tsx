/**
 * The codebook as an ARIA tree (https://www.w3.org/WAI/ARIA/apg/patterns/treeview/):
 * rows flat in the DOM with aria-level, aria-setsize and aria-posinset, one
 * tab stop (roving tabindex on the focused code), the keys of tree-keys.ts,
 * and drag and drop with a mouse (onto a code: move under it; onto the strip
 * above the tree: move to the top level).
 */
import { useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { TreeRow } from './code-tree';
import { CodeTreeItem, DRAG_TYPE } from './CodeTreeItem';
import { treeKeyAction, type TreeAction } from './tree-keys';

export interface CodeTreeProps {
  visible: readonly TreeRow[];
  activeId: string | null;
  isExpanded(id: string): boolean;
  setExpanded(id: string, expanded: boolean): void;
  focusCode(id: string): void;
  setActiveId(id: string): void;
  pendingFocus: { current: string | null };
  renamingId: string | null;
  onRename(id: string, name: string): Promise<string | null>;
  onRenameEnd(id: string): void;
  /** Rename, delete and keyboard moves: the tree says which, the view does them. */
  onAction(action: Extract<TreeAction, { type: 'rename' | 'delete' | 'move' }>): void;
  onDropMove(draggedId: string, parentId: string | null): void;
}

export function CodeTree(props: CodeTreeProps) {
  const { visible, activeId, isExpanded, setExpanded, pendingFocus } = props;
  const treeRef = useRef<HTMLDivElement>(null);
  const [dragging, setDragging] = useState(false);
  // The code whose row has focus, so that focus stays in the tree when that row goes (an undo, say).
  const focusedId = useRef<string | null>(null);

  // After every render: a code waiting for focus gets it once its row exists.
  useLayoutEffect(() => {
    const tree = treeRef.current;
    const id = pendingFocus.current;
    const item = id === null ? null : tree?.querySelector<HTMLElement>(`[data-code-id="${id}"]`);
    if (item) {
      pendingFocus.current = null;
      item.focus();
    } else if (focusedId.current !== null && document.activeElement === document.body && !tree?.querySelector(`[data-code-id="${focusedId.current}"]`)) {
      tree?.querySelector<HTMLElement>('[role="treeitem"][tabindex="0"]')?.focus();
    }
  });

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (!(event.target instanceof HTMLElement) || event.target.getAttribute('role') !== 'treeitem') return;
    const action = treeKeyAction(visible, activeId, event, isExpanded);
    if (!action) return;
    event.preventDefault();
    if (action.type === 'focus') props.focusCode(action.id);
    else if (action.type === 'expand' || action.type === 'collapse') setExpanded(action.id, action.type === 'expand');
    else props.onAction(action);
  };

  const tabbableId = activeId ?? visible[0]?.code.id ?? null;
  return (
    // The strip appears a task later: changing the page inside dragstart can cancel the drag in Chromium.
    <div className="cb-tree-wrap" onDragStart={() => setTimeout(() => setDragging(true), 0)} onDragEnd={() => setDragging(false)}>
      {/* Laid over what is above the tree, so the rows do not move under the pointer as a drag starts. */}
      {dragging && (
        <div
          className="cb-drop-top"
          onDragOver={(event) => event.dataTransfer.types.includes(DRAG_TYPE) && event.preventDefault()}
          onDrop={(event) => {
            const dragged = event.dataTransfer.getData(DRAG_TYPE);
            if (!dragged) return;
            event.preventDefault();
            setDragging(false);
            props.onDropMove(dragged, null);
          }}
        >
          Drop here to move to the top level
        </div>
      )}
      <div
        ref={treeRef}
        role="tree"
        aria-label="Codes"
        className="cb-tree"
        onKeyDown={onKeyDown}
        onFocus={(event) => (focusedId.current = event.target.dataset.codeId ?? null)}
        onBlur={(event) => {
          // A removed row blurs with nowhere to go (relatedTarget null); focus moved elsewhere is left alone.
          if (event.relatedTarget !== null) focusedId.current = null;
        }}
      >
        {visible.map((row) => {
          const id = row.code.id;
          return (
            <CodeTreeItem
              key={id}
              row={row}
              active={id === activeId}
              tabbable={id === tabbableId}
              expanded={isExpanded(id)}
              renaming={id === props.renamingId}
              onFocus={() => props.setActiveId(id)}
              onToggle={() => setExpanded(id, !isExpanded(id))}
              onRename={(name) => props.onRename(id, name)}
              onRenameEnd={() => props.onRenameEnd(id)}
              onDrop={(dragged) => {
                setDragging(false);
                props.onDropMove(dragged, id);
              }}
            />
          );
        })}
      </div>
    </div>
  );
}
