/**
 * Which codes meet (on one annotation, or on overlapping passages) and how
 * often, most frequent first. The panel's tag filter shows any of its tags, not
 * passages carrying both, so an entry's button shows the passages of either
 * code: the places where the two meet are among them.
 */
import { useId } from 'react';
import type { CoOccurrence } from '../../preload/contract';
import { EMPTY_FILTER, type PanelFilter } from '../annotations/annotation-filter';
import { pairEntries, pairText, type MatrixRow } from './matrix-view';

/** More pairs than this make a list nobody reads; the rest are summed up in a line. */
const SHOWN_PAIRS = 50;

interface Props {
  pairs: readonly CoOccurrence[];
  rows: readonly MatrixRow[];
  onShow(filter: PanelFilter, what: string): void;
}

export function CoOccurrenceList({ pairs, rows, onShow }: Props) {
  const headingId = useId();
  const entries = pairEntries(pairs, rows, SHOWN_PAIRS);
  return (
    <section className="cm-pairs" aria-labelledby={headingId}>
      <h3 id={headingId}>Co-occurrence</h3>
      <p className="cm-hint">Codes on the same annotation or on overlapping passages. Choose a pair to show the passages of either code in the panel.</p>
      {entries.length === 0 ? (
        <p className="cm-empty">No two codes meet yet.</p>
      ) : (
        <ol className="cm-pair-list">
          {entries.map((entry) => (
            <li key={entry.key}>
              <button type="button" className="cm-pair" onClick={() => onShow({ ...EMPTY_FILTER, tags: [entry.a, entry.b] }, pairText(entry))}>
                {pairText(entry)}
              </button>
            </li>
          ))}
        </ol>
      )}
      {pairs.length > entries.length && <p className="cm-hint">{`The ${entries.length} most frequent of ${pairs.length} pairs.`}</p>}
    </section>
  );
}
