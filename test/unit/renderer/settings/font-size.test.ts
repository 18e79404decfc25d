import { describe, expect, it } from 'vitest';
import { FONT_SIZES } from '../../../../preload/contract';
import { DEFAULT_FONT_SIZE, fontSizeShortcut, largerFontSize, nextFontSize, smallerFontSize, zoomToFontSizeAction } from '../../../../renderer/settings/font-size';

describe('font size steps', () => {
  it('offers at least five steps and a default among them', () => {
    expect(FONT_SIZES.length).toBeGreaterThanOrEqual(5);
    expect(FONT_SIZES).toContain(DEFAULT_FONT_SIZE);
  });

  it('walks up and down the steps one at a time', () => {
    const up: number[] = [];
    for (let size: number = FONT_SIZES[0]; up.length < FONT_SIZES.length; size = largerFontSize(size)) up.push(size);
    expect(up).toEqual([...FONT_SIZES]);
    expect(smallerFontSize(20)).toBe(18);
  });

  it('stops at the smallest and largest sizes', () => {
    expect(largerFontSize(FONT_SIZES[FONT_SIZES.length - 1]!)).toBe(FONT_SIZES[FONT_SIZES.length - 1]);
    expect(smallerFontSize(FONT_SIZES[0])).toBe(FONT_SIZES[0]);
  });

  it('snaps a size between steps to the neighbouring step', () => {
    expect(largerFontSize(19)).toBe(20);
    expect(smallerFontSize(19)).toBe(18);
  });
});

describe('font size shortcuts', () => {
  const key = (k: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey', boolean>> = {}) => ({
    key: k,
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    ...mods,
  });

  it('maps Ctrl or Cmd with +, = , − and 0', () => {
    expect(fontSizeShortcut(key('+', { ctrlKey: true }))).toBe('larger');
    expect(fontSizeShortcut(key('=', { metaKey: true }))).toBe('larger');
    expect(fontSizeShortcut(key('-', { ctrlKey: true }))).toBe('smaller');
    expect(fontSizeShortcut(key('0', { metaKey: true }))).toBe('reset');
  });

  it('ignores the keys without a modifier, with Alt, and other keys', () => {
    expect(fontSizeShortcut(key('+'))).toBeNull();
    expect(fontSizeShortcut(key('+', { ctrlKey: true, altKey: true }))).toBeNull();
    expect(fontSizeShortcut(key('f', { ctrlKey: true }))).toBeNull();
  });

  it('steps the font size for the desktop View menu zoom the same way as the shortcuts', () => {
    expect(nextFontSize(zoomToFontSizeAction('in'), 18)).toBe(20);
    expect(nextFontSize(zoomToFontSizeAction('out'), 18)).toBe(16);
    expect(nextFontSize(zoomToFontSizeAction('reset'), 28)).toBe(DEFAULT_FONT_SIZE);
    expect(nextFontSize(zoomToFontSizeAction('in'), FONT_SIZES[FONT_SIZES.length - 1]!)).toBe(FONT_SIZES[FONT_SIZES.length - 1]);
  });
});
