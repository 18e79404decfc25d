/**
 * The list of every find match, grouped by section, each with a snippet whose
 * matched part is a React-rendered <mark>. Long lists render in pages so a
 * common word in a 100× document does not build ten thousand rows at once.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Block } from '../../preload/contract';
import type { TextMatch } from './matcher';
import { groupResults } from './results-model';

/** Rows rendered at first and added by each "Show more" press. */
export const RESULTS_PAGE = 200;

interface FindResultsProps {
  id: string;
  text: string;
  blocks: readonly Block[];
  matches: readonly TextMatch[];
  current: number;
  onSelect(index: number): void;
}

export function FindResults({ id, text, blocks, matches, current, onSelect }: FindResultsProps) {
  const [limit, setLimit] = useState(RESULTS_PAGE);
  const listRef = useRef<HTMLDivElement>(null);
  // A new search starts again from the first page.
  useEffect(() => setLimit(RESULTS_PAGE), [matches]);
  // Navigating with Enter/F3 beyond the rendered rows extends the list to show the current one.
  const shown = Math.max(limit, current + 1);
  const groups = useMemo(() => groupResults(text, blocks, matches, shown), [text, blocks, matches, shown]);

  useEffect(() => {
    const row = listRef.current?.querySelector<HTMLElement>('[aria-current="true"]');
    row?.scrollIntoView({ block: 'nearest' });
  }, [current, groups]);

  const remaining = matches.length - Math.min(shown, matches.length);
  return (
    <div id={id} ref={listRef} className="find-results" role="region" aria-label="Find results">
      {groups.map((group) => (
        <section key={group.key} className="find-group" aria-label={`${group.title}: ${group.items.length} ${group.items.length === 1 ? 'match' : 'matches'}`}>
          <h3 className="find-group-title">
            {group.title} <span className="find-group-count">({group.items.length})</span>
          </h3>
          <ol className="find-group-list">
            {group.items.map((item) => (
              <li key={item.index}>
                <button
                  type="button"
                  className="find-result"
                  aria-current={item.index === current ? 'true' : undefined}
                  onClick={() => onSelect(item.index)}
                >
                  {item.snippet.before}
                  <mark className="find-result-mark">{item.snippet.match}</mark>
                  {item.snippet.after}
                </button>
              </li>
            ))}
          </ol>
        </section>
      ))}
      {remaining > 0 && (
        <button type="button" className="find-more" onClick={() => setLimit(shown + RESULTS_PAGE)}>
          Show {Math.min(RESULTS_PAGE, remaining)} more of {remaining} remaining
        </button>
      )}
    </div>
  );
}
