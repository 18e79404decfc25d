/**
 * The sheet's content: the Columns choice, the matrix and the co-occurrence
 * list beside it (below it in a narrow window), and a status line that says
 * what a click has put in the Annotations panel.
 */
import { useId, useState } from 'react';
import { revealAnnotationsPanel } from '../app-state/panel-reveal';
import { useAnnotations } from '../annotations/annotations-context';
import type { PanelFilter } from '../annotations/annotation-filter';
import { CoOccurrenceList } from './CoOccurrenceList';
import { MatrixTable } from './MatrixTable';
import type { ColumnKind } from './matrix-view';
import { useCodingMatrix } from './use-coding-matrix';

const CHOICES: ReadonlyArray<{ kind: ColumnKind; label: string }> = [
  { kind: 'sections', label: 'Sections' },
  { kind: 'colors', label: 'Colours' },
];

export function MatrixBody() {
  const { setFilter } = useAnnotations();
  const [kind, setKind] = useState<ColumnKind>('sections');
  const [shown, setShown] = useState('');
  const { matrix, kind: shownKind, pairs, loadError } = useCodingMatrix(kind);
  const name = useId();

  const onShow = (filter: PanelFilter, what: string) => {
    setFilter(filter);
    revealAnnotationsPanel();
    setShown(`Annotations panel filtered to ${what}.`);
  };

  return (
    <div className="cm-body">
      <fieldset className="cm-columns">
        <legend>Columns</legend>
        {CHOICES.map((choice) => (
          <label key={choice.kind}>
            <input type="radio" name={name} value={choice.kind} checked={kind === choice.kind} onChange={() => setKind(choice.kind)} />
            {choice.label}
          </label>
        ))}
      </fieldset>
      <p className="cm-status" role="status">
        {shown}
      </p>
      {loadError && (
        <p className="cm-error" role="alert">
          {loadError}
        </p>
      )}
      {matrix === null ? (
        !loadError && <p className="cm-empty">Loading the coding matrix…</p>
      ) : matrix.rows.length === 0 ? (
        <p className="cm-empty">No codes yet. Tag a highlight with a code such as Labour/TITP, or add codes in the Codebook.</p>
      ) : (
        <div className="cm-layout">
          <MatrixTable matrix={matrix} kind={shownKind} onShow={onShow} />
          <CoOccurrenceList pairs={pairs ?? []} rows={matrix.rows} onShow={onShow} />
        </div>
      )}
    </div>
  );
}
