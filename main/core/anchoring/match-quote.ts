/**
 * Finds where a quote sits in a text, exactly or approximately, ranking the
 * candidates by how well the quote, its prefix and suffix match and how close
 * they are to a position hint. The approach follows the one the Hypothesis
 * client describes for its anchoring (exact occurrences first, otherwise Myers'
 * bit-parallel approximate search via approx-string-match), written here from
 * the library's public API.
 */
import search from 'approx-string-match';

export interface MatchQuoteOptions {
  /** Text expected just before the quote (up to 32 units in a TextQuoteSelector). */
  prefix?: string;
  /** Text expected just after the quote. */
  suffix?: string;
  /** Where the quote is expected to start; breaks ties between equally good candidates. */
  hint?: number;
  /** Search only this part of the text (the caller's guess of where the quote went). */
  within?: { start: number; end: number };
  /** Most edits (insertions, deletions, substitutions) a fuzzy match may have. */
  maxErrors?: number;
}

export interface QuoteMatch {
  start: number;
  end: number;
  /** 0–1: weighted agreement of quote, prefix, suffix and position (1 is perfect). */
  score: number;
  /** Edits between the quote and the matched text (0 for an exact match). */
  errors: number;
  /** 0–1: agreement of the prefix with the text before the match (1 when none was given). */
  prefixScore: number;
  /** 0–1: agreement of the suffix with the text after the match (1 when none was given). */
  suffixScore: number;
}

// The quote itself matters most; context disambiguates; the hint only breaks ties.
export const QUOTE_WEIGHT = 50;
export const PREFIX_WEIGHT = 20;
export const SUFFIX_WEIGHT = 20;
export const POSITION_WEIGHT = 2;
export const TOTAL_WEIGHT = QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT;

/** Longest fuzzy quote error budget: half the quote, at most 256 edits. */
export function defaultMaxErrors(quote: string): number {
  return Math.min(256, Math.floor(quote.length / 2));
}

/** Above this many cells (text × pattern), similarity uses approx-string-match instead of a plain table. */
const SMALL_TABLE = 4096;
const row = new Uint16Array(SMALL_TABLE + 1);

/**
 * Fewest edits turning `pattern` into some substring of `text` (the quantity
 * approx-string-match computes), by the textbook table: for the 32-unit
 * prefixes and suffixes compared on every candidate it is several times
 * cheaper than setting up the bit-parallel search.
 */
function fewestEdits(text: string, pattern: string): number {
  // row[j]: edits between pattern[0, i) and the best substring of text ending at j.
  row.fill(0, 0, text.length + 1);
  for (let i = 1; i <= pattern.length; i++) {
    const code = pattern.charCodeAt(i - 1);
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= text.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(diagonal + (text.charCodeAt(j - 1) === code ? 0 : 1), above + 1, row[j - 1]! + 1);
      diagonal = above;
    }
  }
  let best = pattern.length;
  for (let j = 0; j <= text.length; j++) best = Math.min(best, row[j]!);
  return best;
}

/** 0–1 similarity of `pattern` to its best approximate occurrence in `text` (1 − edits / length). */
export function similarity(text: string, pattern: string): number {
  if (pattern.length === 0) return 1;
  if (text.length === 0) return 0;
  if (text === pattern || text.includes(pattern)) return 1;
  let errors: number;
  if (text.length * pattern.length <= SMALL_TABLE) errors = fewestEdits(text, pattern);
  else errors = search(text, pattern, pattern.length)[0]?.errors ?? pattern.length;
  return Math.max(0, 1 - errors / pattern.length);
}

/** How well `prefix` agrees with the text ending at `start` (1 when absent). */
export function prefixScore(text: string, start: number, prefix: string | undefined): number {
  if (!prefix) return 1;
  const from = start - prefix.length;
  // slice + === compares in bulk; startsWith is several times slower in V8 here.
  if (from >= 0 && text.slice(from, start) === prefix) return 1;
  return similarity(text.slice(Math.max(0, from), start), prefix);
}

