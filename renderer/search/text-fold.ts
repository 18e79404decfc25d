/**
 * The folded copy of a text that find searches: case, diacritics, typographic
 * variants and white space folded away, with a map back to the original UTF-16
 * offsets. Split from the matcher so the folding rules and the offset map stand
 * on their own; the matcher scans what this builds.
 */
import { firstIndexWhere } from '../../common/offset-lookup';

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
