import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { QUOTE_CONTEXT_LENGTH, quoteSelectorFor, splitsSurrogatePair } from '../../../../main/core/anchoring/quote-selector';
import { readFixture } from '../../../support/exchange-fixtures';

const REPORT = readFileSync(path.resolve(import.meta.dirname, '../../../../assets/report/tip-2021-japan.txt'), 'utf8');

describe('quoteSelectorFor', () => {
  it('quotes exactly the selected range with 32 units of context on each side', () => {
    const start = REPORT.indexOf('Technical Intern Training Program');
    const end = start + 'Technical Intern Training Program'.length;
    const selector = quoteSelectorFor(REPORT, start, end);
    expect(selector).toEqual({
      type: 'TextQuoteSelector',
      exact: REPORT.slice(start, end),
      prefix: REPORT.slice(start - QUOTE_CONTEXT_LENGTH, start),
      suffix: REPORT.slice(end, end + QUOTE_CONTEXT_LENGTH),
    });
    expect(selector.prefix).toHaveLength(32);
    expect(selector.suffix).toHaveLength(32);
  });

  it('shortens the context at the start and end of the text', () => {
    expect(quoteSelectorFor(REPORT, 0, 4)).toMatchObject({ exact: '2021', prefix: '' });
    const tail = quoteSelectorFor(REPORT, REPORT.length - 5, REPORT.length);
    expect(tail.suffix).toBe('');
    expect(tail.prefix).toBe(REPORT.slice(REPORT.length - 37, REPORT.length - 5));
  });

  it('gives the selector our anchoring cases spell out, with a line break in its context', () => {
    const cases = readFixture<{ texts: Record<string, string>; selector: { text: string; exact: string; prefix: string; suffix: string } }>('anchoring-cases.json');
    const { text: name, exact, prefix, suffix } = cases.selector;
    const text = cases.texts[name]!;
    const start = text.indexOf(prefix + exact) + prefix.length;
    expect(start).toBeGreaterThanOrEqual(prefix.length);
    expect(quoteSelectorFor(text, start, start + exact.length)).toEqual({ type: 'TextQuoteSelector', exact, prefix, suffix });
  });

  it('never cuts a surrogate pair in half at the prefix cut', () => {
    // "😀" is two UTF-16 units; put its second unit exactly at the cut.
    const text = `x😀${'a'.repeat(31)}QUOTE`;
    const start = text.indexOf('QUOTE');
    expect(start - QUOTE_CONTEXT_LENGTH).toBe(2);
    const selector = quoteSelectorFor(text, start, start + 5);
    expect(selector.prefix).toBe('a'.repeat(31));
    expect(selector.prefix.length).toBe(31);
  });

  it('never cuts a surrogate pair in half at the suffix cut', () => {
    const text = `QUOTE${'b'.repeat(31)}😀y`;
    const selector = quoteSelectorFor(text, 0, 5);
    expect(selector.suffix).toBe('b'.repeat(31));
    const whole = quoteSelectorFor(`QUOTE${'b'.repeat(30)}😀y`, 0, 5);
    expect(whole.suffix).toBe(`${'b'.repeat(30)}😀`);
  });

  it('keeps every selector well-formed UTF-16 around astral characters', () => {
    const text = '😀é😀 — 𝒜 trafficking 😀😀 report 🇯🇵 end'.repeat(5);
    const wellFormed = (s: string) => !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);
    for (let start = 0; start < text.length; start++) {
      if (splitsSurrogatePair(text, start)) continue;
      for (let end = start + 1; end <= Math.min(text.length, start + 8); end++) {
        if (splitsSurrogatePair(text, end)) continue;
        const selector = quoteSelectorFor(text, start, end);
        expect(wellFormed(selector.prefix) && wellFormed(selector.suffix)).toBe(true);
        expect(selector.prefix.length).toBeGreaterThanOrEqual(Math.min(start, QUOTE_CONTEXT_LENGTH - 1));
      }
    }
  });
});

describe('splitsSurrogatePair', () => {
  it('is true only between the two halves of a pair', () => {
    const text = 'a😀b';
    expect([0, 1, 2, 3, 4].map((i) => splitsSurrogatePair(text, i))).toEqual([false, false, true, false, false]);
  });
});
