/**
 * The list of every find match, grouped by section, each with a snippet whose
 * matched part is a React-rendered <mark>. Long lists render one page at a time
 * (the page holding the current match), so a common word in a 100× document
 * does not build ten thousand rows at once.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Block } from '../../preload/contract';
import type { TextMatch } from './matcher';
import { groupResults } from './results-model';

/** Rows rendered per page, and added by each "Show more" press. */
const RESULTS_PAGE = 200;

interface FindResultsProps {
  id: string;
  text: string;
  blocks: readonly Block[];
  matches: readonly TextMatch[];
  current: number;
  onSelect(index: number): void;
}

interface RowWindow {
  matches: readonly TextMatch[];
  from: number;
  to: number;
}

/** The page of rows that holds match `index`. */
function pageAround(matches: readonly TextMatch[], index: number): RowWindow {
  const from = Math.floor(Math.max(0, index) / RESULTS_PAGE) * RESULTS_PAGE;
  return { matches, from, to: from + RESULTS_PAGE };
}

export function FindResults({ id, text, blocks, matches, current, onSelect }: FindResultsProps) {
  const [chosen, setChosen] = useState<RowWindow>(() => pageAround(matches, current));
  const listRef = useRef<HTMLDivElement>(null);
  // A new search, or navigating past the rendered rows, shows the page holding the current match.
  const stale = chosen.matches !== matches || (current >= 0 && (current < chosen.from || current >= chosen.to));
  const { from, to } = stale ? pageAround(matches, current) : chosen;
  const end = Math.min(to, matches.length);
  const groups = useMemo(() => groupResults(text, blocks, matches, from, end), [text, blocks, matches, from, end]);

  useEffect(() => {
    const row = listRef.current?.querySelector<HTMLElement>('[aria-current="true"]');
    row?.scrollIntoView({ block: 'nearest' });
  }, [current, groups]);

  const earlier = from;
  const later = matches.length - end;
  return (
    <div id={id} ref={listRef} className="find-results" role="region" aria-label="Find results">
      {earlier > 0 && (
        <button type="button" className="find-more" onClick={() => setChosen({ matches, from: Math.max(0, from - RESULTS_PAGE), to: end })}>
          Show {Math.min(RESULTS_PAGE, earlier)} earlier of {earlier}
        </button>
      )}
      {groups.map((group) => (
        <section key={group.key} className="find-group" aria-label={`${group.title}: ${group.total} ${group.total === 1 ? 'match' : 'matches'}`}>
          <h3 className="find-group-title">
            {group.title} <span className="find-group-count">({group.total})</span>
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
      {later > 0 && (
        <button type="button" className="find-more" onClick={() => setChosen({ matches, from, to: end + RESULTS_PAGE })}>
          Show {Math.min(RESULTS_PAGE, later)} more of {later} remaining
        </button>
      )}
    </div>
  );
}
