/**
 * The spans "Highlight this sentence" and "Highlight this paragraph" take, from
 * a caret offset: the block around it, or the sentence in that block
 * (Intl.Segmenter's sentence boundaries, UAX #29), without surrounding space.
 * https://unicode.org/reports/tr29/#Sentence_Boundaries
 */

interface Block {
  readonly start: number;
  readonly end: number;
}

export interface Span {
  start: number;
  end: number;
}

/** [start, end) with the white space at both ends taken off; null when nothing is left. */
export function trimmed(text: string, start: number, end: number): Span | null {
  let s = start;
  let e = end;
  while (s < e && /\s/u.test(text[s]!)) s++;
  while (e > s && /\s/u.test(text[e - 1]!)) e--;
  return e > s ? { start: s, end: e } : null;
}

/** The whole block, trimmed. */
export function paragraphSpan(text: string, block: Block): Span | null {
  return trimmed(text, block.start, block.end);
}

/** The sentence of `block` holding `offset` (at a boundary, the one that starts there), trimmed. */
export function sentenceSpan(text: string, block: Block, offset: number, locale = 'en'): Span | null {
  const inside = text.slice(block.start, block.end);
  const at = Math.min(Math.max(offset - block.start, 0), Math.max(inside.length - 1, 0));
  const segmenter = new Intl.Segmenter(locale, { granularity: 'sentence' });
  const segment = segmenter.segment(inside).containing(at);
  if (!segment) return null;
  const start = block.start + segment.index;
  return trimmed(text, start, start + segment.segment.length);
}
