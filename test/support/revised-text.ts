/**
 * Builds "revised editions" of a text for anchoring tests: the new text is a
 * sequence of pieces kept from the old one and inserted strings, so every kept
 * character knows where it went and tests can say where an annotation belongs.
 */

export type Piece = { from: number; to: number } | { insert: string };

export interface Revision {
  text: string;
  /** Where the old range [start, end) now is, or null when any of it was deleted or rewritten. */
  locate(start: number, end: number): { start: number; end: number } | null;
  /** How many characters of the old range survive, kept in one piece or not. */
  surviving(start: number, end: number): number;
}

/** Assembles a revision from pieces of `old` and inserted strings. */
export function assemble(old: string, pieces: readonly Piece[]): Revision {
  const kept: Array<{ from: number; to: number; at: number }> = [];
  let text = '';
  for (const piece of pieces) {
    if ('insert' in piece) text += piece.insert;
    else {
      kept.push({ from: piece.from, to: piece.to, at: text.length });
      text += old.slice(piece.from, piece.to);
    }
  }
  return {
    text,
    locate(start, end) {
      const piece = kept.find((k) => k.from <= start && end <= k.to);
      return piece ? { start: piece.at + start - piece.from, end: piece.at + end - piece.from } : null;
    },
    surviving(start, end) {
      let count = 0;
      for (const k of kept) count += Math.max(0, Math.min(end, k.to) - Math.max(start, k.from));
      return count;
    },
  };
}

/** Small deterministic PRNG (mulberry32) so fixtures are the same on every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const INSERTED_SENTENCES = [
  'The government also reported additional data during the revision. ',
  'Observers noted further developments after the period ended. ',
  'Officials did not provide comparable statistics for the prior year. ',
];

/**
 * A seeded revision of `old` with about `edits` small edits spread over it —
 * typo fixes (one letter replaced), inserted sentences and deleted sentences —
 * plus one paragraph moved to the end when `moveParagraph` is given.
 */
export function reviseText(
  old: string,
  options: { seed: number; edits: number; moveParagraph?: { start: number; end: number } },
): Revision {
  const random = seededRandom(options.seed);
  const move = options.moveParagraph;
  const points = new Set<number>();
  while (points.size < options.edits) {
    const at = 1 + Math.floor(random() * (old.length - 2));
    if (move && at >= move.start - 1 && at <= move.end + 1) continue;
    points.add(at);
  }
  const sorted = [...points].sort((a, b) => a - b);
  const pieces: Piece[] = [];
  let cursor = 0;
  const keep = (to: number) => {
    if (move && cursor < move.end && to > move.start) {
      if (cursor < move.start) pieces.push({ from: cursor, to: move.start });
      cursor = move.end;
    }
    if (to > cursor) pieces.push({ from: cursor, to });
    cursor = Math.max(cursor, to);
  };
  for (const point of sorted) {
    if (point < cursor) continue;
    const kind = Math.floor(random() * 3);
    if (kind === 0) {
      // Typo fix: replace one letter with another.
      if (!/[a-z]/.test(old[point]!)) continue;
      keep(point);
      pieces.push({ insert: old[point] === 'e' ? 'a' : 'e' });
      cursor = point + 1;
    } else if (kind === 1) {
      // Inserted sentence, after the end of a sentence.
      const sentenceEnd = old.indexOf('. ', point);
      if (sentenceEnd === -1 || (move && sentenceEnd >= move.start - 2 && sentenceEnd <= move.end)) continue;
      keep(sentenceEnd + 2);
      pieces.push({ insert: INSERTED_SENTENCES[Math.floor(random() * INSERTED_SENTENCES.length)]! });
    } else {
      // Deleted sentence: from after one ". " to after the next.
      const from = old.indexOf('. ', point);
      const to = from === -1 ? -1 : old.indexOf('. ', from + 2);
      if (to === -1 || to - from > 400 || (move && to >= move.start - 2 && from <= move.end)) continue;
      keep(from + 2);
      cursor = to + 2;
    }
  }
  keep(old.length);
  if (move) pieces.push({ insert: '\n' }, { from: move.start, to: move.end });
  return assemble(old, pieces);
}
