/**
 * coOccurrence (code-co-occurrence.ts) against a plain reference written here:
 * every annotation's pairs, then every pair of annotations checked for overlap,
 * over random codebooks and annotations (tombstones, orphans, repeated and
 * unknown codes, views out of order, touching passages). The fast version
 * works on typed arrays and keeps an index between calls, so the tests also
 * check that a changed view is seen.
 */
import { describe, expect, it } from 'vitest';
import type { CoOccurrence } from '../../../../preload/contract';
import { coOccurrence } from '../../../../main/core/service/code-co-occurrence';
import type { CodedView } from '../../../../main/core/service/code-analysis';
import { codebookOf } from '../../../../main/core/store/codebook';
import type { StoredCode } from '../../../../main/core/store/store-schema';
import { createRng, type Rng } from '../../../bench/fixtures/prng';

const AT = '2024-01-01T00:00:00.000Z';

function randomCodes(rng: Rng, size: number): StoredCode[] {
  const codes: StoredCode[] = [];
  for (let i = 0; i < size; i++) {
    const parentId = i > 0 && rng.chance(0.6) ? rng.pick(codes).id : null;
    codes.push({ id: rng.uuid(), name: `c${i}`, parentId, description: '', color: null, codable: true, createdAt: AT, updatedAt: AT, deletedAt: rng.chance(0.1) ? AT : null });
  }
  return codes;
}

function randomViews(rng: Rng, codes: readonly StoredCode[], size: number, length: number): CodedView[] {
  return Array.from({ length: size }, (_, i) => {
    const start = rng.int(0, length - 1);
    const codeIds = Array.from({ length: rng.int(0, 5) }, () => (rng.chance(0.05) ? rng.uuid() : rng.pick(codes).id));
    return {
      id: `v${i}`,
      codeIds,
      section: null,
      color: 'key',
      start,
      end: start + rng.int(1, 40),
      deletedAt: rng.chance(0.1) ? AT : null,
      anchor: { status: rng.chance(0.1) ? 'orphan' : 'exact', score: 1 },
    };
  });
}

/** The reference: a pair counts once per annotation carrying both, and once per overlapping pair of placed passages. */
function reference(codes: readonly StoredCode[], views: readonly CodedView[]): CoOccurrence[] {
  const live = new Set(codes.filter((c) => c.deletedAt === null).map((c) => c.id));
  const coded = views.filter((v) => v.deletedAt === null).map((v) => ({ ...v, codes: [...new Set(v.codeIds.filter((id) => live.has(id)))] }));
  const counts = new Map<string, number>();
  const bump = (pairs: Set<string>) => pairs.forEach((key) => counts.set(key, (counts.get(key) ?? 0) + 1));
  const pairsOf = (xs: string[], ys: string[]) => {
    const pairs = new Set<string>();
    for (const a of xs) for (const b of ys) if (a !== b) pairs.add(a < b ? `${a} ${b}` : `${b} ${a}`);
    return pairs;
  };
  for (const v of coded) bump(pairsOf(v.codes, v.codes));
  const placed = coded.filter((v) => v.anchor.status !== 'orphan');
  for (let i = 0; i < placed.length; i++) {
    for (let j = i + 1; j < placed.length; j++) {
      const [x, y] = [placed[i]!, placed[j]!];
      if (x.start < y.end && y.start < x.end) bump(pairsOf(x.codes, y.codes));
    }
  }
  return [...counts]
    .map(([key, count]) => ({ a: key.split(' ')[0]!, b: key.split(' ')[1]!, count }))
    .sort((p, q) => q.count - p.count || (p.a < q.a ? -1 : p.a > q.a ? 1 : p.b < q.b ? -1 : p.b > q.b ? 1 : 0));
}

describe('coOccurrence', () => {
  it('equals the plain pairwise count, order included, on random codebooks and annotations', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const rng = createRng(seed);
      const codes = randomCodes(rng, rng.int(1, 30));
      const views = randomViews(rng, codes, rng.int(0, 300), rng.int(20, 2000));
      expect(coOccurrence(codebookOf(codes), views), `seed ${seed}`).toEqual(reference(codes, views));
    }
  });

  it('sees a changed annotation on the next call, though the index is kept between calls', () => {
    const rng = createRng(7);
    const codes = randomCodes(rng, 12).map((c) => ({ ...c, deletedAt: null }));
    const views = randomViews(rng, codes, 200, 300);
    const book = codebookOf(codes);
    expect(coOccurrence(book, views)).toEqual(reference(codes, views));
    expect(coOccurrence(book, [...views])).toEqual(reference(codes, views));
    const changed = views.map((v, i) => (i % 3 === 0 ? { ...v, codeIds: [codes[0]!.id, codes[1]!.id] } : v));
    expect(coOccurrence(book, changed)).toEqual(reference(codes, changed));
    expect(coOccurrence(book, changed.slice(1))).toEqual(reference(codes, changed.slice(1)));
  });

  it('counts passages that only touch as apart, and an orphan only for its own codes', () => {
    const codes = randomCodes(createRng(3), 3).map((c) => ({ ...c, parentId: null, deletedAt: null }));
    const [a, b, c] = codes.map((code) => code.id) as [string, string, string];
    const view = (id: string, start: number, end: number, codeIds: string[], status: 'exact' | 'orphan' = 'exact'): CodedView => ({
      id, codeIds, section: null, color: 'key', start, end, deletedAt: null, anchor: { status, score: 1 },
    });
    const views = [view('1', 0, 10, [a]), view('2', 10, 20, [b]), view('3', 5, 15, [c, c], 'orphan'), view('4', 15, 25, [a, c, a])];
    const pairs = coOccurrence(codebookOf(codes), views);
    const sorted = [a, c].sort();
    expect(pairs).toEqual(
      [
        { a: sorted[0]!, b: sorted[1]!, count: 1 },
        { a: a < b ? a : b, b: a < b ? b : a, count: 1 },
        { a: b < c ? b : c, b: b < c ? c : b, count: 1 },
      ].sort((p, q) => (p.a < q.a ? -1 : p.a > q.a ? 1 : p.b < q.b ? -1 : 1)),
    );
  });
});
