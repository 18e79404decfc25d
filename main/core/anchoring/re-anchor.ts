/**
 * anchoring/ (main/core, above report/): where a quote sits in a text —
 * deriving quote selectors (quote-selector.ts), finding quotes exactly or
 * approximately (match-quote.ts, piece-index.ts) and re-anchoring stored
 * selectors against the current text (this file). Pure: no files, no store.
 */
/**
 * Re-anchoring: resolves stored selectors against the current report text, in
 * the order the design fixes — the old position if it still holds the quote;
 * else an exact search for the quote, disambiguated by its context and nearness;
 * else an approximate match with a score. A match that is not trustworthy makes
 * the annotation an orphan, which keeps its old position and original quote so
 * that it is shown for review and never silently moved or dropped.
 */
import type { AnchorStatus } from '../../../preload/contract';
import {
  defaultMaxErrors,
  matchQuote,
  prefixScore,
  QUOTE_WEIGHT,
  scoreCandidate,
  suffixScore,
  TOTAL_WEIGHT,
  type QuoteMatch,
} from './match-quote';
import { indexedFinder, scanningFinder, type PieceFinder } from './piece-index';

export interface AnchorTarget {
  /** Old TextPositionSelector, if the annotation has one. */
  start?: number;
  end?: number;
  exact: string;
  prefix?: string;
  suffix?: string;
  /** SHA-256 of the text the selectors were made against, if known. */
  sha256?: string;
}

export interface AnchorResult {
  status: AnchorStatus;
  /** The resolved range; for an orphan, the old position (0–0 when there was none). */
  start: number;
  end: number;
  /** 0–1 confidence (1 for a quote still at its position). */
  score: number;
}

export interface ReanchorOptions {
  /** Matches scoring below this are not trusted: the annotation becomes an orphan. */
  threshold?: number;
  /** Where the quote is now expected to start (defaults to its old start). */
  hint?: number;
  /**
   * SHA-256 of `text`. A target made against the same hash keeps its position
   * when the text there equals its quote, without the context check that a
   * short quote needs on another text. The hash alone never places a target.
   */
  sha256?: string;
}

/**
 * Default score below which a match is not trusted. Edited passages whose
 * context survived score 0.8 and above; look-alike passages elsewhere (another
 * "imprisonment and a fine of …") and the remains of deleted ones 0.5–0.65.
 */
export const ORPHAN_THRESHOLD = 0.65;
/**
 * Quotes shorter than this (UTF-16 units) occur by chance all over a report
 * ("the government", "TITP"), so they are trusted only where their context agrees.
 */
export const SHORT_QUOTE_LENGTH = 32;
/**
 * Mean prefix/suffix agreement a short quote needs. Context taken from a random
 * place in the report agrees about 0.28 on average (0.41 at the 99th
 * percentile); one side intact and the other rewritten still scores about 0.65.
 */
export const MIN_SHORT_QUOTE_CONTEXT = 0.6;
/**
 * Or the agreement of one side alone: a quote at the very end of a moved
 * paragraph keeps its prefix but has nothing left of its suffix.
 */
export const MIN_SHORT_QUOTE_ONE_SIDE = 0.9;

/** Length of the pieces of prefix, quote and suffix used to find where an edited quote went. */
const PIECE_LENGTH = 16;
/** A piece found more often than this says nothing about where the quote is. */
const MAX_PIECE_OCCURRENCES = 3;
/** More candidate regions than this, and one pass over the whole text is cheaper. */
const MAX_REGIONS = 24;
/**
 * An alignment of the quote's surviving pieces scoring at least this is taken
 * without an approximate search: a typo fix or an inserted or deleted sentence
 * inside an intact context scores above 0.8, and one that also breaks one side
 * of the context about 0.75.
 */
const CONFIDENT_ALIGNMENT_SCORE = 0.7;
/**
 * An exact occurrence scoring at least this (its context largely agrees) is
 * taken at once; below, an edited copy in the right context may be the real
 * place (a phrase quoted twice, the annotated copy with a typo fixed).
 */
const CONFIDENT_EXACT_SCORE = 0.9;
/** How much better an edited copy must score to be preferred to an exact occurrence that is believable. */
const FUZZY_MARGIN = 0.1;
/** Units at each end of a match that must agree with the quote's for the match to keep the passage whole. */
const END_ANCHOR = 4;
/** Largest middle part (product of lengths) whose exact edit distance is computed. */
const MAX_DISTANCE_CELLS = 1024;
/** Below this many searches a batch scans for pieces instead of indexing the text first. */
const INDEX_AFTER_SEARCHES = 16;

