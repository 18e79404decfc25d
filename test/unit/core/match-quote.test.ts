import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { matchQuote, similarity } from '../../../main/core/match-quote';

const FIXTURES = path.resolve(import.meta.dirname, '../../../../shared/fixtures/hypothesis-anchoring');
const readJson = <T>(name: string): T => JSON.parse(readFileSync(path.join(FIXTURES, name), 'utf8')) as T;

interface MatchQuoteCases {
  texts: Record<string, string>;
  contextCases: Array<{ quote: string; prefix?: string; suffix?: string; expectedAt: string }>;
  descendingQuoteSimilarity: string[];
  fuzzy: { text: string; quote: string; expected: string };
}
const cases = readJson<MatchQuoteCases>('match-quote-cases.json');

describe('matchQuote against the Hypothesis cases', () => {
  const twoCities = cases.texts.twoCities!;

  it.each(cases.contextCases)('finds "$quote" where its context says (prefix "$prefix", suffix "$suffix")', (c) => {
    const expectedStart = twoCities.indexOf(c.expectedAt);
    expect(expectedStart).toBeGreaterThanOrEqual(0);
    const match = matchQuote(twoCities, c.quote, { prefix: c.prefix, suffix: c.suffix });
    expect(match).not.toBeNull();
    expect(match!.start).toBe(expectedStart);
    expect(twoCities.slice(match!.start, match!.end)).toBe(c.quote);
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

describe('matchQuote against the dom-anchor-text-quote cases', () => {
  interface DatqCase {
    sel?: { exact: string; prefix?: string; suffix?: string };
    expect?: string | null;
    fuzzy?: boolean;
    parentTag?: string;
  }
  const html = readFileSync(path.join(FIXTURES, 'datq-test.html'), 'utf8');
  // The page's textContent, plus the text range of every element (for parentTag).
  let text = '';
  const elements: Array<{ tag: string; start: number; end: number }> = [];
  const open: Array<{ tag: string; start: number }> = [];
  for (const token of html.split(/(<[^>]+>)/)) {
    const tag = /^<(\/?)([a-z]+)/i.exec(token);
    if (!tag) text += token;
    else if (tag[1] === '') open.push({ tag: tag[2]!.toUpperCase(), start: text.length });
    else {
      const element = open.pop()!;
      elements.push({ ...element, end: text.length });
    }
  }
  const selectorCases = readJson<DatqCase[]>('datq-cases.json').filter((c) => c.sel);

  it.each(selectorCases)('resolves $sel.exact (prefix $sel.prefix, suffix $sel.suffix)', (c) => {
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
});

describe('matchQuote', () => {
  const text = 'It was the best of times, it was the worst of times, it was the age of wisdom';

  it('returns null for an empty quote and for a quote with nothing close', () => {
    expect(matchQuote(text, '')).toBeNull();
    expect(matchQuote(text, 'xyzzyq')).toBeNull();
  });

  it('breaks ties between identical candidates by nearness to the hint', () => {
    const occurrences = [text.indexOf('it was'), text.lastIndexOf('it was')];
    expect(matchQuote(text, 'it was', { hint: occurrences[0]! })!.start).toBe(occurrences[0]);
    expect(matchQuote(text, 'it was', { hint: occurrences[1]! - 3 })!.start).toBe(occurrences[1]);
    expect(matchQuote(text, 'it was')!.start).toBe(occurrences[0]);
  });

  it('lets context outweigh the hint', () => {
    const first = text.indexOf('it was');
    const second = text.lastIndexOf('it was');
    expect(matchQuote(text, 'it was', { hint: first, suffix: ' the age' })!.start).toBe(second);
  });

  it('searches only the given part of the text', () => {
    const second = text.lastIndexOf('it was');
    const match = matchQuote(text, 'it was', { within: { start: second - 2, end: text.length } });
    expect(match!.start).toBe(second);
    expect(matchQuote(text, 'wisdom', { within: { start: 0, end: 30 }, maxErrors: 0 })).toBeNull();
  });

  it('allows no more edits than the budget', () => {
    expect(matchQuote(text, 'worst of tymes', { maxErrors: 0 })).toBeNull();
    expect(matchQuote(text, 'worst of tymes', { maxErrors: 1 })!.errors).toBe(1);
  });
});

describe('similarity', () => {
  it('is 1 for a contained pattern, lower with each edit, 0 against nothing', () => {
    expect(similarity('abcdef', 'bcd')).toBe(1);
    expect(similarity('abcdef', 'bxd')).toBeCloseTo(2 / 3);
    expect(similarity('', 'abc')).toBe(0);
    expect(similarity('abc', '')).toBe(1);
  });
});
