/**
 * B9 (issue 13): the coding matrix (codes × sections) and co-occurrence over
 * 10,000 annotations and a 200-code codebook, through the service's real
 * methods with the views cached (as after launch). Target: each ≤ 20 ms median.
 *
 * The peers are the straightforward per-call walks: for the matrix, every code
 * against every annotation, walking each applied code's parents to see whether
 * it lies under the row; for co-occurrence, every pair of annotations checked
 * for overlap. They also check the answers: ours must equal the peer's.
 */
import type { CodingMatrix, CoOccurrence } from '../../../preload/contract';
import type { ReportModel } from '../../../main/core/report/report-model';
import { coOccurrence } from '../../../main/core/service/code-co-occurrence';
import { createServiceFromParts } from '../../../main/core/service/service';
import { codebookOf } from '../../../main/core/store/codebook';
import { emptyDoc, type StoredAnnotation, type StoredCode } from '../../../main/core/store/store-schema';
import { MemoryStore } from '../../support/memory-store';
import { createRng } from '../fixtures/prng';
import { alternate, median, timeOnce } from '../harness/measure';
import type { CaseResult } from '../harness/results';

const CODE_SEED = 20210913;

/** 200 codes: 10 themes, 40 codes under them, 150 under those (three levels, as a real codebook grows). */
export function benchCodebook(): StoredCode[] {
  const rng = createRng(CODE_SEED);
  const at = '2024-01-01T00:00:00.000Z';
  const codes: StoredCode[] = [];
  const make = (name: string, parentId: string | null) => {
    const code: StoredCode = { id: rng.uuid(), name, parentId, description: '', color: null, codable: true, createdAt: at, updatedAt: at, deletedAt: null };
    codes.push(code);
    return code;
  };
  const themes = Array.from({ length: 10 }, (_, i) => make(`Theme ${i}`, null));
  const middle = Array.from({ length: 40 }, (_, i) => make(`Code ${i}`, themes[i % 10]!.id));
  for (let i = 0; i < 150; i++) make(`Sub ${i}`, middle[i % 40]!.id);
  return codes;
}

/** The seeded annotations recoded with 0–4 codes of the bench codebook each (most on the deeper levels). */
function coded(records: readonly StoredAnnotation[], codes: readonly StoredCode[]): StoredAnnotation[] {
  const rng = createRng(CODE_SEED ^ records.length);
  return records.map((r) => {
    const codeIds: string[] = [];
    for (let n = rng.int(0, 4); n > 0; n--) {
      const id = codes[rng.int(10, codes.length - 1)]!.id;
      if (!codeIds.includes(id)) codeIds.push(id);
    }
    return { ...r, codeIds };
  });
}

/** The matrix by the plain walk: each row against each annotation. */
function peerMatrix(codes: readonly StoredCode[], views: ReadonlyArray<{ codeIds: string[]; section: string | null; deletedAt: string | null }>, columns: readonly string[]) {
  const parent = new Map(codes.map((c) => [c.id, c.parentId]));
  const under = (id: string, row: string) => {
    for (let at: string | null | undefined = id; at != null; at = parent.get(at)) if (at === row) return true;
    return false;
  };
  return codes.map((row) => {
    const counts = columns.map(() => 0);
    let total = 0;
    for (const v of views) {
      if (v.deletedAt !== null || !v.codeIds.some((id) => under(id, row.id))) continue;
      total++;
      const c = v.section === null ? -1 : columns.indexOf(v.section);
      if (c >= 0) counts[c]!++;
    }
    return { codeId: row.id, counts, total };
  });
}

