/**
 * One value outside React that components read with `useSyncExternalStore`
 * and a selector, so that a change (the selected annotation, say) re-renders
 * only the components whose selected result changed: the two cards whose
 * "current" mark moves, not the whole panel.
 */
import { useCallback, useSyncExternalStore } from 'react';

export class ValueStore<T> {
  private readonly listeners = new Set<() => void>();

  constructor(private value: T) {}

  readonly get = (): T => this.value;

  /** The same as `get`, under the name `useSelector` reads. */
  readonly getSnapshot = (): T => this.value;

  set(next: T): void {
    if (Object.is(next, this.value)) return;
    this.value = next;
    for (const listener of [...this.listeners]) listener();
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
}

export interface Subscribable<S> {
  subscribe(listener: () => void): () => void;
  getSnapshot(): S;
}

/**
 * Reads part of a store; re-renders only when `select`'s result changes (by Object.is).
 * `select` should return a stored value or a primitive, not a new object per call.
 */
export function useSelector<S, R>(store: Subscribable<S>, select: (snapshot: S) => R): R {
  const read = useCallback(() => select(store.getSnapshot()), [store, select]);
  return useSyncExternalStore(store.subscribe, read, read);
}
