/**
 * Text positions. REFI-QDA 1.5 places a PlainTextSelection by the integers
 * `startPosition` and `endPosition` (Project.xsd, PlainTextSelectionType; the
 * spec's "Text selections" section) into the plain text of its TextSource.
 * Fieldmark counts them as Unicode code points from 0, the end exclusive: a code
 * point is what a character of the UTF-8 plain-text file is, whatever the
 * program reading it, and QualCoder, which writes these numbers from Python
 * string indices, counts the same way. Fieldmark itself counts UTF-16 code units
 * (String.prototype.slice), so an astral character (emoji, CJK Extension B) is
 * two positions there and one here. The report has none, so on it both agree.
 */

/** True when `i` falls between the two halves of a surrogate pair. */
function splitsPair(text: string, i: number): boolean {
  if (i <= 0 || i >= text.length) return false;
  const before = text.charCodeAt(i - 1);
  const after = text.charCodeAt(i);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}

/** How many code points `text` holds. */
export function codePointLength(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    if (!splitsPair(text, i + 1)) n++;
  }
  return n;
}

/**
 * Converts sorted-or-not UTF-16 offsets into code-point positions in one pass.
 * An offset inside a surrogate pair is refused: no selection starts or ends there.
 */
export function utf16ToCodePoints(text: string, offsets: readonly number[]): number[] {
  return convert(offsets, (targets) => {
    const found = new Map<number, number>();
    let cp = 0;
    for (let i = 0; i <= text.length; i++) {
      if (!splitsPair(text, i)) {
        if (targets.has(i)) found.set(i, cp);
        cp++;
      } else if (targets.has(i)) {
        throw new RangeError(`UTF-16 offset ${i} splits a surrogate pair.`);
      }
    }
    return found;
  }, text.length);
}

/** Converts code-point positions into UTF-16 offsets; a position past the end is refused. */
export function codePointsToUtf16(text: string, positions: readonly number[]): number[] {
  return convert(positions, (targets) => {
    const found = new Map<number, number>();
    let cp = 0;
    for (let i = 0; i <= text.length; i++) {
      if (splitsPair(text, i)) continue;
      if (targets.has(cp)) found.set(cp, i);
      cp++;
    }
    return found;
  }, Number.MAX_SAFE_INTEGER);
}

function convert(values: readonly number[], scan: (targets: Set<number>) => Map<number, number>, max: number): number[] {
  for (const v of values) {
    if (!Number.isInteger(v) || v < 0 || v > max) throw new RangeError(`Position ${v} is outside the text.`);
  }
  const found = scan(new Set(values));
  return values.map((v) => {
    const out = found.get(v);
    if (out === undefined) throw new RangeError(`Position ${v} is outside the text.`);
    return out;
  });
}
