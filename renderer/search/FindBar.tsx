/**
 * The find bar: the query, the "n of m" count (announced), previous, next and
 * close, the Match case and Whole word options, "Highlight the current find
 * match" (Ctrl/Cmd+Shift+H), and the results list. Escape anywhere in the bar closes it.
 */
import { FindResults } from './FindResults';
import { HighlightMatchButton, isHighlightMatchKey, useHighlightMatch } from './highlight-match';
import type { FindState } from './use-find';

const RESULTS_ID = 'find-results';

/** The "n of m" text shown and announced. */
function countLabel(query: string, total: number, current: number): string {
  if (query.trim() === '') return '';
  if (total === 0) return 'No matches';
  return `${current + 1} of ${total}`;
}

export function FindBar({ find }: { find: FindState }) {
  const { matches, current, step, closeBar } = find;
  // Until the debounced search runs, the count of the previous query stays (no flicker, no extra announcement).
  const label = countLabel(find.searchedQuery, matches.length, current);
  const highlightMatch = useHighlightMatch(find);
  return (
    <div
      ref={find.barRef}
      className="find-bar"
      style={find.place}
      role="search"
      aria-label="Find in report"
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          event.stopPropagation();
          closeBar();
        } else if (isHighlightMatchKey(event)) {
          event.preventDefault();
          void highlightMatch();
        }
      }}
    >
      <div className="find-row">
        <input
          ref={find.inputRef}
          className="find-input"
          type="text"
          aria-label="Find in report"
          placeholder="Find in report"
          spellCheck={false}
          autoComplete="off"
          value={find.query}
          onChange={(event) => find.setQuery(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              step(event.shiftKey ? -1 : 1);
            }
          }}
        />
        <span className="find-count" role="status" aria-live="polite" aria-atomic="true">
          {label}
        </span>
        <button type="button" className="find-button" aria-label="Previous match" title="Previous match (Shift+Enter)" disabled={matches.length === 0} onClick={() => step(-1)}>
          <span aria-hidden="true">↑</span>
        </button>
        <button type="button" className="find-button" aria-label="Next match" title="Next match (Enter)" disabled={matches.length === 0} onClick={() => step(1)}>
          <span aria-hidden="true">↓</span>
        </button>
        <button type="button" className="find-button" aria-label="Close search" title="Close (Esc)" onClick={closeBar}>
          <span aria-hidden="true">×</span>
        </button>
      </div>
      <div className="find-row find-options">
        <label className="find-option">
          <input type="checkbox" checked={find.matchCase} onChange={(event) => find.setMatchCase(event.target.checked)} /> Match case
        </label>
        <label className="find-option">
          <input type="checkbox" checked={find.wholeWord} onChange={(event) => find.setWholeWord(event.target.checked)} /> Whole word
        </label>
        <button type="button" className="find-results-toggle" aria-expanded={find.showResults} aria-controls={RESULTS_ID} disabled={matches.length === 0} onClick={find.toggleResults}>
          Results
        </button>
        <HighlightMatchButton disabled={current < 0 || matches.length === 0} onHighlight={() => void highlightMatch()} />
      </div>
      {find.showResults && matches.length > 0 && (
        <FindResults id={RESULTS_ID} text={find.text} blocks={find.blocks} matches={matches} current={current} onSelect={(index) => find.goTo(index)} />
      )}
    </div>
  );
}
