import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { matchQuote, similarity } from '../../../../main/core/anchoring/match-quote';
import { quoteSelectorFor } from '../../../../main/core/anchoring/quote-selector';
import { readFixture } from '../../../support/exchange-fixtures';

interface AnchoringCases {
  texts: Record<string, string>;
  context: Array<{ text: string; quote: string; prefix?: string; suffix?: string; at: string; why: string }>;
  ranking: { text: string; quotes: string[] };
  fuzzy: Array<{ text: string; quote: string; prefix?: string; found: string; at?: string; why: string }>;
  hint: { text: string; quote: string; first: string; second: string; contextForSecond: { prefix?: string; suffix?: string } };
  noMatch: Array<{ text: string; quote: string; why: string }>;
}
const cases = readFixture<AnchoringCases>('anchoring-cases.json');
const REPORT = readFileSync(path.resolve(import.meta.dirname, '../../../../assets/report/tip-2021-japan.txt'), 'utf8');

/** Where a phrase that the case says is unique starts in its text. */
function startOf(text: string, phrase: string): number {
  const at = text.indexOf(phrase);
  expect(at, `"${phrase}" is in the text`).toBeGreaterThanOrEqual(0);
  expect(text.indexOf(phrase, at + 1), `"${phrase}" is unique`).toBe(-1);
  return at;
}

describe('matchQuote against our anchoring cases', () => {
  it.each(cases.context)('places "$quote" by its context: $why', (c) => {
    const text = cases.texts[c.text]!;
    const match = matchQuote(text, c.quote, { prefix: c.prefix, suffix: c.suffix });
    expect(match).not.toBeNull();
    expect(match!.start).toBe(startOf(text, c.at));
    expect(text.slice(match!.start, match!.end)).toBe(c.quote);
    expect(match!.errors).toBe(0);
  });

  it('scores quotes lower the less they resemble the text', () => {
    const text = cases.texts[cases.ranking.text]!;
    const scores = cases.ranking.quotes.map((quote) => matchQuote(text, quote)!.score);
    for (let i = 1; i < scores.length; i++) expect(scores[i]).toBeLessThan(scores[i - 1]!);
    expect(scores[0]).toBe(1);
  });

  it.each(cases.fuzzy)('finds an approximate match for "$quote": $why', (c) => {
    const text = cases.texts[c.text]!;
    const match = matchQuote(text, c.quote, { prefix: c.prefix })!;
    expect(match).not.toBeNull();
    expect(text.slice(match.start, match.end)).toBe(c.found);
    if (c.at) expect(match.start).toBe(startOf(text, c.at));
    expect(match.errors).toBeGreaterThan(0);
    expect(match.score).toBeLessThan(1);
  });

  it('breaks a tie between identical occurrences by the hint, and lets context outweigh it', () => {
    const { quote, first, second, contextForSecond } = cases.hint;
    const text = cases.texts[cases.hint.text]!;
    const [a, b] = [startOf(text, first), startOf(text, second)];
    expect(matchQuote(text, quote, { hint: a })!.start).toBe(a);
    expect(matchQuote(text, quote, { hint: b - 3 })!.start).toBe(b);
    expect(matchQuote(text, quote)!.start).toBe(a);
    expect(matchQuote(text, quote, { hint: a, ...contextForSecond })!.start).toBe(b);
  });

  it.each(cases.noMatch)('finds nothing for "$quote": $why', (c) => {
    expect(matchQuote(cases.texts[c.text]!, c.quote)).toBeNull();
  });
});

describe('matchQuote on the report', () => {
  const phrase = 'forced labor';
  const starts: number[] = [];
  for (let at = REPORT.indexOf(phrase); at >= 0; at = REPORT.indexOf(phrase, at + 1)) starts.push(at);

  it('finds each occurrence of a repeated phrase from its own selector', () => {
    expect(starts.length).toBeGreaterThan(5);
    for (const start of starts) {
      const { prefix, suffix } = quoteSelectorFor(REPORT, start, start + phrase.length);
      expect(matchQuote(REPORT, phrase, { prefix, suffix })!.start).toBe(start);
    }
  });

  it('still finds each occurrence when a few letters of its context were edited', () => {
    // Drop one vowel in four, as a reworded or re-typed edition might.
    const damage = (s: string) => {
      let n = 0;
      return s.replace(/[aeiou]/g, (v) => (n++ % 4 === 1 ? '' : v));
    };
    expect(starts.length).toBeGreaterThan(5);
    for (const start of starts) {
      const { prefix, suffix } = quoteSelectorFor(REPORT, start, start + phrase.length);
      const [damagedPrefix, damagedSuffix] = [damage(prefix), damage(suffix)];
      expect(damagedPrefix + damagedSuffix).not.toBe(prefix + suffix);
      expect(matchQuote(REPORT, phrase, { prefix: damagedPrefix, suffix: damagedSuffix })!.start).toBe(start);
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
