/**
 * Co-occurrence: which codes meet, and how often. Two codes meet on one
 * annotation that carries both, and on two annotations whose passages overlap
 * (one carries the first, the other the second). Each annotation, and each
 * overlapping pair of annotations, counts once per pair of codes. Codes count
 * as applied (no roll-up to parents); tombstones never count, and orphans only
 * for their own codes (their old position says nothing about overlaps).
 */
import type { CoOccurrence } from '../../../preload/contract';
import type { Codebook } from '../store/codebook';
import type { CodedView } from './code-analysis';

interface Coded {
  start: number;
  end: number;
  /** The annotation's live codes as indices into the codebook's live codes, each once. */
  codes: number[];
}

/** The live codes of each live annotation as small integers (so pairs index a flat table, not a map of strings). */
function indexCodes(book: Codebook, views: readonly CodedView[]): { ids: string[]; coded: Array<Coded & { placed: boolean }> } {
  // Sorted, so that index order is id order: a pair's smaller index is its `a`, and pairs sort as numbers.
  const ids = book.live.map((c) => c.id).sort();
  const at = new Map(ids.map((id, i) => [id, i]));
  const coded: Array<Coded & { placed: boolean }> = [];
  for (const view of views) {
    if (view.deletedAt !== null) continue;
    const codes: number[] = [];
    for (const id of view.codeIds) {
      const i = at.get(id);
      if (i !== undefined && !codes.includes(i)) codes.push(i);
    }
    if (codes.length > 0) coded.push({ start: view.start, end: view.end, codes, placed: view.anchor.status !== 'orphan' });
  }
  return { ids, coded };
}

/** The pairs of codes that meet, most frequent first; in each pair `a` sorts before `b`. */
export function coOccurrence(book: Codebook, views: readonly CodedView[]): CoOccurrence[] {
  const { ids, coded } = indexCodes(book, views);
  const n = ids.length;
  const counts = new Int32Array(n * n);
  // stamp[key] === the current meeting's number: this pair of codes was already counted for it.
  const stamp = new Int32Array(n * n);
  let meeting = 0;
  const meet = (xs: readonly number[], ys: readonly number[]) => {
    meeting++;
    for (let i = 0; i < xs.length; i++) {
      const a = xs[i]!;
      for (let j = 0; j < ys.length; j++) {
        const b = ys[j]!;
        if (a === b) continue;
        const key = a < b ? a * n + b : b * n + a;
        if (stamp[key] === meeting) continue;
        stamp[key] = meeting;
        counts[key]!++;
      }
    }
  };
  for (const x of coded) meet(x.codes, x.codes);
  const placed = coded.filter((c) => c.placed);
  if (placed.some((c, i) => i > 0 && placed[i - 1]!.start > c.start)) placed.sort((x, y) => x.start - y.start);
  // A sweep in document order: `open` holds the passages still running where the next one starts.
  const open: Coded[] = [];
  for (let k = 0; k < placed.length; k++) {
    const y = placed[k]!;
    let kept = 0;
    for (let i = 0; i < open.length; i++) {
      const x = open[i]!;
      if (x.end > y.start) {
        open[kept++] = x;
        meet(x.codes, y.codes);
      }
    }
    open.length = kept;
    open.push(y);
  }
  const keys: number[] = [];
  for (let key = 0; key < counts.length; key++) if (counts[key]! > 0) keys.push(key);
  keys.sort((p, q) => counts[q]! - counts[p]! || p - q);
  return keys.map((key) => ({ a: ids[Math.floor(key / n)]!, b: ids[key % n]!, count: counts[key]! }));
}
