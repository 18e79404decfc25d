/**
 * The focused code's details under the tree: its path, definition and
 * "Codable" flag, and the actions on it, each a button with its own name.
 */
import type { CodeView } from '../../preload/contract';
import { DefinitionField } from './DefinitionField';
import type { CodebookActions } from './use-codebook-actions';

export type DetailMode = 'child' | 'rename' | 'move' | 'merge' | 'delete';

export interface CodeDetailsProps {
  code: CodeView;
  actions: CodebookActions;
  readOnly: boolean;
  onMode(mode: DetailMode): void;
}

export function CodeDetails({ code, actions, readOnly, onMode }: CodeDetailsProps) {
  return (
    <section className="cb-details" aria-label={`Code ${code.path}`}>
      <h3 className="cb-path">{code.path}</h3>
      <DefinitionField key={code.id} code={code} readOnly={readOnly} onSave={(description) => actions.edit(code.id, { description })} />
      <label className="cb-check">
        <input type="checkbox" checked={code.codable} disabled={readOnly} onChange={(event) => void actions.edit(code.id, { codable: event.target.checked })} />
        Codable
      </label>
      <p className="cb-hint">A code that is not codable only groups the codes under it; it cannot be added to an annotation.</p>
      <div className="cb-actions">
        <button type="button" className="fm-button" disabled={readOnly} onClick={() => onMode('child')}>
          New child code
        </button>
        <button type="button" className="fm-button" disabled={readOnly} aria-keyshortcuts="F2" onClick={() => onMode('rename')}>
          Rename
        </button>
        <button type="button" className="fm-button" disabled={readOnly} aria-keyshortcuts="Alt+Shift+ArrowLeft Alt+Shift+ArrowRight" onClick={() => onMode('move')}>
          Move to…
        </button>
        <button type="button" className="fm-button" disabled={readOnly} onClick={() => onMode('merge')}>
          Merge into…
        </button>
        <button type="button" className="fm-button" onClick={() => actions.showInPanel(code.id)}>
          Show in panel
        </button>
        <button type="button" className="fm-danger-button" disabled={readOnly} aria-keyshortcuts="Delete" onClick={() => onMode('delete')}>
          Delete
        </button>
      </div>
    </section>
  );
}
