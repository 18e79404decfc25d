/**
 * Re-anchoring: resolves stored selectors against the current report text, in
 * the order the design fixes — the old position if it still holds the quote;
 * else an exact search for the quote, disambiguated by its context and nearness;
 * else an approximate match with a score. A match that is not trustworthy makes
 * the annotation an orphan, which keeps its old position and original quote so
 * that it is shown for review and never silently moved or dropped.
 */
import type { AnchorStatus } from '../../preload/contract';
import { defaultMaxErrors, matchQuote, prefixScore, scoreCandidate, suffixScore, type QuoteMatch } from './match-quote';
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
   * SHA-256 of `text`. Targets made against the same hash are checked cheaply
   * (bounds, length and end characters) instead of compared in full.
   */
  sha256?: string;
}

/** Default score below which a match is not trusted. */
export const ORPHAN_THRESHOLD = 0.5;
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
const MAX_PIECE_OCCURRENCES = 8;
/** More candidate regions than this, and one pass over the whole text is cheaper. */
const MAX_REGIONS = 24;
/**
 * An alignment of the quote's surviving pieces scoring at least this is taken
 * without an approximate search: a typo fix or an inserted or deleted sentence
 * inside an intact context scores above 0.8, and one that also breaks one side
 * of the context about 0.75.
 */
const CONFIDENT_ALIGNMENT_SCORE = 0.7;
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

function trusted(match: QuoteMatch, quoteLength: number, threshold: number): boolean {
  if (match.score < threshold) return false;
  return quoteLength >= SHORT_QUOTE_LENGTH || contextTrusted(match.prefixScore, match.suffixScore);
}

/**
 * Step 1: the old position, if it still holds the quote. After edits another
 * occurrence of a short phrase can slide into the old offsets, so a short quote
 * also needs its context to agree there.
 */