/** How well `suffix` agrees with the text starting at `end` (1 when absent). */
export function suffixScore(text: string, end: number, suffix: string | undefined): number {
  if (!suffix) return 1;
  if (text.slice(end, end + suffix.length) === suffix) return 1;
  return similarity(text.slice(end, end + suffix.length), suffix);
}

/** Scores one candidate range for a quote against the context and hint. */
export function scoreCandidate(
  text: string,
  candidate: { start: number; end: number; errors: number },
  quoteLength: number,
  options: Pick<MatchQuoteOptions, 'prefix' | 'suffix' | 'hint'>,
): QuoteMatch {
  const quote = quoteLength === 0 ? 0 : Math.max(0, 1 - candidate.errors / quoteLength);
  const before = prefixScore(text, candidate.start, options.prefix);
  const after = suffixScore(text, candidate.end, options.suffix);
  const position =
    options.hint === undefined || text.length === 0
      ? 1
      : Math.max(0, 1 - Math.abs(candidate.start - options.hint) / text.length);
  const score =
    (QUOTE_WEIGHT * quote + PREFIX_WEIGHT * before + SUFFIX_WEIGHT * after + POSITION_WEIGHT * position) /
    TOTAL_WEIGHT;
  return { start: candidate.start, end: candidate.end, score, errors: candidate.errors, prefixScore: before, suffixScore: after };
}

/** Starts of `quote` in text[from, to), overlapping occurrences included, at most `limit` of them. */
export function exactOccurrences(text: string, quote: string, from = 0, to = text.length, limit = Infinity): number[] {
  const starts: number[] = [];
  const last = to - quote.length;
  for (let at = text.indexOf(quote, from); at !== -1 && at <= last && starts.length < limit; at = text.indexOf(quote, at + 1)) {
    starts.push(at);
  }
  return starts;
}

/** Candidate ranges: exact occurrences if any, else the best approximate ones. */
function candidates(
  text: string,
  quote: string,
  from: number,
  to: number,
  maxErrors: number,
): Array<{ start: number; end: number; errors: number }> {
  const exact = exactOccurrences(text, quote, from, to);
  if (exact.length > 0) return exact.map((start) => ({ start, end: start + quote.length, errors: 0 }));
  if (maxErrors <= 0) return [];
  const region = from === 0 && to === text.length ? text : text.slice(from, to);
  return search(region, quote, maxErrors).map((m) => ({ start: m.start + from, end: m.end + from, errors: m.errors }));
}

/**
 * Whether `a` should rank above `b`: higher score, then the length nearer the
 * quote's (approximate search reports every end with the fewest edits, so
 * "commodo vit" and "commodo vitae" tie for "commodo cites"), then nearer the
 * hint, then earlier.
 */
function ranksAbove(a: QuoteMatch, b: QuoteMatch, quoteLength: number, hint: number | undefined): boolean {
  if (a.score !== b.score) return a.score > b.score;
  const la = Math.abs(a.end - a.start - quoteLength);
  const lb = Math.abs(b.end - b.start - quoteLength);
  if (la !== lb) return la < lb;
  if (hint !== undefined) {
    const da = Math.abs(a.start - hint);
    const db = Math.abs(b.start - hint);
    if (da !== db) return da < db;
  }
  return a.start < b.start;
}

/**
 * The best place for `quote` in `text`, or null when it is empty or nothing is
 * within `maxErrors` edits of it.
 */
export function matchQuote(text: string, quote: string, options: MatchQuoteOptions = {}): QuoteMatch | null {
  if (quote.length === 0) return null;
  const from = Math.max(0, Math.min(text.length, options.within?.start ?? 0));
  const to = Math.max(from, Math.min(text.length, options.within?.end ?? text.length));
  const found = candidates(text, quote, from, to, options.maxErrors ?? defaultMaxErrors(quote));
  let best: QuoteMatch | null = null;
  for (const candidate of found) {
    const scored = scoreCandidate(text, candidate, quote.length, options);
    if (best === null || ranksAbove(scored, best, quote.length, options.hint)) best = scored;
  }
  return best;
}
