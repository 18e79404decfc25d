/**
 * One code in the tree: a treeitem with its name, its counts as text ("12
 * (total 30)": coded directly, and with everything under it) and, while it is
 * being renamed, the name field. Enter saves the name, Escape cancels; the
 * service's refusal (a sibling has that name, say) stays beside the field.
 */
import { useId, useState, type DragEvent } from 'react';
import type { TreeRow } from './code-tree';

export const DRAG_TYPE = 'application/x-fieldmark-code';

export interface CodeTreeItemProps {
  row: TreeRow;
  active: boolean;
  tabbable: boolean;
  expanded: boolean;
  renaming: boolean;
  onFocus(): void;
  onToggle(): void;
  /** Saves a new name; resolves with the service's message when it refused. */
  onRename(name: string): Promise<string | null>;
  onRenameEnd(): void;
  onDrop(draggedId: string): void;
}

export function countsText(count: number, total: number): string {
  return `${count} (total ${total})`;
}

export function CodeTreeItem({ row, active, tabbable, expanded, renaming, onFocus, onToggle, onRename, onRenameEnd, onDrop }: CodeTreeItemProps) {
  const { code } = row;
  const [dropping, setDropping] = useState(false);
  const accepts = (event: DragEvent) => event.dataTransfer.types.includes(DRAG_TYPE);
  return (
    <div
      role="treeitem"
      aria-level={row.level}
      aria-setsize={row.setSize}
      aria-posinset={row.posInSet}
      aria-expanded={row.hasChildren ? expanded : undefined}
      aria-selected={active}
      // The name first, then the counts: the spans alone would run together ("Labour2 (total 5)").
      aria-label={`${code.name}, ${countsText(code.count, code.totalCount)}${code.codable ? '' : ', grouping'}`}
      tabIndex={tabbable ? 0 : -1}
      data-code-id={code.id}
      className="cb-item"
      data-drop={dropping ? 'true' : undefined}
      style={{ paddingInlineStart: `${0.25 + (row.level - 1) * 1.25}rem` }}
      draggable={!renaming}
      onFocus={(event) => event.target === event.currentTarget && onFocus()}
      onDragStart={(event) => {
        event.dataTransfer.setData(DRAG_TYPE, code.id);
        event.dataTransfer.effectAllowed = 'move';
      }}
      onDragOver={(event) => {
        if (!accepts(event)) return;
        event.preventDefault();
        setDropping(true);
      }}
      onDragLeave={() => setDropping(false)}
      onDrop={(event) => {
        setDropping(false);
        const dragged = event.dataTransfer.getData(DRAG_TYPE);
        if (!dragged) return;
        event.preventDefault();
        onDrop(dragged);
      }}
    >
      <span className="cb-twisty" aria-hidden="true" onClick={onToggle}>
        {row.hasChildren ? (expanded ? '▾' : '▸') : ''}
      </span>
      {renaming ? <RenameField name={code.name} onRename={onRename} onEnd={onRenameEnd} /> : <span className="cb-name">{code.name}</span>}
      {!code.codable && <span className="cb-badge">grouping</span>}
      <span className="cb-counts">{countsText(code.count, code.totalCount)}</span>
    </div>
  );
}

function RenameField({ name, onRename, onEnd }: { name: string; onRename(name: string): Promise<string | null>; onEnd(): void }) {
  const [value, setValue] = useState(name);
  const [problem, setProblem] = useState<string | null>(null);
  const messageId = useId();
  const save = async () => {
    if (value.trim() === name) return onEnd();
    const refused = await onRename(value);
    if (refused) setProblem(refused);
    else onEnd();
  };
  return (
    <span className="cb-rename">
      <input
        className="fm-rename-input"
        aria-label={`Rename ${name}`}
        aria-describedby={messageId}
        aria-invalid={problem ? true : undefined}
        value={value}
        autoFocus
        onChange={(event) => {
          setValue(event.target.value);
          setProblem(null);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            void save();
          } else if (event.key === 'Escape') {
            event.preventDefault();
            event.stopPropagation();
            onEnd();
          }
        }}
      />
      <span id={messageId} className="cb-message" role={problem ? 'alert' : undefined}>
        {problem ?? ''}
      </span>
    </span>
  );
}
