import { describe, expect, it } from 'vitest';
import { ColorKeys, DEFAULT_COLOR_KEYS, DEFAULT_SETTINGS, Settings, SettingsPatch } from '../../../preload/contract';
import { mergeSettings } from '../../../main/core/service/settings-service';
import { mergeSettings as mergeLocally } from '../../../renderer/app-state/merge-settings';
import { colorForKey, colorKeysOf, sharedColorKey } from '../../../common/color-keys';

const REMAPPED = { enabled: true, keys: { key: 'h', gap: 'g', progress: 'p', statistic: 's', question: '?' } };

describe('colour key settings (WCAG 2.1.4)', () => {
  it('default to on, with 1 to 5 in the legend order', () => {
    expect(DEFAULT_SETTINGS.colorKeys).toEqual({ enabled: true, keys: { key: '1', gap: '2', progress: '3', statistic: '4', question: '5' } });
  });

  it('read as the defaults from settings stored before they existed', () => {
    const { colorKeys: _omitted, ...stored } = DEFAULT_SETTINGS;
    const parsed = Settings.parse(JSON.parse(JSON.stringify({ ...stored, fontSize: 22 })));
    expect(parsed.fontSize).toBe(22);
    expect(colorKeysOf(parsed)).toEqual(DEFAULT_COLOR_KEYS);
    expect(colorKeysOf(mergeSettings(parsed, { theme: 'dark' }))).toEqual(DEFAULT_COLOR_KEYS);
  });

  it('refuse two colours on one key, ignoring case', () => {
    expect(sharedColorKey(REMAPPED.keys)).toBeNull();
    expect(sharedColorKey({ ...REMAPPED.keys, gap: 'H' })).toBe('H');
    expect(() => mergeSettings(DEFAULT_SETTINGS, { colorKeys: { enabled: true, keys: { ...REMAPPED.keys, gap: 'H' } } })).toThrow(
      'Two colours cannot share the key “H”. The colour keys were not changed.',
    );
  });

  it('map a pressed key to its colour, ignoring case, and to nothing when turned off', () => {
    expect(colorForKey(DEFAULT_COLOR_KEYS, '2')).toBe('gap');
    expect(colorForKey(DEFAULT_COLOR_KEYS, 'h')).toBeNull();
    expect(colorForKey(REMAPPED, 'H')).toBe('key');
    expect(colorForKey(REMAPPED, '1')).toBeNull();
    expect(colorForKey({ ...DEFAULT_COLOR_KEYS, enabled: false }, '1')).toBeNull();
  });

  it('take exactly one character per colour, never a space, and every colour', () => {
    expect(ColorKeys.safeParse(REMAPPED).success).toBe(true);
    expect(ColorKeys.safeParse({ enabled: true, keys: { ...REMAPPED.keys, key: 'é' } }).success).toBe(true);
    expect(ColorKeys.safeParse({ enabled: true, keys: { ...REMAPPED.keys, key: 'ab' } }).success).toBe(false);
    expect(ColorKeys.safeParse({ enabled: true, keys: { ...REMAPPED.keys, key: ' ' } }).success).toBe(false);
    expect(ColorKeys.safeParse({ enabled: true, keys: { ...REMAPPED.keys, key: '' } }).success).toBe(false);
    const { question: _q, ...four } = REMAPPED.keys;
    expect(ColorKeys.safeParse({ enabled: true, keys: four }).success).toBe(false);
  });

  it('are patched whole, in the service and in the renderer alike, and other fields keep them', () => {
    const off = { ...DEFAULT_COLOR_KEYS, enabled: false };
    expect(SettingsPatch.safeParse({ colorKeys: off }).success).toBe(true);
    expect(mergeSettings(DEFAULT_SETTINGS, { colorKeys: off }).colorKeys).toEqual(off);
    expect(mergeLocally(DEFAULT_SETTINGS, { colorKeys: REMAPPED }).colorKeys).toEqual(REMAPPED);
    const remapped = mergeSettings(DEFAULT_SETTINGS, { colorKeys: REMAPPED });
    expect(mergeSettings(remapped, { fontSize: 24 }).colorKeys).toEqual(REMAPPED);
  });
});
