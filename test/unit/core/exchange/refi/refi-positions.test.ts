import { describe, expect, it } from 'vitest';
import { codePointLength, codePointsToUtf16, utf16ToCodePoints } from '../../../../../main/core/exchange/refi/refi-positions';

// 😀 (U+1F600) and 𠀋 (U+2000B, CJK Extension B) are two UTF-16 units each and one code point.
const TEXT = 'a😀b𠀋c';

describe('REFI-QDA positions (code points) and Fieldmark offsets (UTF-16)', () => {
  it('counts code points, not UTF-16 units', () => {
    expect(TEXT.length).toBe(7);
    expect(codePointLength(TEXT)).toBe(5);
    expect(codePointLength('')).toBe(0);
  });

  it('converts offsets after astral characters', () => {
    expect(utf16ToCodePoints(TEXT, [0, 1, 3, 4, 6, 7])).toEqual([0, 1, 2, 3, 4, 5]);
    expect(codePointsToUtf16(TEXT, [0, 1, 2, 3, 4, 5])).toEqual([0, 1, 3, 4, 6, 7]);
  });

  it('round-trips every boundary of a text that mixes BMP and astral characters', () => {
    const text = '日本 😀 TITP 𠀋𠀋 end';
    const boundaries = [...Array(text.length + 1).keys()].filter((i) => i === 0 || i === text.length || !/[\uDC00-\uDFFF]/u.test(text[i]!));
    const cps = utf16ToCodePoints(text, boundaries);
    expect(cps).toEqual([...Array(codePointLength(text) + 1).keys()]);
    expect(codePointsToUtf16(text, cps)).toEqual(boundaries);
    expect(text.slice(boundaries[3], boundaries[5])).toBe([...text].slice(3, 5).join(''));
  });

  it('agrees with UTF-16 on text without astral characters, like the report', () => {
    const text = 'Japan: Tier 2 — “TITP”';
    expect(utf16ToCodePoints(text, [0, 5, text.length])).toEqual([0, 5, text.length]);
  });

  it('refuses an offset inside a surrogate pair or past the end', () => {
    expect(() => utf16ToCodePoints(TEXT, [2])).toThrow(/surrogate/);
    expect(() => utf16ToCodePoints(TEXT, [8])).toThrow(/outside/);
    expect(() => codePointsToUtf16(TEXT, [6])).toThrow(/outside/);
    expect(() => codePointsToUtf16(TEXT, [-1])).toThrow(/outside/);
  });
});
