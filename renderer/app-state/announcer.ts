/**
 * The app's one polite live region, as a store outside React: `announce(message)`
 * puts a sentence in it for screen readers (nothing is shown on screen). The
 * region itself is the notice area's status region (app/Notices.tsx), so visible
 * info notices and these sentences are read from the same place, one after the
 * other, never from competing regions. Any feature (lock and unlock, import,
 * the highlight navigator) calls `announce` or `useAnnounce()`.
 * https://www.w3.org/TR/wai-aria-1.2/#aria-live
 */
import { useSyncExternalStore } from 'react';

export interface Announcement {
  message: string;
  /** Bumped on every announcement, so the same sentence twice is read twice (it is rendered as a new node). */
  serial: number;
}

export class Announcer {
  private current: Announcement = { message: '', serial: 0 };
  private readonly listeners = new Set<() => void>();

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): Announcement => this.current;

  /** Replaces the sentence in the live region (an empty or blank message is ignored). */
  readonly announce = (message: string): void => {
    const text = message.trim();
    if (text === '') return;
    this.current = { message: text, serial: this.current.serial + 1 };
    for (const listener of [...this.listeners]) listener();
  };
}

/** The announcer the app's live region shows. */
export const appAnnouncer = new Announcer();

/** Says `message` in the app's polite live region. */
export const announce = appAnnouncer.announce;

/** The `announce` function, for components (stable: never changes between renders). */
export function useAnnounce(): (message: string) => void {
  return announce;
}

/** The latest announcement (for the live region). */
export function useAnnouncement(announcer: Announcer = appAnnouncer): Announcement {
  return useSyncExternalStore(announcer.subscribe, announcer.getSnapshot);
}
