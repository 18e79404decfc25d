/**
 * The Codebook sheet's content: "New code", the tree of codes, and the focused
 * code's details, with whichever form is open (a new code's name, the rename
 * field in the tree, "Move to…" or "Merge into…", the delete confirmation).
 * Closing a form puts focus back on the code it was about.
 */
import { useCallback, useRef, useState } from 'react';
import { useAnnotations } from '../annotations/annotations-context';
import { useSelector } from '../annotations/value-store';
import { subtreeIds } from './code-tree';
import { CodeDetails, type DetailMode } from './CodeDetails';
import { CodeTree } from './CodeTree';
import { DeleteCodeDialog } from './DeleteCodeDialog';
import { keyboardMoveTarget, mergeTargets, moveTargets } from './move-targets';
import { NewCodeForm } from './NewCodeForm';
import { TargetPicker } from './TargetPicker';
import { useCodeList } from './use-codebook';
import { useCodebookActions } from './use-codebook-actions';
import { useTreeState } from './use-tree-state';

type Mode = { kind: 'new' } | { kind: DetailMode; id: string } | null;

const readVersion = (version: number) => version;

export function CodebookBody() {
  const { codes: loadedCodes, loadError } = useCodeList();
  const { readOnly, codes: changes } = useAnnotations();
  const version = useSelector(changes.codesVersion, readVersion);
  const codes = loadedCodes ?? [];
  const tree = useTreeState(codes);
  const [mode, setMode] = useState<Mode>(null);
  // A status belongs to the codebook as it was when said: an undo or redo since makes it stale.
  const [status, setStatus] = useState({ text: '', at: -1 });
  const say = useCallback((text: string) => setStatus({ text, at: changes.codesVersion.get() }), [changes]);
  const [problem, setProblem] = useState<string | null>(null);
  const startRef = useRef<HTMLButtonElement>(null);
  const done = useCallback(() => setMode(null), []);
  const actions = useCodebookActions({ codes, tree, startRef, say, done });
  const active = tree.active;
  const modeCode = mode && mode.kind !== 'new' ? codes.find((c) => c.id === mode.id) : undefined;

  const cancel = () => {
    const back = modeCode?.id ?? tree.activeId;
    setMode(null);
    if (back) tree.focusCode(back);
    else startRef.current?.focus();
  };
  // Refusals of moves made without a form (drag and drop, Alt+Shift+Arrow) are shown above the tree.
  const moveWithoutForm = async (id: string, parentId: string | null) => {
    setProblem(null);
    setProblem(await actions.edit(id, { parentId }));
    tree.focusCode(id);
  };

  return (
    <div className="cb-body">
      <p className="cb-status" role="status">
        {status.at === version ? status.text : ''}
      </p>
      {(problem ?? loadError) && (
        <p className="cb-message" role="alert">
          {problem ?? loadError}
        </p>
      )}
      {mode?.kind === 'new' || (mode?.kind === 'child' && modeCode) ? (
        <NewCodeForm parentPath={modeCode?.path ?? null} onCreate={(name) => actions.create(name, modeCode?.id ?? null)} onCancel={cancel} />
      ) : (
        <button ref={startRef} type="button" className="fm-button cb-new" data-codebook-start disabled={readOnly} onClick={() => setMode({ kind: 'new' })}>
          New code
        </button>
      )}
      {loadedCodes === null ? (
        <p className="cb-hint">Loading the codebook…</p>
      ) : codes.length === 0 ? (
        <p className="cb-hint">No codes yet. Make one with “New code”, or type a tag on an annotation (Labour/TITP makes a code TITP under Labour).</p>
      ) : (
        <CodeTree
          visible={tree.visible}
          activeId={tree.activeId}
          isExpanded={tree.isExpanded}
          setExpanded={tree.setExpanded}
          focusCode={tree.focusCode}
          setActiveId={tree.setActiveId}
          pendingFocus={tree.pendingFocus}
          renamingId={mode?.kind === 'rename' ? mode.id : null}
          onRename={(id, name) => actions.edit(id, { name })}
          onRenameEnd={(id) => {
            setMode(null);
            tree.focusCode(id);
          }}
          onAction={(action) => {
            if (readOnly) return;
            const code = codes.find((c) => c.id === action.id);
            if (!code) return;
            if (action.type !== 'move') return setMode({ kind: action.type, id: action.id });
            const target = keyboardMoveTarget(codes, code, action.direction);
            if (target) void moveWithoutForm(code.id, target.parentId);
          }}
          onDropMove={(dragged, parentId) => void moveWithoutForm(dragged, parentId)}
        />
      )}
      {active && <CodeDetails code={active} actions={actions} readOnly={readOnly} onMode={(kind) => setMode({ kind, id: active.id })} />}
      {modeCode && (mode?.kind === 'move' || mode?.kind === 'merge') && (
        <TargetPicker
          key={`${mode.kind}-${modeCode.id}`}
          label={mode.kind === 'move' ? `Move “${modeCode.name}” under` : `Merge “${modeCode.name}” into`}
          confirm={mode.kind === 'move' ? 'Move' : 'Merge'}
          targets={mode.kind === 'move' ? moveTargets(codes, modeCode) : mergeTargets(codes, modeCode)}
          onPick={(target) => (mode.kind === 'move' ? actions.edit(modeCode.id, { parentId: target.id }) : actions.merge(modeCode.id, target.id!))}
          onCancel={cancel}
        />
      )}
      {modeCode && mode?.kind === 'delete' && (
        <DeleteCodeDialog code={modeCode} descendants={subtreeIds(codes, modeCode.id).size - 1} onConfirm={(withDescendants) => actions.remove(modeCode.id, withDescendants)} onCancel={cancel} />
      )}
    </div>
  );
}
