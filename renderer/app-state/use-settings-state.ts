/**
 * The settings as shown and their saving: a change is applied at once and
 * saved in order; only the newest reply may overwrite what is shown, a failed
 * save raises one alert with Retry, and a later save carries what a failed one
 * left unsaved. The reading position is saved without re-rendering the app.
 */
import { useCallback, useRef, useState, type RefObject } from 'react';
import type { Settings, SettingsPatch, StoreStatus } from '../../preload/contract';
import type { FieldmarkClient } from '../api/client';
import type { Notices } from './use-notices';
import { combinePatches, isPositionOnly, mergeSettings } from './merge-settings';

interface SettingsDeps extends Pick<Notices, 'notify' | 'dismiss'> {
  client: FieldmarkClient;
  initial: Settings;
  /** The store status now: nothing is saved in read-only mode. */
  statusRef: RefObject<StoreStatus>;
}

export interface SettingsState {
  settings: Settings;
  updateSettings(patch: SettingsPatch): Promise<Settings | null>;
}

export function useSettingsState({ client, initial, statusRef, notify, dismiss }: SettingsDeps): SettingsState {
  const [settings, setSettings] = useState<Settings>(initial);
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
    [client, dismiss, notify, statusRef],
  );

  const updateSettings = useCallback(
    (patch: SettingsPatch) => {
      if (!isPositionOnly(patch)) setSettings((current) => ({ ...mergeSettings(current, patch), readingPosition: current.readingPosition }));
      return save(patch);
    },
    [save],
  );

  return { settings, updateSettings };
}
