import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TextMatcher, findInFolded, firstMatchAtOrAfter, matcherFor } from '../../../../renderer/search/matcher';
import { foldQuery, foldText, isCharStart, unitEnd, unitStart } from '../../../../renderer/search/text-fold';

const REPORT = readFileSync(path.resolve(import.meta.dirname, '../../../../assets/report/tip-2021-japan.txt'), 'utf8');
const report = new TextMatcher(REPORT);

const alphabet = fc.constantFrom(
  'a', 'A', 'b', 'é', 'E', 'e\u0301', ' ', '\u00a0', '\n', '’', "'", '“', '"', '—', '-', '…', '.', 'İ', 'ß', '𝐀', '\u00ad', '\u200b', '\t', 'x',
);
const textArb = fc.array(alphabet, { maxLength: 60 }).map((parts) => parts.join(''));

const texts = (text: string, matches: Array<{ start: number; end: number }>) => matches.map((m) => text.slice(m.start, m.end));

describe('matcher on the report', () => {
  it('finds the curly-quoted “JK” business with a straight-quoted query', () => {
    const found = report.find('"JK" business');
    expect(found).toHaveLength(REPORT.split('“JK” business').length - 1);
    expect(found.length).toBeGreaterThan(1);
    for (const text of texts(REPORT, found)) expect(text).toBe('“JK” business');
  });

  it('matches "Joshi kosei" typed with plain spaces against the non-breaking spaces in the text', () => {
    const found = report.find('Joshi kosei');
    expect(found).toHaveLength(1);
    expect(texts(REPORT, found)[0]).toBe('Joshi\u00a0kosei');
    expect(report.find('in joshi kosei or "jk"')).toHaveLength(1);
  });

  it("finds government’s when the query has a straight apostrophe", () => {
    const straight = report.find("government's");
    const curly = REPORT.split('government’s').length - 1 + (REPORT.split('Government’s').length - 1);
    expect(curly).toBeGreaterThan(0);
    expect(straight).toHaveLength(curly);
    for (const text of texts(REPORT, straight)) expect(text.toLowerCase()).toBe('government’s');
  });

  it('finds amounts with their punctuation: 3.5 million yen and $33,950', () => {
    expect(texts(REPORT, report.find('3.5 million yen'))).toEqual(['3.5 million yen']);
    expect(texts(REPORT, report.find('$33,950'))).toEqual(['$33,950']);
    expect(report.find('33950')).toEqual([]);
  });

  it('tells TITP from TITIP as a substring and as a whole word', () => {
    const titp = REPORT.match(/TITP/g)!.length;
    const titip = REPORT.match(/TITIP/g)!.length;
    expect(report.find('TITP')).toHaveLength(titp);
    expect(report.find('TITIP')).toHaveLength(titip);
    expect(report.find('TIT', { matchCase: true })).toHaveLength(REPORT.match(/TIT/g)!.length);
    expect(report.find('TIT', { matchCase: true }).length).toBeGreaterThanOrEqual(titp + titip);
    expect(report.find('TIT', { matchCase: true, wholeWord: true })).toEqual([]);
    expect(report.find('TITP', { wholeWord: true })).toHaveLength(REPORT.match(/\bTITP\b/g)!.length);
    expect(texts(REPORT, report.find('titip', { wholeWord: true }))).toEqual(['TITIP']);
  });

  it('ignores case by default and respects it with match case', () => {
    const any = report.find('government');
    const lower = report.find('government', { matchCase: true });
    const upper = report.find('Government', { matchCase: true });
    expect(any).toHaveLength(REPORT.match(/government/gi)!.length);
    expect(lower).toHaveLength(REPORT.match(/government/g)!.length);
    expect(upper).toHaveLength(REPORT.match(/Government/g)!.length);
    expect(lower.length + upper.length).toBe(any.length);
    expect(report.find('titp', { matchCase: true })).toEqual([]);
  });

  it('counts "trafficking" exactly as a case-insensitive regular expression does', () => {
    expect(report.find('trafficking')).toHaveLength(REPORT.match(/trafficking/gi)!.length);
  });

  it('matches em dashes with a hyphen and phrases across line breaks between blocks', () => {
    expect(texts(REPORT, report.find('businesses-dating'))).toEqual(['businesses—dating']);
    expect(texts(REPORT, report.find('Japan: Tier 2'))).toEqual(['JAPAN: Tier 2']);
    const acrossBlocks = report.find('JAPAN: Tier 2 The Government');
    expect(acrossBlocks).toHaveLength(1);
    expect(REPORT.slice(acrossBlocks[0]!.start, acrossBlocks[0]!.end)).toMatch(/^JAPAN: Tier 2\s+The Government$/);
  });
});

