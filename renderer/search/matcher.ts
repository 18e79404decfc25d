/**
 * The find matcher: pure text in, ranges out. It folds the report text once
 * (case, diacritics, typographic variants, white space) into a searchable copy
 * with a map back to the original UTF-16 offsets, so each keystroke is a plain
 * scan of that copy and every range it returns is in report coordinates.
 */
import { firstIndexWhere } from '../../common/offset-lookup';

export interface TextMatch {
  /** UTF-16 offset of the first matched character in the original text. */
  start: number;
  /** UTF-16 offset just past the last matched character in the original text. */
  end: number;
}

export interface MatchOptions {
  /** Distinguish upper and lower case (diacritics and typography are still folded). */
  matchCase?: boolean;
  /** Only matches that neither start nor end inside a word. */
  wholeWord?: boolean;
}

/**
 * A folded copy of a text and the map back to the original. Most folded units
 * stand for exactly one source unit at the same distance from the last edit, so
 * only the edits are stored: places where a white-space run collapsed, a mark or
 * invisible character was dropped, or one character became several units.
 */
export interface FoldedText {
  readonly source: string;
  readonly folded: string;
  readonly edits: FoldEdits;
}

/** Edits in folded order: `foldLen` units at folded offset `fold` stand for `srcLen` units at source offset `src`. */
export interface FoldEdits {
  readonly fold: Int32Array;
  readonly src: Int32Array;
  readonly foldLen: Int32Array;
  readonly srcLen: Int32Array;
}

/** Index of the last edit starting at or before folded offset `k`, or -1. */
function editAt(edits: FoldEdits, k: number): number {
  return firstIndexWhere(edits.fold.length, (i) => edits.fold[i]! > k) - 1;
}

/** Original offset of the source character folded unit `k` came from. */
export function unitStart(index: FoldedText, k: number): number {
  const { edits } = index;
  const e = editAt(edits, k);
  if (e < 0) return k;
  const editEnd = edits.fold[e]! + edits.foldLen[e]!;
  if (k < editEnd) return edits.src[e]!;
  return edits.src[e]! + edits.srcLen[e]! + (k - editEnd);
}

/** Whether folded unit `k` is the first unit of its source character (not the middle of "…" → "..."). */
export function isCharStart(index: FoldedText, k: number): boolean {
  const { edits } = index;
  const e = editAt(edits, k);
  return e < 0 || k === edits.fold[e] || k >= edits.fold[e]! + edits.foldLen[e]!;
}

/**
 * Original offset just past the source text folded unit `k` stands for: where the
 * next source character's units start, so absorbed marks and white space count.
 */
export function unitEnd(index: FoldedText, k: number): number {
  for (let j = k + 1; j < index.folded.length; j++) if (isCharStart(index, j)) return unitStart(index, j);
  return index.source.length;
}

// Typographic variants a reader types on a plain keyboard. Each maps to its ASCII form.
const TYPOGRAPHIC: ReadonlyMap<number, string> = new Map([
  [0x2018, "'"], // ‘
  [0x2019, "'"], // ’
  [0x201a, "'"], // ‚
  [0x201b, "'"], // ‛
  [0x2032, "'"], // ′
  [0x02bc, "'"], // ʼ
  [0x201c, '"'], // “
  [0x201d, '"'], // ”
  [0x201e, '"'], // „
  [0x201f, '"'], // ‟
  [0x2033, '"'], // ″
  [0x2010, '-'], // ‐
  [0x2011, '-'], // non-breaking hyphen
  [0x2012, '-'], // ‒
  [0x2013, '-'], // –
  [0x2014, '-'], // —
  [0x2015, '-'], // ―
  [0x2212, '-'], // −
  [0x2026, '...'], // …
]);

// Invisible formatting characters that must not break a phrase: soft hyphen,
// zero-width space/joiners, word joiner, byte-order mark.
const IGNORABLE = new Set([0x00ad, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff]);

const COMBINING_MARK = /\p{M}/gu;
const WHITESPACE = /^\s$/u;
const WORD_CHAR = /^[\p{L}\p{N}_]$/u;

