/**
 * Find in the report: a toolbar button and Ctrl/Cmd+F open a find bar that
 * searches as you type. The matcher counts from the text (exact), the painter
 * marks only the blocks near the viewport, and the results list shows every
 * match grouped by section.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type CSSProperties } from 'react';
import { createPortal } from 'react-dom';
import { useApp } from '../app-state/app-context';
import { FindResults } from './FindResults';
import { MatchPainter } from './match-painter';
import { firstMatchAtOrAfter, matcherFor, type TextMatch } from './matcher';
import './find.css';

/** Delay after the last keystroke before searching (short: searching is a scan of a prepared copy). */
const TYPING_DEBOUNCE_MS = 60;

/** Texts up to this length (UTF-16 units) are folded for searching while the app is idle. */
const IDLE_FOLD_LIMIT = 1_000_000;

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** The "n of m" text shown and announced. */
export function countLabel(query: string, total: number, current: number): string {
  if (query.trim() === '') return '';
  if (total === 0) return 'No matches';
  return `${current + 1} of ${total}`;
}

export function Find() {
  const { report, surface } = useApp();
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [matchCase, setMatchCase] = useState(false);
  const [wholeWord, setWholeWord] = useState(false);
  const [matches, setMatches] = useState<readonly TextMatch[]>([]);
  const [current, setCurrent] = useState(-1);
  const [searchedQuery, setSearchedQuery] = useState('');
  const [showResults, setShowResults] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const barRef = useRef<HTMLDivElement>(null);
  const painterRef = useRef<MatchPainter | null>(null);
  const returnFocusRef = useRef<Element | null>(null);
  const stateRef = useRef({ matches, current });
  stateRef.current = { matches, current };

  const text = surface?.report?.text ?? report.text;
  const blocks = surface?.report?.blocks ?? report.blocks;

  const openBar = useCallback(() => {
    const active = document.activeElement;
    if (!barRef.current?.contains(active)) returnFocusRef.current = active;
    setOpen(true);
    // Focus after the bar renders (it may not exist yet).
    requestAnimationFrame(() => {
      inputRef.current?.focus();
      inputRef.current?.select();
    });
  }, []);

  const closeBar = useCallback(() => {
    setOpen(false);
    setShowResults(false);
    setMatches([]);
    setCurrent(-1);
    setSearchedQuery('');
    const target = returnFocusRef.current;
    returnFocusRef.current = null;
    if (target instanceof HTMLElement && target.isConnected && target !== document.body) target.focus();
    else surface?.container.focus();
  }, [surface]);

  // The painter lives while the bar is open; destroying it unwraps every mark.
  useEffect(() => {
    if (!open || !surface) return;
    const painter = new MatchPainter(surface);
    painterRef.current = painter;
    return () => {
      painter.destroy();
      painterRef.current = null;
    };
  }, [open, surface]);

  // Float the bar over the reading column's top-right corner, clear of the side panels.
  const [place, setPlace] = useState<CSSProperties | undefined>(undefined);
  useLayoutEffect(() => {
    if (!open || !surface) return;
    const update = () => {
      const rect = surface.scroller.getBoundingClientRect();
      setPlace({
        top: rect.top + 8,
        right: Math.max(8, window.innerWidth - rect.right + 16),
        maxWidth: Math.max(280, rect.width - 32),
        maxHeight: Math.max(160, window.innerHeight - rect.top - 24),
      });
    };
    update();
    // The layout switches to drawers after the window's resize event: observe the column itself.
    const observer = new ResizeObserver(update);
    observer.observe(surface.scroller);
    window.addEventListener('resize', update);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', update);
    };
  }, [open, surface]);

  // A report of ordinary size is folded in idle time right away (a few milliseconds), so
  // even the first Ctrl+F is instant; a huge one only when the bar opens (see below).
  useEffect(() => {
    if (text.length > IDLE_FOLD_LIMIT || typeof requestIdleCallback !== 'function') return;
    const handle = requestIdleCallback(() => matcherFor(text).index(false));
    return () => cancelIdleCallback(handle);
  }, [text]);

  // Prepare the folded copy as soon as the bar opens, so the first keystroke is only a scan.
  useEffect(() => {
    if (open) matcherFor(text).index(matchCase);
  }, [open, text, matchCase]);

  /** Whether a painted mark lies inside the reading viewport and not under the find bar. */
  const markInView = useCallback(
    (mark: HTMLElement | null): boolean => {
      if (!mark || !surface) return false;
      const m = mark.getBoundingClientRect();
      const view = surface.scroller.getBoundingClientRect();
      if (m.top < view.top || m.bottom > view.bottom) return false;
      const b = barRef.current?.getBoundingClientRect();
      return !b || !(m.bottom > b.top && m.top < b.bottom && m.right > b.left && m.left < b.right);
    },
    [surface],
  );

  /**
   * Once the surface has settled a scroll (it corrects over two frames), moves match
   * `index` out from under the bar when the bar (with its results list) covers it.
   */
  const clearOfBar = useCallback(
    (index: number) => {
      requestAnimationFrame(() =>
        requestAnimationFrame(() => {
          const mark = painterRef.current?.markOf(index);
          const bar = barRef.current;
          if (!surface || !mark || !bar || markInView(mark)) return;
          const m = mark.getBoundingClientRect();
          const below = bar.getBoundingClientRect().bottom + 24;
          const view = surface.scroller.getBoundingClientRect();
          if (m.top < below && below + m.height < view.bottom) surface.scroller.scrollBy({ top: m.top - below });
        }),
      );
    },
    [surface, markInView],
  );

  /** Makes match `index` current and scrolls to it unless it is already in view. */
  const goTo = useCallback(
    (index: number) => {
      const match = stateRef.current.matches[index];
      if (!match) return;
      setCurrent(index);
      const painter = painterRef.current;
      painter?.setCurrent(index);
      if (!surface || markInView(painter?.markOf(index) ?? null)) return;
      surface.scrollToOffset(match.start, { align: 'center' });
      clearOfBar(index);
    },
    [surface, markInView, clearOfBar],
  );

  // Opening the results list makes the bar taller: keep the current match visible.
  useEffect(() => {
    if (showResults && stateRef.current.current >= 0) clearOfBar(stateRef.current.current);
  }, [showResults, clearOfBar]);

  // Search as the user types (lightly debounced), and again when an option or the text changes.
  useEffect(() => {
    if (!open) return;
    const run = () => {
      const found = matcherFor(text).find(query, { matchCase, wholeWord });
      const from = surface ? surface.firstVisibleOffset() : 0;
      const first = found.length === 0 ? -1 : firstMatchAtOrAfter(found, from) % found.length;
      stateRef.current = { matches: found, current: first };
      setMatches(found);
      setCurrent(first);
      setSearchedQuery(query);
      painterRef.current?.setMatches(found, first);
      if (first >= 0) goTo(first);
    };
    if (query.trim() === '') {
      run();
      return;
    }
    const timer = window.setTimeout(run, TYPING_DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [open, text, query, matchCase, wholeWord, surface, goTo]);

  const step = useCallback(
    (delta: 1 | -1) => {
      const { matches: list, current: at } = stateRef.current;
      if (list.length === 0) return;
      const next = at < 0 ? (delta === 1 ? 0 : list.length - 1) : (at + delta + list.length) % list.length;
      goTo(next);
    },
    [goTo],
  );

  // Ctrl/Cmd+F opens (or refocuses) the bar; F3 / Shift+F3 (and Cmd+G) step while it is open.
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const mod = isMac ? event.metaKey : event.ctrlKey;
      // A modal dialog (Export and import) makes the rest of the page inert: leave its keys alone.
      if (document.querySelector('dialog:modal')) return;
      if (mod && !event.altKey && event.key.toLowerCase() === 'f') {
        event.preventDefault();
        openBar();
        return;
      }
      if (!open) return;
      if (event.key === 'F3' || (mod && !event.altKey && event.key.toLowerCase() === 'g')) {
        event.preventDefault();
        step(event.shiftKey ? -1 : 1);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [open, openBar, step]);

  // Until the debounced search runs, the count of the previous query stays (no flicker, no extra announcement).
  const label = countLabel(searchedQuery, matches.length, current);
  const resultsId = 'find-results';

  const bar = open && (
    <div
      ref={barRef}
      className="find-bar"
      style={place}
      role="search"
      aria-label="Find in report"
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          event.stopPropagation();
          closeBar();
        }
      }}
    >
      <div className="find-row">
        <input
          ref={inputRef}
          className="find-input"
          type="text"
          aria-label="Find in report"
          placeholder="Find in report"
          spellCheck={false}
          autoComplete="off"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
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
          <input type="checkbox" checked={matchCase} onChange={(event) => setMatchCase(event.target.checked)} /> Match case
        </label>
        <label className="find-option">
          <input type="checkbox" checked={wholeWord} onChange={(event) => setWholeWord(event.target.checked)} /> Whole word
        </label>
        <button
          type="button"
          className="find-results-toggle"
          aria-expanded={showResults}
          aria-controls={resultsId}
          disabled={matches.length === 0}
          onClick={() => setShowResults((shown) => !shown)}
        >
          Results
        </button>
      </div>
      {showResults && matches.length > 0 && (
        <FindResults id={resultsId} text={text} blocks={blocks} matches={matches} current={current} onSelect={(index) => goTo(index)} />
      )}
    </div>
  );

  return (
    <>
      <button
        type="button"
        className="toolbar-button"
        aria-keyshortcuts={isMac ? 'Meta+F' : 'Control+F'}
        aria-expanded={open}
        onClick={() => (open ? inputRef.current?.focus() : openBar())}
      >
        Find
      </button>
      {bar && createPortal(bar, document.body)}
    </>
  );
}