describe('folding', () => {
  it('ignores diacritics both ways: Café matches cafe and café matches Cafe', () => {
    const text = 'A Café, a CAFE and a cafe\u0301 (decomposed).';
    const matcher = new TextMatcher(text);
    expect(texts(text, matcher.find('cafe'))).toEqual(['Café', 'CAFE', 'cafe\u0301']);
    expect(texts(text, matcher.find('Café'))).toEqual(['Café', 'CAFE', 'cafe\u0301']);
    expect(texts(text, matcher.find('Café', { matchCase: true }))).toEqual(['Café']);
  });

  it('collapses runs of white space, including non-breaking spaces, in text and query', () => {
    const text = 'one \u00a0\n two\tthree';
    const matcher = new TextMatcher(text);
    expect(texts(text, matcher.find('one two'))).toEqual(['one \u00a0\n two']);
    expect(texts(text, matcher.find('two   three'))).toEqual(['two\tthree']);
    expect(texts(text, matcher.find('one\u00a0two'))).toEqual(['one \u00a0\n two']);
  });

  it('keeps a map from every folded unit back to its original offsets', () => {
    const text = 'Ａ “Ré”  —\u00a0x…';
    const folded = foldText(text);
    expect(folded.folded).toBe('ａ "re" - x...');
    const starts = Array.from({ length: folded.folded.length }, (_, i) => unitStart(folded, i));
    for (let i = 0; i < folded.folded.length; i++) {
      expect(starts[i]).toBeLessThan(unitEnd(folded, i));
      expect(unitEnd(folded, i)).toBeLessThanOrEqual(text.length);
    }
    expect(starts.slice(-3)).toEqual([text.length - 1, text.length - 1, text.length - 1]);
    expect([isCharStart(folded, folded.folded.length - 3), isCharStart(folded, folded.folded.length - 2)]).toEqual([true, false]);
    // The curly quote, the spaces around the dash and the dash map back to exactly their source characters.
    const quote = folded.folded.indexOf('"');
    expect([starts[quote], unitEnd(folded, quote)]).toEqual([2, 3]);
    const run = folded.folded.indexOf(' ', folded.folded.indexOf('re"'));
    expect([starts[run], unitEnd(folded, run)]).toEqual([6, 8]);
  });

  it('folds exactly like the plain character-by-character definition', () => {
    fc.assert(
      fc.property(textArb, fc.boolean(), (text, matchCase) => {
        const expected = referenceFold(text, matchCase);
        const folded = foldText(text, matchCase);
        expect(folded.folded).toBe(expected.folded);
        expect(Array.from({ length: folded.folded.length }, (_, i) => unitStart(folded, i))).toEqual(expected.starts);
        expect(Array.from({ length: folded.folded.length }, (_, i) => isCharStart(folded, i))).toEqual(expected.starts.map((s, i) => i === 0 || expected.starts[i - 1] !== s));
      }),
      { numRuns: 2000 },
    );
  });

  it('folds a capital that lower-cases to two units without shifting the offsets after it', () => {
    const text = 'İSTANBUL Café TITP';
    const matcher = new TextMatcher(text);
    expect(texts(text, matcher.find('titp'))).toEqual(['TITP']);
    expect(texts(text, matcher.find('istanbul'))).toEqual(['İSTANBUL']);
    expect(texts(text, matcher.find('cafe'))).toEqual(['Café']);
  });

  it('maps a decomposed accent into the match so the whole letter is highlighted', () => {
    const text = 'un cafe\u0301 noir';
    expect(texts(text, new TextMatcher(text).find('café'))).toEqual(['cafe\u0301']);
  });

  it('ignores soft hyphens and zero-width spaces inside words', () => {
    const text = 'traf\u00adficking and traf\u200bficking';
    expect(new TextMatcher(text).find('trafficking')).toHaveLength(2);
  });

  it('keeps surrogate pairs whole and treats astral letters as word characters', () => {
    const text = '𝐀x x 𝐀';
    const matcher = new TextMatcher(text);
    expect(texts(text, matcher.find('x'))).toEqual(['x', 'x']);
    expect(texts(text, matcher.find('x', { wholeWord: true }))).toEqual(['x']);
    expect(texts(text, matcher.find('𝐀'))).toEqual(['𝐀', '𝐀']);
  });

  it('never matches half of an expansion such as an ellipsis', () => {
    const text = 'wait… and wait...';
    const matcher = new TextMatcher(text);
    expect(texts(text, matcher.find('...'))).toEqual(['…', '...']);
    expect(texts(text, matcher.find('.'))).toEqual(['.', '.', '.']);
  });

  it('folds a query the same way it folds the text', () => {
    expect(foldQuery('“JK”\u00a0Business—Café')).toBe('"jk" business-cafe');
    expect(foldQuery('“JK”', true)).toBe('"JK"');
  });
});

