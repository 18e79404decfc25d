/**
 * Fast-changing reading state (scroll progress, current section) kept outside
 * React state, so scrolling re-renders only the two small components that show it.
 */
import { useSyncExternalStore } from 'react';

export interface ReadingState {
  /** Fraction of the document scrolled, 0–1. */
  progress: number;
  /** Index into the table of contents entries, -1 before the first. */
  section: number;
}

let state: ReadingState = { progress: 0, section: 0 };
const listeners = new Set<() => void>();

/** Replaces parts of the reading state; listeners run only when something changed. */
export function setReadingState(patch: Partial<ReadingState>): void {
  const next = { ...state, ...patch };
  if (next.progress === state.progress && next.section === state.section) return;
  state = next;
  for (const listener of [...listeners]) listener();
}

function getReadingState(): ReadingState {
  return state;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

let pinned: number | null = null;

/**
 * Pins the current section after a jump from the table of contents, so a short
 * last section is still marked although its heading cannot reach the reading line.
 * The reader drops the pin once that heading leaves the viewport.
 */
export function pinSection(index: number | null): void {
  pinned = index;
}

export function pinnedSection(): number | null {
  return pinned;
}

/** Subscribes a component to the reading state. */
export function useReadingState(): ReadingState {
  return useSyncExternalStore(subscribe, getReadingState, getReadingState);
}