/** What a dropped character (soft hyphen, zero-width space…) folds to. */
const DROP = '';

const foldCache: [Map<number, string>, Map<number, string>] = [new Map(), new Map()];

function isWhitespace(cp: number): boolean {
  if (cp < 0x80) return cp === 0x20 || (cp >= 0x09 && cp <= 0x0d);
  return WHITESPACE.test(String.fromCodePoint(cp));
}

/** How one code point folds (white space is handled by the caller, because runs collapse). */
function foldCodePoint(cp: number, matchCase: boolean): string {
  if (cp < 0x80) {
    if (!matchCase && cp >= 0x41 && cp <= 0x5a) return String.fromCharCode(cp + 32);
    return String.fromCharCode(cp);
  }
  const cache = foldCache[matchCase ? 1 : 0];
  const cached = cache.get(cp);
  if (cached !== undefined) return cached;
  let out: string;
  if (IGNORABLE.has(cp)) out = DROP;
  else {
    const typographic = TYPOGRAPHIC.get(cp);
    if (typographic !== undefined) out = typographic;
    else {
      const char = String.fromCodePoint(cp);
      // Lower-case first: some capitals lower-case to a letter plus a combining mark (İ → i̇).
      out = (matchCase ? char : char.toLowerCase()).normalize('NFD').replace(COMBINING_MARK, '');
    }
  }
  cache.set(cp, out);
  return out;
}

/**
 * Folds `source` into a searchable copy: case (unless `matchCase`), diacritics
 * (NFD, combining marks removed), typographic quotes/dashes/ellipsis, invisible
 * formatting characters, and every run of white space (including non-breaking
 * spaces and line breaks) to one space. Keeps the map back to original offsets.
 */
export function foldText(source: string, matchCase = false): FoldedText {
  // Native lower-casing does the bulk, and the folded copy is built from slices of it:
  // the loop below only looks for the few places folding changes anything.
  let base = source;
  let capitals = false;
  if (!matchCase) {
    const lowered = source.toLowerCase();
    // A capital that lower-cases to two units (İ) would shift offsets: fold capitals one by one instead.
    if (lowered.length === source.length) base = lowered;
    else capitals = true;
  }
  const pieces: string[] = [];
  const fold: number[] = [];
  const src: number[] = [];
  const foldLen: number[] = [];
  const srcLen: number[] = [];
  let shift = 0;
  let plainFrom = 0;
  const length = source.length;
  let i = 0;
  while (i < length) {
    const c = base.charCodeAt(i);
    if (c > 0x20 && c < 0x7f && !(capitals && c >= 0x41 && c <= 0x5a)) {
      i++;
      continue;
    }
    if (c === 0x20) {
      const next = base.charCodeAt(i + 1);
      // A single plain space is already folded.
      if (i + 1 >= length || (next > 0x20 && next < 0x7f) || !absorbsInRun(source.codePointAt(i + 1)!, matchCase)) {
        i++;
        continue;
      }
    }
    const cp = source.codePointAt(i)!;
    let end = i + (cp > 0xffff ? 2 : 1);
    let out: string;
    if (isWhitespace(cp)) {
      // A run of white space, with the marks and invisible characters inside it, is one space.
      while (end < length) {
        const inner = source.codePointAt(end)!;
        if (!absorbsInRun(inner, matchCase)) break;
        end += inner > 0xffff ? 2 : 1;
      }
      out = ' ';
    } else out = foldCodePoint(cp, matchCase);
    pieces.push(base.slice(plainFrom, i), out);
    plainFrom = end;
    if (out.length !== end - i || out.length > 1) {
      fold.push(i + shift);
      src.push(i);
      foldLen.push(out.length);
      srcLen.push(end - i);
      shift += out.length - (end - i);
    }
    i = end;
  }
  pieces.push(base.slice(plainFrom));
  return {
    source,
    folded: pieces.join(''),
    edits: { fold: Int32Array.from(fold), src: Int32Array.from(src), foldLen: Int32Array.from(foldLen), srcLen: Int32Array.from(srcLen) },
  };
}

