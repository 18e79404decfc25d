import { describe, expect, it } from 'vitest';
import { DEFAULT_LEGEND } from '../../../../preload/contract';
import { labelProblem } from '../../../../renderer/annotations/legend';
import { COLORS, colorForShortcut, colorLabel, highlightName } from '../../../../renderer/annotations/colors';

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
  it('gives every colour a different underline style, shortcut and highlight name', () => {
    expect(new Set(COLORS.map((c) => c.decoration)).size).toBe(5);
    expect(COLORS.map((c) => c.shortcut)).toEqual(['1', '2', '3', '4', '5']);
    expect(new Set(COLORS.map((c) => highlightName(c.id))).size).toBe(5);
  });

  it('maps digit keys to colours in legend order and nothing else', () => {
    expect(colorForShortcut('1')).toBe('key');
    expect(colorForShortcut('5')).toBe('question');
    expect(colorForShortcut('6')).toBeNull();
    expect(colorForShortcut('a')).toBeNull();
  });

  it('uses the user label and falls back to the default one', () => {
    expect(colorLabel({ ...DEFAULT_LEGEND, gap: 'Failure' }, 'gap')).toBe('Failure');
    expect(colorLabel({}, 'gap')).toBe('Gap or failure');
  });
});
