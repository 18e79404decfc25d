/**
 * The desktop locks a protected store when the computer sleeps or its screen
 * locks (issue 16): the service locks (finishing pending writes, dropping the
 * key), then the page is told, so it empties itself at once rather than at its
 * next status poll. A plain store answers lock() with an error: nothing to tell.
 */
import type { Dispatcher } from '../../preload/rpc';

export interface PowerEvents {
  on(event: 'suspend' | 'lock-screen', listener: () => void): unknown;
}

export const LOCK_EVENTS = ['suspend', 'lock-screen'] as const;

/** Subscribes the lock to the power events; `tellPage` runs after the store has locked. */
export function lockOnSleep(power: PowerEvents, dispatch: Dispatcher, tellPage: () => void): void {
  const lock = async () => {
    const answer = await dispatch('lock', null);
    if (answer.ok) tellPage();
  };
  for (const event of LOCK_EVENTS) power.on(event, () => void lock());
}