describe('queries that match nothing', () => {
  it('returns no matches for an empty or blank query', () => {
    expect(report.find('')).toEqual([]);
    expect(report.find('   ')).toEqual([]);
    expect(report.find('\u00a0')).toEqual([]);
  });

  it('returns no matches for text absent from the report', () => {
    expect(report.find('zebra crossing')).toEqual([]);
  });

  it('whole word treats punctuation at the edge of the query as its own boundary', () => {
    const text = 'a (TITP) b TITPs';
    expect(texts(text, new TextMatcher(text).find('(TITP)', { wholeWord: true }))).toEqual(['(TITP)']);
    expect(texts(text, new TextMatcher(text).find('TITP', { wholeWord: true }))).toEqual(['TITP']);
  });
});

describe('matcher caching and helpers', () => {
  it('reuses the folded index for the same text and rebuilds it for another', () => {
    const first = matcherFor(REPORT);
    expect(matcherFor(REPORT)).toBe(first);
    expect(first.index() === first.index()).toBe(true);
    expect(first.index(true) === first.index(false)).toBe(false);
    expect(first.index(true).folded).toContain('TITP');
    expect(matcherFor('another text') === first).toBe(false);
  });

  it('finds the first match at or after an offset', () => {
    const matches = [
      { start: 2, end: 4 },
      { start: 10, end: 12 },
      { start: 20, end: 22 },
    ];
    expect(firstMatchAtOrAfter(matches, 0)).toBe(0);
    expect(firstMatchAtOrAfter(matches, 3)).toBe(1);
    expect(firstMatchAtOrAfter(matches, 10)).toBe(1);
    expect(firstMatchAtOrAfter(matches, 21)).toBe(3);
  });
});

describe('matcher properties', () => {

  it('every returned range folds to exactly the folded query, in order and without overlap', () => {
    fc.assert(
      fc.property(textArb, textArb, fc.boolean(), fc.boolean(), (text, query, matchCase, wholeWord) => {
        const matches = new TextMatcher(text).find(query, { matchCase, wholeWord });
        const needle = foldQuery(query, matchCase);
        let last = 0;
        for (const m of matches) {
          expect(m.start).toBeGreaterThanOrEqual(last);
          expect(m.end).toBeGreaterThan(m.start);
          expect(foldQuery(text.slice(m.start, m.end), matchCase)).toBe(needle);
          last = m.end;
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('finds a query taken from the text itself', () => {
    fc.assert(
      fc.property(textArb, fc.nat(), fc.nat(), (text, a, b) => {
        const start = text.length === 0 ? 0 : a % text.length;
        const end = start + (text.length === 0 ? 0 : b % (text.length - start + 1));
        const query = text.slice(start, end);
        const matches = new TextMatcher(text).find(query);
        if (foldQuery(query).trim().length > 0 && isWholeSourceSlice(text, start, end)) {
          expect(matches.length).toBeGreaterThan(0);
        }
        expect(findInFolded(foldText(text), query)).toEqual(matches);
      }),
      { numRuns: 1000 },
    );
  });
});

/** Whether [start, end) cuts no surrogate pair, decomposed accent, or white-space run of the text. */
function isWholeSourceSlice(text: string, start: number, end: number): boolean {
  const { starts } = referenceFold(text, false);
  return starts.includes(start) && (end === text.length || starts.includes(end));
}

/**
 * The folding rules spelled out one code point at a time (the definition the
 * fast implementation must agree with): white-space runs and the invisible or
 * combining characters inside them become one space; every other character folds
 * on its own; each folded unit remembers the offset of its source character.
 */
function referenceFold(text: string, matchCase: boolean): { folded: string; starts: number[] } {
  let folded = '';
  const starts: number[] = [];
  let inSpace = false;
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    const char = String.fromCodePoint(cp);
    if (/^\s$/u.test(char)) {
      if (!inSpace) {
        folded += ' ';
        starts.push(i);
        inSpace = true;
      }
    } else {
      const out = REFERENCE_SINGLE[char] ?? (matchCase ? char : char.toLowerCase()).normalize('NFD').replace(/\p{M}/gu, '');
      if (out.length > 0) inSpace = false;
      for (const unit of out.split('')) {
        folded += unit;
        starts.push(i);
      }
    }
    i += width;
  }
  return { folded, starts };
}

const REFERENCE_SINGLE: Record<string, string> = {
  '\u00ad': '',
  '\u200b': '',
  '’': "'",
  '“': '"',
  '—': '-',
  '…': '...',
};