/** Whether a character continues a white-space run: more white space, or something folding drops. */
function absorbsInRun(cp: number, matchCase: boolean): boolean {
  return isWhitespace(cp) || foldCodePoint(cp, matchCase).length === 0;
}

/** Folds a query exactly as the text is folded, so the two compare unit for unit. */
export function foldQuery(query: string, matchCase = false): string {
  return foldText(query, matchCase).folded;
}

function codePointBefore(text: string, index: number): number | null {
  if (index <= 0) return null;
  const low = text.charCodeAt(index - 1);
  if (low >= 0xdc00 && low <= 0xdfff && index >= 2) {
    const high = text.charCodeAt(index - 2);
    if (high >= 0xd800 && high <= 0xdbff) return text.codePointAt(index - 2)!;
  }
  return low;
}

function isWordCodePoint(cp: number | null | undefined): boolean {
  if (cp === null || cp === undefined) return false;
  if (cp < 0x80) return (cp >= 0x30 && cp <= 0x39) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a) || cp === 0x5f;
  return WORD_CHAR.test(String.fromCodePoint(cp));
}

/**
 * All non-overlapping matches of `query` in an already folded text, in document
 * order, as original offsets. A query that folds to nothing but white space
 * matches nothing (a find bar that lights up every space helps no one).
 */
export function findInFolded(index: FoldedText, query: string, options: MatchOptions = {}): TextMatch[] {
  const needle = foldQuery(query, options.matchCase ?? false);
  if (needle.trim().length === 0) return [];
  const { folded } = index;
  const wholeWord = options.wholeWord ?? false;
  const needsWordStart = wholeWord && isWordCodePoint(needle.codePointAt(0));
  const needsWordEnd = wholeWord && isWordCodePoint(codePointBefore(needle, needle.length));
  const matches: TextMatch[] = [];
  let from = 0;
  for (;;) {
    const at = folded.indexOf(needle, from);
    if (at === -1) break;
    const after = at + needle.length;
    // A match must cover whole source characters: never half of an expansion such as "…" → "...".
    const alignedStart = isCharStart(index, at);
    const alignedEnd = after === folded.length || isCharStart(index, after);
    const wordOk =
      (!needsWordStart || !isWordCodePoint(codePointBefore(folded, at))) &&
      (!needsWordEnd || !isWordCodePoint(folded.codePointAt(after)));
    if (alignedStart && alignedEnd && wordOk) {
      matches.push({ start: unitStart(index, at), end: after === folded.length ? index.source.length : unitStart(index, after) });
      from = after;
    } else from = at + 1;
  }
  return matches;
}

/**
 * A matcher over one text that folds it lazily, once per case mode, so that
 * searching as the user types only scans the prepared copy.
 */
export class TextMatcher {
  private readonly folded: [FoldedText | null, FoldedText | null] = [null, null];

  constructor(readonly text: string) {}

  /** The folded copy for a case mode (built on first use, then reused). */
  index(matchCase = false): FoldedText {
    const slot = matchCase ? 1 : 0;
    return (this.folded[slot] ??= foldText(this.text, matchCase));
  }

  /** All matches of `query`, in document order, as original UTF-16 ranges. */
  find(query: string, options: MatchOptions = {}): TextMatch[] {
    return findInFolded(this.index(options.matchCase ?? false), query, options);
  }
}

let lastMatcher: TextMatcher | null = null;

/** The matcher for `text`, reusing the previous one when the text is the same. */
export function matcherFor(text: string): TextMatcher {
  if (lastMatcher === null || lastMatcher.text !== text) lastMatcher = new TextMatcher(text);
  return lastMatcher;
}

/** Index of the first match whose start is ≥ `offset` (matches.length if none). */
export function firstMatchAtOrAfter(matches: readonly TextMatch[], offset: number): number {
  return firstIndexWhere(matches.length, (i) => matches[i]!.start >= offset);
}