type Positioned = AnchorTarget & { start: number; end: number };
type Region = { start: number; end: number };

function hasPosition(target: AnchorTarget): target is Positioned {
  return Number.isInteger(target.start) && Number.isInteger(target.end);
}

function orphan(target: AnchorTarget, score: number): AnchorResult {
  return hasPosition(target)
    ? { status: 'orphan', start: target.start, end: target.end, score }
    : { status: 'orphan', start: 0, end: 0, score };
}

/** Whether context scores make a short quote's match believable. */
function contextTrusted(before: number, after: number): boolean {
  return (before + after) / 2 >= MIN_SHORT_QUOTE_CONTEXT || Math.max(before, after) >= MIN_SHORT_QUOTE_ONE_SIDE;
}

/**
 * Whether a match can be believed. A short quote needs its context — or, in a
 * batch, to sit where its neighbours' shift puts it: a heading whose
 * surroundings were both rewritten is still found at its expected place.
 */
function trusted(match: QuoteMatch, quoteLength: number, threshold: number, expected: number | null): boolean {
  if (match.score < threshold) return false;
  if (quoteLength >= SHORT_QUOTE_LENGTH || contextTrusted(match.prefixScore, match.suffixScore)) return true;
  return expected !== null && match.errors <= Math.floor(quoteLength / 8) && Math.abs(match.start - expected) <= 2 + match.errors;
}

/**
 * Step 1: the old position, if the text there equals the quote. After edits
 * another occurrence of a short phrase can slide into the old offsets, so on
 * another text a short quote also needs its context to agree there.
 */
function atOldPosition(text: string, target: AnchorTarget, textSha256: string | undefined): boolean {
  if (!hasPosition(target)) return false;
  const { start, end, exact } = target;
  if (start < 0 || end > text.length || end - start !== exact.length || exact.length === 0) return false;
  // The span must equal the quote in full, even when the record claims this
  // very text: an imported or restored record's hash is only the file's word,
  // and a damaged or forged one must not be placed on text it does not quote.
  // A slice shares the text's characters and V8 compares strings natively,
  // several times faster than startsWith or a charCodeAt loop here.
  if (text.slice(start, end) !== exact) return false;
  if (exact.length >= SHORT_QUOTE_LENGTH || (textSha256 !== undefined && target.sha256 === textSha256)) return true;
  return contextTrusted(prefixScore(text, start, target.prefix), suffixScore(text, end, target.suffix));
}

/** Whether the quote, with its full prefix and suffix, sits exactly at `start`. */
function exactWithContextAt(text: string, target: AnchorTarget, start: number): boolean {
  const prefix = target.prefix ?? '';
  const suffix = target.suffix ?? '';
  const end = start + target.exact.length;
  return (
    start >= prefix.length &&
    text.slice(start, end) === target.exact &&
    text.slice(start - prefix.length, start) === prefix &&
    text.slice(end, end + suffix.length) === suffix
  );
}

/** Pieces of `value` of PIECE_LENGTH units every `step` units (the last flush with its end). */
function pieces(value: string, step: number): Array<{ piece: string; offset: number }> {
  const out: Array<{ piece: string; offset: number }> = [];
  if (value.length < PIECE_LENGTH) return out;
  for (let offset = 0; ; offset += step) {
    const from = Math.min(offset, value.length - PIECE_LENGTH);
    out.push({ piece: value.slice(from, from + PIECE_LENGTH), offset: from });
    if (from + PIECE_LENGTH >= value.length) return out;
  }
}

/**
 * Where an edited quote can be: the expected position, and every place where
 * an intact piece of its prefix, suffix or of the quote itself occurs, each
 * turned into the quote start it implies. Revisions edit locally (a typo
 * fixed, a sentence inserted or deleted, a paragraph moved), so some piece of
 * the passage survives wherever it went. `gone` says that the passage itself
 * did not survive: none of its pieces is found anywhere (with at least two of
 * them, so both ends were hit), or nothing of it or its context is. `starts`
 * is null when the quote and its context are too short to have pieces, or when
 * so many places qualify that searching the whole text is cheaper.
 */