function atOldPosition(text: string, target: AnchorTarget, sameText: boolean): boolean {
  if (!hasPosition(target)) return false;
  const { start, end, exact } = target;
  if (start < 0 || end > text.length || end - start !== exact.length || exact.length === 0) return false;
  if (sameText) {
    // Made against this very text: a cheap check catches a damaged record.
    return text.charCodeAt(start) === exact.charCodeAt(0) && text.charCodeAt(end - 1) === exact.charCodeAt(exact.length - 1);
  }
  if (text.slice(start, end) !== exact) return false;
  if (exact.length >= SHORT_QUOTE_LENGTH) return true;
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
 * Where an edited quote can be: around the expected position, and around every
 * place where an intact piece of its prefix, suffix or of the quote itself
 * occurs. Revisions edit locally (a typo fixed, a sentence inserted or
 * deleted, a paragraph moved), so some piece of the passage survives wherever
 * it went; `gone` says that none survives anywhere. The whole text is searched
 * when the quote and its context are too short to have pieces, or when so many
 * places qualify that one pass is cheaper.
 */
export function fuzzyRegions(
  text: string,
  target: AnchorTarget,
  hint: number | undefined,
  maxErrors: number,
  finder: PieceFinder = scanningFinder(text),
): { regions: Region[]; gone: boolean; starts: number[] } {
  const { exact } = target;
  const prefix = target.prefix ?? '';
  const suffix = target.suffix ?? '';
  const whole = { regions: [{ start: 0, end: text.length }], gone: false, starts: hint === undefined ? [] : [hint] };
  const probes = [
    ...pieces(prefix, PIECE_LENGTH).map(({ piece, offset }) => ({ piece, shift: prefix.length - offset })),
    // One quote piece every 32 units: local edits leave most intact, and long quotes stay cheap.
    ...pieces(exact, PIECE_LENGTH * 2).map(({ piece, offset }) => ({ piece, shift: -offset })),
    ...pieces(suffix, PIECE_LENGTH).map(({ piece, offset }) => ({ piece, shift: -exact.length - offset })),
  ];
  if (probes.length === 0) return whole;
  const expectedStarts: number[] = [];
  let survivors = 0;
  for (const { piece, shift } of probes) {
    const found = finder.find(piece, MAX_PIECE_OCCURRENCES + 1);
    survivors += found.length;
    if (found.length > MAX_PIECE_OCCURRENCES) continue;
    for (const at of found) expectedStarts.push(at + shift);
  }
  if (hint !== undefined) expectedStarts.push(hint);

  // The quote may have grown or shrunk by up to maxErrors around any piece.
  const slack = maxErrors + PIECE_LENGTH;
  const windows = expectedStarts
    .map((start) => ({ start: Math.max(0, start - slack), end: Math.min(text.length, start + exact.length + slack) }))
    .sort((a, b) => a.start - b.start);
  const merged: Region[] = [];
  for (const window of windows) {
    const last = merged[merged.length - 1];
    if (last && window.start <= last.end) last.end = Math.max(last.end, window.end);
    else if (window.start < window.end) merged.push({ ...window });
  }
  if (merged.length > MAX_REGIONS) return whole;
  return { regions: merged, gone: survivors === 0, starts: expectedStarts };
}

/** An upper bound on the edits between `quote` and text[start, end): what differs between their common ends. */
function editBound(text: string, quote: string, start: number, end: number): number {
  if (start < 0 || end > text.length || end < start) return Infinity;
  const span = end - start;
  const shorter = Math.min(span, quote.length);
  let head = 0;
  while (head < shorter && text.charCodeAt(start + head) === quote.charCodeAt(head)) head++;
  let tail = 0;
  while (tail < shorter - head && text.charCodeAt(end - 1 - tail) === quote.charCodeAt(quote.length - 1 - tail)) tail++;
  return Math.max(quote.length, span) - head - tail;
}

/**
 * The cheapest plausible alignment: the quote placed from one expected start to
 * another's expected end (an insertion or deletion inside it moves its later
 * pieces), with an upper bound on its edits. Null when none is within maxErrors.
 */
function bestAlignment(
  text: string,
  quote: string,
  starts: readonly number[],
  maxErrors: number,
): { start: number; end: number; errors: number } | null {
  const sorted = [...new Set(starts)].sort((a, b) => a - b);
  let best: { start: number; end: number; errors: number } | null = null;
  for (let i = 0; i < sorted.length; i++) {
    for (let j = i; j < sorted.length && sorted[j]! - sorted[i]! <= maxErrors; j++) {
      const start = sorted[i]!;
      const end = sorted[j]! + quote.length;
      const errors = editBound(text, quote, start, end);
      if (errors <= maxErrors && (best === null || errors < best.errors)) best = { start, end, errors };
    }
  }
  return best;
}

/** The fewest-edit approximate match in any of `regions`, best scored among equals. */
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
    if (found !== null && (best === null || found.errors < best.errors || (found.errors === best.errors && found.score > best.score))) {
      best = found;
    }
  }
  return best;
}

