/**
 * The settings and status methods of the contract: reading settings (font size,
 * theme, line width, reading position) and the colour legend, persisted in the
 * store like everything else.
 */
import { Settings, type Contract, type SettingsPatch } from '../../../preload/contract';
import { FieldmarkError, type Implementation } from '../../../preload/rpc';
import { sharedColorKey } from '../../../common/color-keys';
import type { ServiceContext } from './service-context';

export type SettingsMethods = Pick<Implementation<Contract>, 'getSettings' | 'updateSettings' | 'getStatus'>;

/** The settings after a patch: absent fields keep their value; the legend merges label by label. */
export function mergeSettings(current: Settings, patch: SettingsPatch): Settings {
  const legend = { ...current.legend };
  for (const [color, label] of Object.entries(patch.legend ?? {})) {
    if (label !== undefined) legend[color as keyof typeof legend] = label;
  }
  const shared = patch.colorKeys ? sharedColorKey(patch.colorKeys.keys) : null;
  if (shared !== null) throw new FieldmarkError('INVALID_INPUT', `Two colours cannot share the key “${shared}”. The colour keys were not changed.`);
  return Settings.parse({
    fontSize: patch.fontSize ?? current.fontSize,
    theme: patch.theme ?? current.theme,
    lineWidth: patch.lineWidth ?? current.lineWidth,
    readingPosition: patch.readingPosition === undefined ? current.readingPosition : patch.readingPosition,
    legend,
    assessor: patch.assessor ?? current.assessor,
    colorKeys: patch.colorKeys ?? current.colorKeys,
    briefing: (patch.briefing === undefined ? current.briefing : patch.briefing) ?? null,
    printNotes: patch.printNotes ?? current.printNotes ?? true,
    autoLockMinutes: patch.autoLockMinutes ?? current.autoLockMinutes,
    defaultSensitivity: patch.defaultSensitivity ?? current.defaultSensitivity,
  });
}

/** Builds the settings and status methods over the shared context. */
export function createSettingsMethods(ctx: ServiceContext): SettingsMethods {
  // Patches apply one after another, so two quick changes cannot overwrite each other.
  let queue: Promise<unknown> = Promise.resolve();

  return {
    getSettings: () => structuredClone(ctx.store.doc.settings),

    updateSettings: (patch) => {
      const run = queue.then(() => ctx.gate.shared(async () => {
        const current = ctx.store.doc.settings;
        const next = mergeSettings(current, patch);
        if (JSON.stringify(next) !== JSON.stringify(current)) await ctx.store.apply([{ op: 'putSettings', value: next }]);
        return structuredClone(next);
      }));
      queue = run.catch(() => undefined);
      return run;
    },

    getStatus: () => {
      const { dataDir, readOnly, notices } = ctx.store.status;
      return { dataDir, readOnly, notices: [...notices] };
    },
  };
}