/** Co-occurrence by the plain walk: every annotation, then every pair of annotations. */
function peerCoOccurrence(views: ReadonlyArray<{ codeIds: string[]; start: number; end: number; deletedAt: string | null; anchor: { status: string } }>) {
  const live = views.filter((v) => v.deletedAt === null && v.codeIds.length > 0);
  const counts = new Map<string, number>();
  const bump = (a: string, b: string) => {
    const key = a < b ? `${a} ${b}` : `${b} ${a}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  };
  for (const v of live) for (let i = 0; i < v.codeIds.length; i++) for (let j = i + 1; j < v.codeIds.length; j++) bump(v.codeIds[i]!, v.codeIds[j]!);
  const placed = live.filter((v) => v.anchor.status !== 'orphan');
  for (let i = 0; i < placed.length; i++) {
    for (let j = i + 1; j < placed.length; j++) {
      const x = placed[i]!;
      const y = placed[j]!;
      if (!(x.start < y.end && y.start < x.end)) continue;
      const seen = new Set<string>();
      for (const a of x.codeIds) {
        for (const b of y.codeIds) {
          const key = a < b ? `${a} ${b}` : `${b} ${a}`;
          if (a === b || seen.has(key)) continue;
          seen.add(key);
          bump(a, b);
        }
      }
    }
  }
  return counts;
}

function sameMatrix(ours: CodingMatrix, peer: ReturnType<typeof peerMatrix>): boolean {
  const byId = new Map(peer.map((r) => [r.codeId, r]));
  return ours.rows.length === peer.length && ours.rows.every((r) => {
    const p = byId.get(r.codeId);
    return p !== undefined && p.total === r.total && p.counts.every((n, i) => n === r.counts[i]);
  });
}

function samePairs(ours: CoOccurrence[], peer: Map<string, number>): boolean {
  return ours.length === peer.size && ours.every((p) => peer.get(`${p.a} ${p.b}`) === p.count);
}

/** Runs B9. */
export async function benchCodebookAnalysis(report: ReportModel, records: StoredAnnotation[], runs: number): Promise<CaseResult[]> {
  const codes = benchCodebook();
  const doc = { ...emptyDoc(), codes, annotations: coded(records, codes) };
  const service = createServiceFromParts(report, new MemoryStore({ doc }));
  const views = await service.impl.listAnnotations(undefined);
  const matrixInput = { rows: 'codes', columns: 'sections' } as const;
  const columns = (await service.impl.codingMatrix(matrixInput)).columns.map((c) => c.id);
  const answers: { matrix?: CodingMatrix; pairs?: CoOccurrence[]; peerMatrix?: ReturnType<typeof peerMatrix>; peerPairs?: Map<string, number> } = {};
  const matrix = await alternate(
    {
      ours: () => timeOnce(async () => (answers.matrix = await service.impl.codingMatrix(matrixInput))),
      peer: () => timeOnce(() => (answers.peerMatrix = peerMatrix(codes, views, columns))),
    },
    { runs, warmup: 1 },
  );
  const pairs = await alternate(
    {
      ours: () => timeOnce(async () => (answers.pairs = await service.impl.coOccurrence(undefined))),
      peer: () => timeOnce(() => (answers.peerPairs = peerCoOccurrence(views))),
    },
    { runs, warmup: 1, runsOf: { peer: 3 } },
  );
  const rebuilds: number[] = [];
  for (let i = 0; i < 3; i++) {
    const copies = views.map((v) => ({ ...v }));
    rebuilds.push(await timeOnce(() => coOccurrence(codebookOf(doc.codes), copies)));
  }
  if (!sameMatrix(answers.matrix!, answers.peerMatrix!)) throw new Error('B9: the coding matrix differs from the plain walk’s.');
  if (!samePairs(answers.pairs!, answers.peerPairs!)) throw new Error('B9: co-occurrence differs from the plain walk’s.');
  const size = `${records.length.toLocaleString('en')} annotations and ${codes.length} codes`;
  const result = (id: string, what: string, samples: { ours?: number[]; peer?: number[] }, details: Record<string, unknown>): CaseResult => {
    const ours = median(samples.ours!);
    const peer = median(samples.peer!);
    return {
      id,
      case: `${what} over ${size}`,
      ours_ms: ours,
      peer_ms: peer,
      ratio: peer / ours,
      ratio_of: 'peer/ours',
      target: '≤ 20 ms (median)',
      met: ours <= 20,
      runs,
      details,
    };
  };
  return [
    result('B9-matrix', 'coding matrix (codes × sections, descendants rolled up)', matrix, {
      ours: 'service codingMatrix({ rows: "codes", columns: "sections" }), views cached',
      peer: 'each code against each annotation, walking each applied code’s parents',
      rows: answers.matrix!.rows.length,
    }),
    result('B9-cooccurrence', 'co-occurrence (same annotation and overlapping passages)', pairs, {
      ours: 'service coOccurrence(): a sweep over the passages in document order over typed arrays, the index of the views kept while they are unchanged',
      peer: 'every pair of annotations checked for overlap',
      pairs: answers.pairs!.length,
      rebuild_ms: median(rebuilds),
    }),
  ];
}