export function fuzzyStarts(
  text: string,
  target: AnchorTarget,
  hint: number | undefined,
  finder: PieceFinder = scanningFinder(text),
): { starts: number[] | null; gone: boolean } {
  const { exact } = target;
  const prefix = target.prefix ?? '';
  const suffix = target.suffix ?? '';
  // One quote piece every 32 units: local edits leave most intact, and long quotes stay cheap.
  const quotePieces = pieces(exact, PIECE_LENGTH * 2);
  const probes = [
    ...pieces(prefix, PIECE_LENGTH).map(({ piece, offset }) => ({ piece, shift: prefix.length - offset, inQuote: false })),
    ...quotePieces.map(({ piece, offset }) => ({ piece, shift: -offset, inQuote: true })),
    ...pieces(suffix, PIECE_LENGTH).map(({ piece, offset }) => ({ piece, shift: -exact.length - offset, inQuote: false })),
  ];
  if (probes.length === 0) return { starts: null, gone: false };
  const starts: number[] = [];
  let survivors = 0;
  let quoteSurvivors = 0;
  for (const { piece, shift, inQuote } of probes) {
    const found = finder.find(piece, MAX_PIECE_OCCURRENCES + 1);
    survivors += found.length;
    if (inQuote) quoteSurvivors += found.length;
    if (found.length > MAX_PIECE_OCCURRENCES) continue;
    for (const at of found) starts.push(at + shift);
  }
  if (hint !== undefined) starts.push(hint);
  const distinct = [...new Set(starts)].sort((a, b) => a - b);
  const gone = survivors === 0 || (quotePieces.length >= 2 && quoteSurvivors === 0);
  return { starts: distinct.length > MAX_REGIONS ? null : distinct, gone };
}

/** Merged windows around expected starts, wide enough for a quote grown or shrunk by `slack`. */
function regionsAround(text: string, starts: readonly number[], quoteLength: number, slack: number): Region[] {
  const merged: Region[] = [];
  for (const at of starts) {
    const window = { start: Math.max(0, at - slack), end: Math.min(text.length, at + quoteLength + slack) };
    const last = merged[merged.length - 1];
    if (last && window.start <= last.end) last.end = Math.max(last.end, window.end);
    else if (window.start < window.end) merged.push(window);
  }
  return merged;
}

/** Levenshtein distance of two short strings (two-row dynamic programming). */
function editDistance(a: string, b: string): number {
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let previous = new Uint32Array(b.length + 1).map((_, j) => j);
  let current = new Uint32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    const code = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (code === b.charCodeAt(j - 1) ? 0 : 1);
      current[j] = Math.min(substitution, previous[j]! + 1, current[j - 1]! + 1);
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length]!;
}

/**
 * The edits between `quote` and text[start, end): exact when the parts that
 * differ between their common ends are small (removing a common prefix and
 * suffix does not change an edit distance), else an upper bound.
 */
function alignmentErrors(text: string, quote: string, start: number, end: number): number {
  if (start < 0 || end > text.length || end < start) return Infinity;
  const span = end - start;
  const shorter = Math.min(span, quote.length);
  let head = 0;
  while (head < shorter && text.charCodeAt(start + head) === quote.charCodeAt(head)) head++;
  let tail = 0;
  while (tail < shorter - head && text.charCodeAt(end - 1 - tail) === quote.charCodeAt(quote.length - 1 - tail)) tail++;
  const inQuote = quote.length - head - tail;
  const inText = span - head - tail;
  if (inQuote === 0 || inText === 0 || inQuote * inText > MAX_DISTANCE_CELLS) return Math.max(inQuote, inText);
  return editDistance(quote.slice(head, quote.length - tail), text.slice(start + head, end - tail));
}

/**
 * Whether a match begins and ends like the quote. An insertion just outside
 * the passage can buy a better context score for a match that swallows it, and
 * a cheaper match can cut off an edited end; both lose against a match whose
 * ends agree with the quote's.
 */
function endsAnchored(text: string, quote: string, match: { start: number; end: number }): boolean {
  const k = Math.min(END_ANCHOR, Math.floor(quote.length / 4), match.end - match.start);
  for (let i = 0; i < k; i++) {
    if (text.charCodeAt(match.start + i) !== quote.charCodeAt(i)) return false;
    if (text.charCodeAt(match.end - 1 - i) !== quote.charCodeAt(quote.length - 1 - i)) return false;
  }
  return true;
}

/** Whether `a` is the better fuzzy match: whole ends first, then score. */
function betterMatch(text: string, quote: string, a: QuoteMatch, b: QuoteMatch | null): boolean {
  if (b === null) return true;
  const ea = endsAnchored(text, quote, a);
  const eb = endsAnchored(text, quote, b);
  return ea !== eb ? ea : a.score > b.score;
}

/**
 * The best plausible alignment: the quote placed from one expected start to
 * another's expected end (an insertion or deletion inside it moves its later
 * pieces). Alignments whose ends agree with the quote's are preferred (see
 * endsAnchored); among them the best scored wins. Only those are scored, as
 * scoring compares context and costs more than counting edits.
 */
