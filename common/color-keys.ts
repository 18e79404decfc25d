/**
 * The single-key colour shortcuts (issue 17, WCAG 2.1.4 Character Key Shortcuts):
 * which colour a key press asks for, and the rule that two colours never share a
 * key. Keys match ignoring case, so Caps Lock or Shift does not change what a
 * letter does; the service refuses a setting that breaks the rule and the
 * settings UI says so before saving.
 */
import { DEFAULT_COLOR_KEYS, type ColorId, type ColorKeys } from '../preload/contract';

/** The colour keys in force: settings stored before issue 17 have none, and get the defaults (on, 1–5). */
export function colorKeysOf(settings: { colorKeys?: ColorKeys | undefined }): ColorKeys {
  return settings.colorKeys ?? DEFAULT_COLOR_KEYS;
}

/** The key two colours share (as the user typed it the second time), or null when every colour has its own. */
export function sharedColorKey(keys: ColorKeys['keys']): string | null {
  const seen = new Set<string>();
  for (const key of Object.values(keys)) {
    const folded = key.toLowerCase();
    if (seen.has(folded)) return key;
    seen.add(folded);
  }
  return null;
}

/** The colour a pressed key (KeyboardEvent.key) applies, or null when the keys are off or none matches. */
export function colorForKey(colorKeys: ColorKeys, pressed: string): ColorId | null {
  if (!colorKeys.enabled) return null;
  const folded = pressed.toLowerCase();
  const found = Object.entries(colorKeys.keys).find(([, key]) => key.toLowerCase() === folded);
  return found ? (found[0] as ColorId) : null;
}
