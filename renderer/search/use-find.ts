/**
 * The find bar's state: open or closed, the query and its options, searching
 * as the user types (the matcher counts from the text, exactly), the matches
 * and the current one, and where focus returns when the bar closes.
 */
import { useCallback, useEffect, useRef, useState, type CSSProperties, type RefObject } from 'react';
import type { Block } from '../../preload/contract';
import { useApp } from '../app-state/app-context';
import type { TextSurface } from '../text/text-surface';
import { MatchPainter } from './match-painter';
import { firstMatchAtOrAfter, matcherFor, type TextMatch } from './matcher';
import { useBarPlacement } from './use-bar-placement';
import { useFindShortcuts } from './use-find-shortcuts';
import { useMatchNavigation, type MatchNavigation } from './use-match-navigation';

/** Delay after the last keystroke before searching (short: searching is a scan of a prepared copy). */
const TYPING_DEBOUNCE_MS = 60;

/** Texts up to this length (UTF-16 units) are folded for searching while the app is idle. */
const IDLE_FOLD_LIMIT = 1_000_000;

export interface FindQuery {
  query: string;
  matchCase: boolean;
  wholeWord: boolean;
}

export interface FindState extends FindQuery, Omit<MatchNavigation, 'setFound' | 'clear' | 'clearOfBar' | 'latest'> {
  open: boolean;
  setQuery(query: string): void;
  setMatchCase(on: boolean): void;
  setWholeWord(on: boolean): void;
  /** The query the shown matches are for (the typed one is searched after a short pause). */
  searchedQuery: string;
  showResults: boolean;
  toggleResults(): void;
  text: string;
  blocks: readonly Block[];
  place: CSSProperties | undefined;
  inputRef: RefObject<HTMLInputElement | null>;
  barRef: RefObject<HTMLDivElement | null>;
  openBar(): void;
  closeBar(): void;
}

/** The painter lives while the bar is open; destroying it unwraps every mark. */
function useMatchPainter(open: boolean, surface: TextSurface | null): RefObject<MatchPainter | null> {
  const painterRef = useRef<MatchPainter | null>(null);
  useEffect(() => {
    if (!open || !surface) return;
    const painter = new MatchPainter(surface);
    painterRef.current = painter;
    return () => {
      painter.destroy();
      painterRef.current = null;
    };
  }, [open, surface]);
  return painterRef;
}

/**
 * A report of ordinary size is folded in idle time right away (a few milliseconds), so
 * even the first Ctrl+F is instant; any report as soon as the bar opens, so the first
 * keystroke is only a scan.
 */
function useFoldAhead(open: boolean, text: string, matchCase: boolean): void {
  useEffect(() => {
    if (text.length > IDLE_FOLD_LIMIT || typeof requestIdleCallback !== 'function') return;
    const handle = requestIdleCallback(() => matcherFor(text).index(false));
    return () => cancelIdleCallback(handle);
  }, [text]);

  useEffect(() => {
    if (open) matcherFor(text).index(matchCase);
  }, [open, text, matchCase]);
}

/** Searches as the user types (lightly debounced), and again when an option or the text changes. */
function useSearchAsYouType(open: boolean, text: string, search: FindQuery, surface: TextSurface | null, found: (query: string, matches: readonly TextMatch[], first: number) => void): void {
  const { query, matchCase, wholeWord } = search;
  useEffect(() => {
    if (!open) return;
    const run = () => {
      const matches = matcherFor(text).find(query, { matchCase, wholeWord });
      const from = surface ? surface.firstVisibleOffset() : 0;
      found(query, matches, matches.length === 0 ? -1 : firstMatchAtOrAfter(matches, from) % matches.length);
    };
    if (query.trim() === '') {
      run();
      return;
    }
    const timer = window.setTimeout(run, TYPING_DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [open, text, query, matchCase, wholeWord, surface, found]);
}

export function useFind(): FindState {
  const { report, surface } = useApp();
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [matchCase, setMatchCase] = useState(false);
  const [wholeWord, setWholeWord] = useState(false);
  const [searchedQuery, setSearchedQuery] = useState('');
  const [showResults, setShowResults] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const barRef = useRef<HTMLDivElement>(null);
  const returnFocusRef = useRef<Element | null>(null);
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

  const painterRef = useMatchPainter(open, surface);
  const place = useBarPlacement(open, surface);
  useFoldAhead(open, text, matchCase);
  const { matches, current, setFound, clear, goTo, step, clearOfBar, latest } = useMatchNavigation({ surface, painterRef, barRef });

  const closeBar = useCallback(() => {
    setOpen(false);
    setShowResults(false);
    clear();
    setSearchedQuery('');
    const target = returnFocusRef.current;
    returnFocusRef.current = null;
    if (target instanceof HTMLElement && target.isConnected && target !== document.body) target.focus();
    else surface?.container.focus();
  }, [clear, surface]);

  // Opening the results list makes the bar taller: keep the current match visible.
  useEffect(() => {
    if (showResults && latest().current >= 0) clearOfBar(latest().current);
  }, [showResults, clearOfBar, latest]);

  const found = useCallback(
    (searched: string, list: readonly TextMatch[], first: number) => {
      setFound(list, first);
      setSearchedQuery(searched);
      if (first >= 0) goTo(first);
    },
    [setFound, goTo],
  );
  useSearchAsYouType(open, text, { query, matchCase, wholeWord }, surface, found);
  useFindShortcuts(open, openBar, step);

  const toggleResults = useCallback(() => setShowResults((shown) => !shown), []);
  return { open, query, setQuery, matchCase, setMatchCase, wholeWord, setWholeWord, searchedQuery, showResults, toggleResults, text, blocks, place, inputRef, barRef, openBar, closeBar, matches, current, goTo, step };
}
