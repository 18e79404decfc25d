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
  codes: string[];
}

function pairKey(a: string, b: string): string {
  return a < b ? `${a} ${b}` : `${b} ${a}`;
}

/** The pairs of codes that meet, most frequent first; in each pair `a` sorts before `b`. */
export function coOccurrence(book: Codebook, views: readonly CodedView[]): CoOccurrence[] {
  const counts = new Map<string, number>();
  const bump = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
  const placed: Coded[] = [];
  for (const view of views) {
    if (view.deletedAt !== null) continue;
    const codes = view.codeIds.filter((id, i) => book.liveCode(id) !== undefined && view.codeIds.indexOf(id) === i);
    if (codes.length === 0) continue;
    for (let i = 0; i < codes.length; i++) for (let j = i + 1; j < codes.length; j++) bump(pairKey(codes[i]!, codes[j]!));
    if (view.anchor.status !== 'orphan') placed.push({ start: view.start, end: view.end, codes });
  }
  placed.sort((x, y) => x.start - y.start);
  // A sweep in document order: `open` holds the passages still running where the next one starts.
  let open: Coded[] = [];
  const seen = new Set<string>();
  for (const y of placed) {
    open = open.filter((x) => x.end > y.start);
    for (const x of open) {
      seen.clear();
      for (const a of x.codes) {
        for (const b of y.codes) {
          if (a === b) continue;
          const key = pairKey(a, b);
          if (seen.has(key)) continue;
          seen.add(key);
          bump(key);
        }
      }
    }
    open.push(y);
  }
  return [...counts]
    .map(([key, count]) => {
      const [a, b] = key.split(' ') as [string, string];
      return { a, b, count };
    })
    .sort((p, q) => q.count - p.count || (p.a < q.a ? -1 : p.a > q.a ? 1 : 0) || (p.b < q.b ? -1 : p.b > q.b ? 1 : 0));
}
