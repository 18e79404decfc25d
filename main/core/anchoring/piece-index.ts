/**
 * Finds short fixed-length pieces of text quickly. Re-anchoring many
 * annotations probes the text for hundreds of thousands of 16-unit pieces; a
 * scan per probe would read the whole text each time, so a batch builds this
 * index once (a rolling hash of every window) and answers each probe from it.
 */

export interface PieceFinder {
  /** Starts of `piece` in the text, ascending, at most `limit` of them. */
  find(piece: string, limit: number): number[];
}

/** A finder that scans the text for each probe (no set-up cost; for a few probes). */
export function scanningFinder(text: string): PieceFinder {
  return {
    find(piece, limit) {
      const starts: number[] = [];
      for (let at = text.indexOf(piece); at !== -1 && starts.length < limit; at = text.indexOf(piece, at + 1)) {
        starts.push(at);
      }
      return starts;
    },
  };
}

const BASE = 0x01000193;

function hashOf(value: string, from: number, length: number): number {
  let hash = 0;
  for (let i = 0; i < length; i++) hash = (Math.imul(hash, BASE) + value.charCodeAt(from + i)) | 0;
  return hash;
}

/** A finder backed by an index of every `pieceLength`-unit window; other lengths fall back to scanning. */
export function indexedFinder(text: string, pieceLength: number): PieceFinder {
  const scan = scanningFinder(text);
  const buckets = new Map<number, number[] | number>();
  if (text.length >= pieceLength) {
    // BASE^(pieceLength-1), to drop the outgoing unit from the rolling hash.
    let outgoing = 1;
    for (let i = 1; i < pieceLength; i++) outgoing = Math.imul(outgoing, BASE);
    let hash = hashOf(text, 0, pieceLength);
    for (let at = 0; ; at++) {
      const bucket = buckets.get(hash);
      if (bucket === undefined) buckets.set(hash, at);
      else if (typeof bucket === 'number') buckets.set(hash, [bucket, at]);
      else bucket.push(at);
      const next = at + pieceLength;
      if (next >= text.length) break;
      hash = (Math.imul(hash - Math.imul(text.charCodeAt(at), outgoing), BASE) + text.charCodeAt(next)) | 0;
    }
  }
  return {
    find(piece, limit) {
      if (piece.length !== pieceLength) return scan.find(piece, limit);
      const bucket = buckets.get(hashOf(piece, 0, pieceLength));
      if (bucket === undefined) return [];
      const starts: number[] = [];
      // Different windows can share a hash, so every candidate is verified.
      for (const at of typeof bucket === 'number' ? [bucket] : bucket) {
        if (starts.length >= limit) break;
        if (text.startsWith(piece, at)) starts.push(at);
      }
      return starts;
    },
  };
}