/** Steps 2 and 3 for one target, given where it is now expected. */
function search(text: string, target: AnchorTarget, hint: number | undefined, threshold: number, finder: PieceFinder): AnchorResult {
  const { exact } = target;
  const context = { prefix: target.prefix, suffix: target.suffix, hint };

  // Step 2: exact occurrences, ranked by context, then nearness.
  let best: QuoteMatch | null = null;
  for (let at = text.indexOf(exact); at !== -1; at = text.indexOf(exact, at + 1)) {
    const scored = scoreCandidate(text, { start: at, end: at + exact.length, errors: 0 }, exact.length, context);
    if (
      best === null ||
      scored.score > best.score ||
      (scored.score === best.score && hint !== undefined && Math.abs(at - hint) < Math.abs(best.start - hint))
    ) {
      best = scored;
    }
  }
  if (best !== null) {
    // Approximate search keeps only the fewest-edit matches, which would be
    // these same occurrences, so an untrusted best leaves nothing better to find.
    return trusted(best, exact.length, threshold)
      ? { status: 'moved', start: best.start, end: best.end, score: best.score }
      : orphan(target, best.score);
  }

  // Step 3: approximate match where the quote can plausibly be. An edit
  // inside an intact context is placed by aligning the quote's surviving pieces
  // (no search); otherwise approximate search looks for the fewest-edit match,
  // with no larger an error budget than the best alignment needs. When no piece
  // of the passage or its context survives anywhere, it was deleted or
  // rewritten, and only a light edit at the expected place could still be it.
  const maxErrors = defaultMaxErrors(exact);
  const { regions, gone, starts } = fuzzyRegions(text, target, hint, maxErrors, finder);
  const aligned = bestAlignment(text, exact, starts, maxErrors);
  let match = aligned && scoreCandidate(text, aligned, exact.length, context);
  if (match === null || match.score < CONFIDENT_ALIGNMENT_SCORE || !trusted(match, exact.length, threshold)) {
    const budget = Math.min(gone ? Math.max(4, Math.ceil(exact.length / 16)) : maxErrors, aligned?.errors ?? maxErrors);
    const found = bestIn(text, exact, regions, context, budget);
    if (found !== null && (match === null || found.score > match.score)) match = found;
  }
  return match && trusted(match, exact.length, threshold)
    ? { status: 'fuzzy', start: match.start, end: match.end, score: match.score }
    : orphan(target, match?.score ?? 0);
}

/** Resolves one stored target against `text`. */
export function reanchor(text: string, target: AnchorTarget, options: ReanchorOptions = {}): AnchorResult {
  if (target.exact.length === 0) return orphan(target, 0);
  const sameText = options.sha256 !== undefined && target.sha256 === options.sha256;
  if (atOldPosition(text, target, sameText)) return { status: 'exact', start: target.start!, end: target.end!, score: 1 };
  const hint = options.hint ?? (hasPosition(target) ? target.start : undefined);
  return search(text, target, hint, options.threshold ?? ORPHAN_THRESHOLD, scanningFinder(text));
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
    const sameText = options.sha256 !== undefined && target.sha256 === options.sha256;
    if (atOldPosition(text, target, sameText)) results[i] = { status: 'exact', start: target.start!, end: target.end!, score: 1 };
    else pending++;
  }
  if (pending === 0) return results as AnchorResult[];

  let finder: PieceFinder | null = null;
  let searches = 0;
  const resolve = (target: AnchorTarget, hint: number | undefined): AnchorResult => {
    if (target.exact.length === 0) return orphan(target, 0);
    searches++;
    finder ??= searches > INDEX_AFTER_SEARCHES ? indexedFinder(text, PIECE_LENGTH) : null;
    return search(text, target, hint, threshold, finder ?? scanningFinder(text));
  };

  // Visit positioned targets in document order: resolved neighbours tell the shift.
  const order: number[] = [];
  for (let i = 0; i < targets.length; i++) if (hasPosition(targets[i]!)) order.push(i);
  order.sort((a, b) => targets[a]!.start! - targets[b]!.start!);
  let shift = 0;
  for (const i of order) {
    const target = targets[i] as Positioned;
    let result = results[i];
    if (result === undefined) {
      const expected = target.start + shift;
      if (shift !== 0 && target.exact.length > 0 && exactWithContextAt(text, target, expected)) {
        const end = expected + target.exact.length;
        result = { status: 'moved', start: expected, end, score: scoreCandidate(text, { start: expected, end, errors: 0 }, target.exact.length, { hint: expected }).score };
      } else result = resolve(target, expected);
      results[i] = result;
    }
    if (result.status !== 'orphan') shift = result.start - target.start;
  }
  for (let i = 0; i < targets.length; i++) {
    if (results[i] === undefined) results[i] = resolve(targets[i]!, undefined);
  }
  return results as AnchorResult[];
}
