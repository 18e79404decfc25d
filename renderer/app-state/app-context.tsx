/**
 * What every feature of the view shares: the client, the report, the reading
 * surface, the settings (persisted through the service), the store status and
 * the notice area. `useApp()` reads it.
 */
import { createContext, useCallback, useContext, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Report, Settings, SettingsPatch, StoreStatus } from '../../preload/contract';
import type { FieldmarkClient } from '../api/client';
import type { TextSurface } from '../text/text-surface';
import { combinePatches, isPositionOnly, mergeSettings } from './merge-settings';
import { applySettingsToRoot, DARK_QUERY } from './theme';

export interface NoticeAction {
  label: string;
  run: () => void | Promise<unknown>;
}

export interface NotifyOptions {
  /** 'info' goes to the status area (role="status"), 'error' to the alert banner (role="alert"). */
  kind?: 'info' | 'error';
  action?: NoticeAction;
  /** Keeps an info notice until it is dismissed (errors and notices with an action always stay). */
  sticky?: boolean;
}

export interface Notice {
  id: number;
  message: string;
  kind: 'info' | 'error';
  action?: NoticeAction;
  sticky: boolean;
}

export interface AppValue {
  client: FieldmarkClient;
  report: Report;
  /** The reading surface once the article has been built, null before. */
  surface: TextSurface | null;
  setSurface(surface: TextSurface | null): void;
  /**
   * The settings as shown. `readingPosition` is the one restored at launch: position
   * saves are frequent and deliberately do not re-render the app.
   */
  settings: Settings;
  /** Applies the patch at once and persists it; a failed save shows an alert with Retry. Resolves with the saved settings, or null. */
  updateSettings(patch: SettingsPatch): Promise<Settings | null>;
  status: StoreStatus;
  /** Re-reads the store status (read-only state, notices) from the service. */
  refreshStatus(): Promise<void>;
  notices: Notice[];
  /** Shows a message; returns its id for `dismiss`. Identical messages already shown are not repeated. */
  notify(message: string, options?: NotifyOptions): number;
  dismiss(id: number): void;
}

const AppContext = createContext<AppValue | null>(null);

/** The shared app state; throws when used outside <AppProvider>. */
export function useApp(): AppValue {
  const value = useContext(AppContext);
  if (!value) throw new Error('useApp() must be used inside <AppProvider>.');
  return value;
}

const INFO_MS = 8000;

export interface AppProviderProps {
  client: FieldmarkClient;
  report: Report;
  settings: Settings;
  status: StoreStatus;
  children: ReactNode;
}

export function AppProvider(props: AppProviderProps) {
  const { client, report } = props;
  const [surface, setSurface] = useState<TextSurface | null>(null);
  const [settings, setSettings] = useState<Settings>(props.settings);
  const [status, setStatus] = useState<StoreStatus>(props.status);
  const [notices, setNotices] = useState<Notice[]>(() =>
    props.status.notices.map((message, i) => ({ id: i + 1, message, kind: 'info' as const, sticky: true })),
  );
  const nextId = useRef(props.status.notices.length + 1);
  const timers = useRef(new Map<number, number>());
  const statusRef = useRef(status);
  statusRef.current = status;

  const dismiss = useCallback((id: number) => {
    const timer = timers.current.get(id);
    if (timer !== undefined) window.clearTimeout(timer);
    timers.current.delete(id);
    setNotices((list) => list.filter((n) => n.id !== id));
  }, []);

  const noticesRef = useRef(notices);
  noticesRef.current = notices;

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

  // Settings: applied at once, saved in order; only the newest reply may overwrite local state.
  const unsaved = useRef<SettingsPatch>({});
  const sequence = useRef(0);
  const lastSaved = useRef(0);
  const failureNotice = useRef<number | null>(null);

  const save = useCallback(
    async (patch: SettingsPatch): Promise<Settings | null> => {
      if (statusRef.current.readOnly) return null;
      // Every save carries what earlier failed saves left unsaved: a later save that
      // succeeds (a reading-position save, say) then stores it too, instead of
      // dismissing the failure notice and dropping the change.
      const toSend = combinePatches(unsaved.current, patch);
      unsaved.current = toSend;
      const id = ++sequence.current;
      try {
        const saved = await client.updateSettings(toSend);
        lastSaved.current = Math.max(lastSaved.current, id);
        if (id === sequence.current) {
          unsaved.current = {};
          if (failureNotice.current !== null) {
            dismiss(failureNotice.current);
            failureNotice.current = null;
          }
          if (!isPositionOnly(toSend)) setSettings((current) => ({ ...saved, readingPosition: current.readingPosition }));
        }
        return saved;
      } catch (error) {
        // A later save already succeeded and carried this one's changes (replies can arrive out of order).
        if (id < lastSaved.current) return null;
        const reason = error instanceof Error ? error.message : String(error);
        if (failureNotice.current !== null) dismiss(failureNotice.current);
        failureNotice.current = notify(`Your reading settings were not saved. ${reason}`, {
          kind: 'error',
          action: {
            label: 'Retry',
            run: () => {
              const retry = unsaved.current;
              unsaved.current = {};
              return save(retry);
            },
          },
        });
        return null;
      }
    },
    [client, dismiss, notify],
  );

  const updateSettings = useCallback(
    (patch: SettingsPatch) => {
      if (!isPositionOnly(patch)) setSettings((current) => ({ ...mergeSettings(current, patch), readingPosition: current.readingPosition }));
      return save(patch);
    },
    [save],
  );

  const refreshStatus = useCallback(async () => {
    try {
      const next = await client.getStatus();
      setStatus(next);
      for (const message of next.notices) notify(message, { sticky: true });
    } catch (error) {
      notify(`Could not read the state of your data folder. ${error instanceof Error ? error.message : String(error)}`, { kind: 'error' });
    }
  }, [client, notify]);

  // Theme, font size and line width live on the root element; "system" follows the OS.
  // A layout effect, so the reader's passive effects already see the new layout.
  useLayoutEffect(() => {
    const media = window.matchMedia(DARK_QUERY);
    const apply = () => applySettingsToRoot(document.documentElement, settings, media.matches);
    apply();
    media.addEventListener('change', apply);
    return () => media.removeEventListener('change', apply);
  }, [settings]);

  const value = useMemo<AppValue>(
    () => ({ client, report, surface, setSurface, settings, updateSettings, status, refreshStatus, notices, notify, dismiss }),
    [client, report, surface, settings, updateSettings, status, refreshStatus, notices, notify, dismiss],
  );
  return <AppContext.Provider value={value}>{props.children}</AppContext.Provider>;
}
