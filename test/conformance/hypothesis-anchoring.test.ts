import { describe, expect, it } from 'vitest';
import { matchQuote } from '../../main/core/anchoring/match-quote';
import { quoteSelectorFor } from '../../main/core/anchoring/quote-selector';
import { readHypothesis } from './suite-dir';

interface MatchQuoteCases {
  texts: Record<string, string>;
  contextCases: Array<{ quote: string; prefix?: string; suffix?: string; expectedAt: string }>;
  descendingQuoteSimilarity: string[];
  fuzzy: { text: string; quote: string; expected: string };
}

interface DatqCase {
  sel?: { exact: string; prefix?: string; suffix?: string };
  expect?: string | null;
  fuzzy?: boolean;
  parentTag?: string;
  expectSelector?: { exact: string; prefix: string; suffix: string };
}

/** A page's textContent, and the text range of every element in it (for parentTag). */
function textOfHtml(html: string): { text: string; elements: Array<{ tag: string; start: number; end: number }> } {
  let text = '';
  const elements: Array<{ tag: string; start: number; end: number }> = [];
  const open: Array<{ tag: string; start: number }> = [];
  for (const token of html.split(/(<[^>]+>)/)) {
    const tag = /^<(\/?)([a-z]+)/i.exec(token);
    if (!tag) text += token;
    else if (tag[1] === '') open.push({ tag: tag[2]!.toUpperCase(), start: text.length });
    else elements.push({ ...open.pop()!, end: text.length });
  }
  return { text, elements };
}

describe('matchQuote against the Hypothesis client’s cases', () => {
  const cases = JSON.parse(readHypothesis('match-quote-cases.json')) as MatchQuoteCases;

  it.each(cases.contextCases)('finds "$quote" where its context says (prefix "$prefix", suffix "$suffix")', (c) => {
    const text = cases.texts.twoCities!;
    const expectedStart = text.indexOf(c.expectedAt);
    expect(expectedStart).toBeGreaterThanOrEqual(0);
    const match = matchQuote(text, c.quote, { prefix: c.prefix, suffix: c.suffix });
    expect(match).not.toBeNull();
    expect(match!.start).toBe(expectedStart);
    expect(text.slice(match!.start, match!.end)).toBe(c.quote);
  });

  it('scores quotes lower the less they resemble the text', () => {
    const scores = cases.descendingQuoteSimilarity.map((quote) => matchQuote(cases.texts.solitude!, quote)!.score);
    for (let i = 1; i < scores.length; i++) expect(scores[i]).toBeLessThan(scores[i - 1]!);
    expect(scores[0]).toBe(1);
  });

  it('finds an approximate match for an edited quote', () => {
    const text = cases.texts[cases.fuzzy.text]!;
    const match = matchQuote(text, cases.fuzzy.quote)!;
    expect(text.slice(match.start, match.end)).toBe(cases.fuzzy.expected);
    expect(match.errors).toBeGreaterThan(0);
    expect(match.score).toBeLessThan(1);
  });
});

describe('matchQuote and quoteSelectorFor against the dom-anchor-text-quote cases', () => {
  const { text, elements } = textOfHtml(readHypothesis('datq-test.html'));
  const all = JSON.parse(readHypothesis('datq-cases.json')) as DatqCase[];

  it.each(all.filter((c) => c.sel))('resolves $sel.exact (prefix $sel.prefix, suffix $sel.suffix)', (c) => {
    const match = matchQuote(text, c.sel!.exact, { prefix: c.sel!.prefix, suffix: c.sel!.suffix });
    if (c.expect === null) {
      expect(match).toBeNull();
      return;
    }
    expect(match).not.toBeNull();
    expect(text.slice(match!.start, match!.end)).toBe(c.expect);
    expect(match!.errors > 0).toBe(Boolean(c.fuzzy));
    if (c.parentTag) {
      const inside = elements.filter((e) => e.tag === c.parentTag && e.start <= match!.start && match!.end <= e.end);
      expect(inside).toHaveLength(1);
    }
  });

  it('gives the selector the cases expect', () => {
    const expected = all.find((c) => c.expectSelector)!.expectSelector!;
    const plain = readHypothesis('datq-test.html').replace(/<[^>]+>/g, '');
    const start = plain.indexOf(expected.exact);
    expect(quoteSelectorFor(plain, start, start + expected.exact.length)).toEqual({ type: 'TextQuoteSelector', ...expected });
  });
});
