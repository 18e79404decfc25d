/**
 * The find matcher: pure text in, ranges out. It folds the report text once
 * (case, diacritics, typographic variants, white space) into a searchable copy
 * with a map back to the original UTF-16 offsets, so each keystroke is a plain
 * scan of that copy and every range it returns is in report coordinates. The
 * folding itself is text-fold.
 */
import { firstIndexWhere } from '../../common/offset-lookup';
import { foldQuery, foldText, isCharStart, unitStart, type FoldedText } from './text-fold';

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

const WORD_CHAR = /^[\p{L}\p{N}_]$/u;

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
