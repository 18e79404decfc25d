/** Local application of a settings patch, the same way the service merges it. */
import type { Settings, SettingsPatch } from '../../preload/contract';

/** Settings with the patch applied (the legend is merged key by key). */
export function mergeSettings(settings: Settings, patch: SettingsPatch): Settings {
  const next: Settings = { ...settings };
  if (patch.fontSize !== undefined) next.fontSize = patch.fontSize;
  if (patch.theme !== undefined) next.theme = patch.theme;
  if (patch.lineWidth !== undefined) next.lineWidth = patch.lineWidth;
  if (patch.readingPosition !== undefined) next.readingPosition = patch.readingPosition;
  if (patch.legend !== undefined) next.legend = { ...settings.legend, ...patch.legend };
  if (patch.colorKeys !== undefined) next.colorKeys = patch.colorKeys;
  if (patch.defaultSensitivity !== undefined) next.defaultSensitivity = patch.defaultSensitivity;
  if (patch.printNotes !== undefined) next.printNotes = patch.printNotes;
  if (patch.briefing !== undefined) next.briefing = patch.briefing;
  return next;
}

/** Two patches as one: later values win, legends merge. */
export function combinePatches(first: SettingsPatch, second: SettingsPatch): SettingsPatch {
  const combined: SettingsPatch = { ...first, ...second };
  if (first.legend || second.legend) combined.legend = { ...first.legend, ...second.legend };
  return combined;
}

/** Whether a patch changes nothing but the reading position (saved often, never re-renders the app). */
export function isPositionOnly(patch: SettingsPatch): boolean {
  return Object.keys(patch).every((key) => key === 'readingPosition');
}
