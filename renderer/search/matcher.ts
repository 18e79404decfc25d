/**
 * The find matcher: pure text in, ranges out. It folds the report text once
 * (case, diacritics, typographic variants, white space) into a searchable copy
 * with a map back to the original UTF-16 offsets, so each keystroke is a plain
 * scan of that copy and every range it returns is in report coordinates.
 */

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

/** A folded copy of a text, with each folded unit's source range in the original. */
export interface FoldedText {
  readonly source: string;
  readonly folded: string;
  /**
   * `starts[i]`: original offset of the source character folded unit `i` came from.
   * Where a unit ends is not stored: it is where the next source character's units
   * start (see `unitEnd`), which also covers absorbed marks and white-space runs.
   */
  readonly starts: Uint32Array;
}

/** Original offset just past the source text folded unit `i` stands for (including marks it absorbed). */
export function unitEnd(index: FoldedText, i: number): number {
  const { starts } = index;
  const start = starts[i]!;
  for (let j = i + 1; j < starts.length; j++) if (starts[j] !== start) return starts[j]!;
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

const SPACE = 0x20;
/** Marks a folded unit as "drop this source character". */
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
  let capacity = source.length + 16;
  let units = new Uint16Array(capacity);
  let starts = new Uint32Array(capacity);
  let n = 0;
  const grow = (need: number) => {
    if (n + need <= capacity) return;
    capacity = Math.max(capacity * 2, n + need);
    const u = new Uint16Array(capacity);
    u.set(units);
    units = u;
    const s = new Uint32Array(capacity);
    s.set(starts);
    starts = s;
  };
  let inSpace = false;
  let i = 0;
  const length = source.length;
  const lower = matchCase ? 0 : 32;
  while (i < length) {
    const c = source.charCodeAt(i);
    if (c < 0x80) {
      // ASCII fast path: the text is almost all ASCII, and this loop is the cost of opening a 100× document.
      if (c === SPACE || (c >= 0x09 && c <= 0x0d)) {
        if (!inSpace) {
          if (n === capacity) grow(1);
          units[n] = SPACE;
          starts[n] = i;
          n++;
          inSpace = true;
        }
      } else {
        if (n === capacity) grow(1);
        units[n] = c >= 0x41 && c <= 0x5a ? c + lower : c;
        starts[n] = i;
        n++;
        inSpace = false;
      }
      i++;
      continue;
    }
    const cp = source.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    if (isWhitespace(cp)) {
      if (!inSpace) {
        grow(1);
        units[n] = SPACE;
        starts[n] = i;
        n++;
        inSpace = true;
      }
      i += width;
      continue;
    }
    const folded = foldCodePoint(cp, matchCase);
    if (folded.length === 0) {
      // A dropped character (combining mark, soft hyphen…) belongs to the unit before it: no unit starts here.
      i += width;
      continue;
    }
    inSpace = false;
    grow(folded.length);
    for (let k = 0; k < folded.length; k++) {
      units[n] = folded.charCodeAt(k);
      starts[n] = i;
      n++;
    }
    i += width;
  }
  return { source, folded: unitsToString(units, n), starts: starts.subarray(0, n) };
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const utf16 = LITTLE_ENDIAN ? new TextDecoder('utf-16le', { ignoreBOM: true }) : null;

function unitsToString(units: Uint16Array, length: number): string {
  // Decoding the buffer is ~10× faster than String.fromCharCode in chunks. A lone
  // surrogate becomes U+FFFD, which is harmless: queries are folded the same way.
  if (utf16) return utf16.decode(units.subarray(0, length));
  const CHUNK = 8192;
  const parts: string[] = [];
  for (let at = 0; at < length; at += CHUNK) {
    parts.push(String.fromCharCode.apply(null, units.subarray(at, Math.min(length, at + CHUNK)) as unknown as number[]));
  }
  return parts.join('');
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
  const { folded, starts } = index;
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
    const alignedStart = at === 0 || starts[at - 1] !== starts[at];
    const alignedEnd = after === folded.length || starts[after] !== starts[after - 1];
    const wordOk =
      (!needsWordStart || !isWordCodePoint(codePointBefore(folded, at))) &&
      (!needsWordEnd || !isWordCodePoint(folded.codePointAt(after)));
    if (alignedStart && alignedEnd && wordOk) {
      matches.push({ start: starts[at]!, end: after === folded.length ? index.source.length : starts[after]! });
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
  let lo = 0;
  let hi = matches.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (matches[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
