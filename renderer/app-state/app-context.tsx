/**
 * What every feature of the view shares: the client, the report, the reading
 * surface, the settings (persisted through the service), the store status and
 * the notice area. `useApp()` reads it. The notice list is use-notices, the
 * settings and their saving use-settings-state.
 */
import { createContext, useCallback, useContext, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Report, Settings, SettingsPatch, StoreStatus } from '../../preload/contract';
import type { FieldmarkClient } from '../api/client';
import type { TextSurface } from '../text/text-surface';
import { applySettingsToRoot, DARK_QUERY } from './theme';
import { useNotices } from './use-notices';
import { useSettingsState } from './use-settings-state';

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
  const [status, setStatus] = useState<StoreStatus>(props.status);
  const statusRef = useRef(status);
  statusRef.current = status;
  const { notices, notify, dismiss } = useNotices(props.status.notices);
  const { settings, updateSettings } = useSettingsState({ client, initial: props.settings, statusRef, notify, dismiss });

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
