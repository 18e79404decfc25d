import { describe, expect, it } from 'vitest';
import { DEFAULT_COLOR_KEYS, DEFAULT_LEGEND } from '../../../../preload/contract';
import { labelProblem } from '../../../../renderer/annotations/legend';
import { COLORS, colorLabel, highlightName } from '../../../../renderer/annotations/colors';
import { colorForKey } from '../../../../common/color-keys';

describe('renaming a colour', () => {
  it('accepts a new name', () => {
    expect(labelProblem(DEFAULT_LEGEND, 'key', 'Main finding')).toBeNull();
  });

  it('accepts keeping the same name in another case', () => {
    expect(labelProblem(DEFAULT_LEGEND, 'key', 'key FINDING')).toBeNull();
  });

  it('refuses an empty name', () => {
    expect(labelProblem(DEFAULT_LEGEND, 'key', '   ')).toBe('A colour needs a name.');
  });

  it('refuses a name longer than 40 characters', () => {
    expect(labelProblem(DEFAULT_LEGEND, 'key', 'x'.repeat(41))).toBe('A colour name can be at most 40 characters.');
  });

  it('refuses control characters', () => {
    expect(labelProblem(DEFAULT_LEGEND, 'key', 'a\u0000b')).toBe('A colour name cannot contain control characters.');
  });

  it('refuses the name of another colour, ignoring case', () => {
    expect(labelProblem(DEFAULT_LEGEND, 'key', 'progress')).toBe('Another colour is already called “Progress”.');
  });
});

describe('colours', () => {
  it('gives every colour a different underline style and highlight name', () => {
    expect(new Set(COLORS.map((c) => c.decoration)).size).toBe(5);
    expect(new Set(COLORS.map((c) => highlightName(c.id))).size).toBe(5);
  });

  it('maps digit keys to colours in legend order and nothing else, by default', () => {
    expect(COLORS.map((c) => colorForKey(DEFAULT_COLOR_KEYS, String(COLORS.indexOf(c) + 1)))).toEqual(COLORS.map((c) => c.id));
    expect(colorForKey(DEFAULT_COLOR_KEYS, '6')).toBeNull();
    expect(colorForKey(DEFAULT_COLOR_KEYS, 'a')).toBeNull();
  });

  it('uses the user label and falls back to the default one', () => {
    expect(colorLabel({ ...DEFAULT_LEGEND, gap: 'Failure' }, 'gap')).toBe('Failure');
    expect(colorLabel({}, 'gap')).toBe('Gap or failure');
  });
});