function bestAlignment(
  text: string,
  quote: string,
  starts: readonly number[],
  maxErrors: number,
  context: { prefix?: string; suffix?: string; hint?: number },
): QuoteMatch | null {
  const sorted = starts;
  const anchored: Array<{ start: number; end: number; errors: number }> = [];
  let cheapest: { start: number; end: number; errors: number } | null = null;
  for (let i = 0; i < sorted.length; i++) {
    for (let j = i; j < sorted.length && sorted[j]! - sorted[i]! <= maxErrors; j++) {
      const candidate = { start: sorted[i]!, end: sorted[j]! + quote.length, errors: 0 };
      candidate.errors = alignmentErrors(text, quote, candidate.start, candidate.end);
      if (candidate.errors > maxErrors) continue;
      if (endsAnchored(text, quote, candidate)) anchored.push(candidate);
      else if (cheapest === null || candidate.errors < cheapest.errors) cheapest = candidate;
    }
  }
  let best: QuoteMatch | null = null;
  for (const candidate of anchored.length > 0 ? anchored : cheapest ? [cheapest] : []) {
    const scored = scoreCandidate(text, candidate, quote.length, context);
    if (best === null || scored.score > best.score) best = scored;
  }
  return best;
}

/** The best-scoring of the fewest-edit approximate matches in each of `regions`. */
function bestIn(
  text: string,
  quote: string,
  regions: readonly Region[],
  context: { prefix?: string; suffix?: string; hint?: number },
  maxErrors: number,
): QuoteMatch | null {
  let best: QuoteMatch | null = null;
  for (const within of regions) {
    const found = matchQuote(text, quote, { ...context, maxErrors, within });
    if (found !== null && betterMatch(text, quote, found, best)) best = found;
  }
  return best;
}

/** Step 3: the best approximate match where the quote can plausibly be, or null. */
function fuzzyMatch(
  text: string,
  target: AnchorTarget,
  context: { prefix?: string; suffix?: string; hint?: number },
  threshold: number,
  expected: number | null,
  finder: PieceFinder,
  maxErrors: number,
): QuoteMatch | null {
  // An edit inside an intact context is placed by aligning the quote's
  // surviving pieces, with no search. Otherwise approximate search looks in
  // the plausible regions, allowing no more edits than the best alignment
  // needs. When no piece of the passage or its context survives anywhere, it
  // was deleted or rewritten, and only a light edit could still be it.
  const { exact } = target;
  const { starts, gone } = fuzzyStarts(text, target, context.hint, finder);
  const aligned = starts && bestAlignment(text, exact, starts, maxErrors, context);
  if (aligned && aligned.score >= CONFIDENT_ALIGNMENT_SCORE && trusted(aligned, exact.length, threshold, expected)) return aligned;
  const budget = Math.min(gone ? Math.max(4, Math.ceil(exact.length / 16)) : maxErrors, aligned?.errors ?? maxErrors);
  // A match with `budget` edits starts at most that far from where a piece puts it.
  const regions = starts ? regionsAround(text, starts, exact.length, budget + PIECE_LENGTH) : [{ start: 0, end: text.length }];
  const found = bestIn(text, exact, regions, context, budget);
  return found !== null && betterMatch(text, exact, found, aligned ?? null) ? found : (aligned ?? null);
}

/**
 * Steps 2 and 3 for one target, given where it is now expected. `expected` is
 * that place when the batch derived it from resolved neighbours (null when it
 * is only the old position, which edits may have made meaningless).
 */
