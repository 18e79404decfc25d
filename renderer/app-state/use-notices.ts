/**
 * The notice area's list: a message is shown once (an identical one already
 * shown is not repeated), info notices go away after a few seconds unless they
 * are sticky, and errors and notices with an action stay until dismissed.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Notice, NotifyOptions } from './app-context';

const INFO_MS = 8000;

export interface Notices {
  notices: Notice[];
  notify(message: string, options?: NotifyOptions): number;
  dismiss(id: number): void;
}

/** `initial` are the store's notices at launch (a damaged file, read-only mode): shown until dismissed. */
export function useNotices(initial: readonly string[]): Notices {
  const [notices, setNotices] = useState<Notice[]>(() => initial.map((message, i) => ({ id: i + 1, message, kind: 'info' as const, sticky: true })));
  const nextId = useRef(initial.length + 1);
  const timers = useRef(new Map<number, number>());

  // The list as last set, ahead of the render: a dismiss followed at once by a
  // notify (the "one at a time" announcer does that) must not bring the dismissed one back.
  // Only dismiss and notify write it (and the state), so a render never puts an older list back.
  const noticesRef = useRef(notices);

  const dismiss = useCallback((id: number) => {
    const timer = timers.current.get(id);
    if (timer !== undefined) window.clearTimeout(timer);
    timers.current.delete(id);
    noticesRef.current = noticesRef.current.filter((n) => n.id !== id);
    setNotices(noticesRef.current);
  }, []);

  const notify = useCallback(
    (message: string, options: NotifyOptions = {}) => {
      const kind = options.kind ?? 'info';
      const existing = noticesRef.current.find((n) => n.message === message && n.kind === kind);
      if (existing) return existing.id;
      const id = nextId.current++;
      const sticky = kind === 'error' || options.sticky === true || options.action !== undefined;
      const notice: Notice = { id, message, kind, sticky, ...(options.action ? { action: options.action } : {}) };
      noticesRef.current = [...noticesRef.current, notice];
      setNotices(noticesRef.current);
      if (!sticky) timers.current.set(id, window.setTimeout(() => dismiss(id), INFO_MS));
      return id;
    },
    [dismiss],
  );

  useEffect(() => {
    const pending = timers.current;
    return () => {
      for (const timer of pending.values()) window.clearTimeout(timer);
      pending.clear();
    };
  }, []);

  return { notices, notify, dismiss };
}