function search(
  text: string,
  target: AnchorTarget,
  hint: number | undefined,
  expected: number | null,
  threshold: number,
  finder: PieceFinder,
): AnchorResult {
  const { exact } = target;
  const context = { prefix: target.prefix, suffix: target.suffix, hint };

  // Step 2: exact occurrences, ranked by context, then nearness.
  let exactBest: QuoteMatch | null = null;
  for (let at = text.indexOf(exact); at !== -1; at = text.indexOf(exact, at + 1)) {
    const scored = scoreCandidate(text, { start: at, end: at + exact.length, errors: 0 }, exact.length, context);
    if (
      exactBest === null ||
      scored.score > exactBest.score ||
      (scored.score === exactBest.score && hint !== undefined && Math.abs(at - hint) < Math.abs(exactBest.start - hint))
    ) {
      exactBest = scored;
    }
  }
  const exactTrusted = exactBest !== null && trusted(exactBest, exact.length, threshold, expected);
  if (exactTrusted && exactBest!.score >= CONFIDENT_EXACT_SCORE) {
    return { status: 'moved', start: exactBest!.start, end: exactBest!.end, score: exactBest!.score };
  }

  // Step 3, also when the exact occurrences are doubtful. A match with e edits
  // scores at most (50·(1 − e/m) + 42) / 92, so beating a believable exact
  // occurrence by the margin caps the edits worth searching for.
  let maxErrors = defaultMaxErrors(exact);
  if (exactTrusted) {
    const needed = (TOTAL_WEIGHT * (exactBest!.score + FUZZY_MARGIN) - (TOTAL_WEIGHT - QUOTE_WEIGHT)) / QUOTE_WEIGHT;
    maxErrors = Math.min(maxErrors, Math.ceil(exact.length * (1 - needed)) - 1);
    if (maxErrors < 1) return { status: 'moved', start: exactBest!.start, end: exactBest!.end, score: exactBest!.score };
  }
  const fuzzy = fuzzyMatch(text, target, context, threshold, expected, finder, maxErrors);
  const fuzzyTrusted = fuzzy !== null && fuzzy.errors > 0 && trusted(fuzzy, exact.length, threshold, expected);
  if (fuzzyTrusted && (!exactTrusted || fuzzy.score > exactBest!.score + FUZZY_MARGIN)) {
    return { status: 'fuzzy', start: fuzzy.start, end: fuzzy.end, score: fuzzy.score };
  }
  if (exactTrusted) return { status: 'moved', start: exactBest!.start, end: exactBest!.end, score: exactBest!.score };
  return orphan(target, Math.max(exactBest?.score ?? 0, fuzzy?.score ?? 0));
}

/** Resolves one stored target against `text`. */
export function reanchor(text: string, target: AnchorTarget, options: ReanchorOptions = {}): AnchorResult {
  if (target.exact.length === 0) return orphan(target, 0);
  if (atOldPosition(text, target, options.sha256)) return { status: 'exact', start: target.start!, end: target.end!, score: 1 };
  const hint = options.hint ?? (hasPosition(target) ? target.start : undefined);
  return search(text, target, hint, null, options.threshold ?? ORPHAN_THRESHOLD, scanningFinder(text));
}

/**
 * Resolves many targets at once (results in input order). Edits shift every
 * later position by the same amount until the next edit, so after a first pass
 * that keeps everything still in place (all of it, when the text is unchanged),
 * the rest is visited in document order and each is first tried at its old
 * position plus the shift its predecessor needed — one comparison instead of a
 * search — and only searched for when that fails.
 */
export function reanchorAll(text: string, targets: readonly AnchorTarget[], options: ReanchorOptions = {}): AnchorResult[] {
  const threshold = options.threshold ?? ORPHAN_THRESHOLD;
  const results = new Array<AnchorResult | undefined>(targets.length);
  let pending = 0;
  for (let i = 0; i < targets.length; i++) {
    const target = targets[i]!;
    if (atOldPosition(text, target, options.sha256)) results[i] = { status: 'exact', start: target.start!, end: target.end!, score: 1 };
    else pending++;
  }
  if (pending === 0) return results as AnchorResult[];

  let finder: PieceFinder | null = null;
  let searches = 0;
  const resolve = (target: AnchorTarget, hint: number | undefined, expected: number | null): AnchorResult => {
    if (target.exact.length === 0) return orphan(target, 0);
    searches++;
    finder ??= searches > INDEX_AFTER_SEARCHES ? indexedFinder(text, PIECE_LENGTH) : null;
    return search(text, target, hint, expected, threshold, finder ?? scanningFinder(text));
  };

  // Visit positioned targets in document order: resolved neighbours tell the shift.
  const order: number[] = [];
  for (let i = 0; i < targets.length; i++) if (hasPosition(targets[i]!)) order.push(i);
  order.sort((a, b) => targets[a]!.start! - targets[b]!.start!);
  let shift = 0;
  // Whether `shift` was confirmed by a resolved neighbour (not just assumed 0).
  let anchoredShift = false;
  for (const i of order) {
    const target = targets[i] as Positioned;
    let result = results[i];
    if (result === undefined) {
      const expected = target.start + shift;
      if (shift !== 0 && target.exact.length > 0 && exactWithContextAt(text, target, expected)) {
        const end = expected + target.exact.length;
        result = { status: 'moved', start: expected, end, score: scoreCandidate(text, { start: expected, end, errors: 0 }, target.exact.length, { hint: expected }).score };
      } else result = resolve(target, expected, anchoredShift ? expected : null);
      results[i] = result;
    }
    if (result.status !== 'orphan') {
      shift = result.start - target.start;
      anchoredShift = true;
    }
  }
  for (let i = 0; i < targets.length; i++) {
    if (results[i] === undefined) results[i] = resolve(targets[i]!, undefined, null);
  }
  return results as AnchorResult[];
}
