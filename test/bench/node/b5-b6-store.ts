/**
 * B5 (durably persist one new annotation with 10,000 / 100,000 in the store;
 * 100 rapid edits) and B6 (cold load), Fieldmark's store (snapshot + append-only
 * journal behind a lowdb adapter) against lowdb's default JSONFile write and
 * JSON.parse of the same bytes.
 */
import { mkdtemp, open, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setImmediate as nextTick } from 'node:timers/promises';
import { encodeJournalLine, SNAPSHOT_FILE } from '../../../main/core/store/journal-adapter';
import type { ReportModel } from '../../../main/core/report/report-model';
import { createServiceFromParts } from '../../../main/core/service/service';
import { openStore } from '../../../main/core/store/store';
import type { StoreOp, StoredAnnotation } from '../../../main/core/store/store-schema';
import { alternate, batchedAsync, median, timeOnce } from '../harness/measure';
import type { CaseResult } from '../harness/results';
import { openLowPeer } from '../peers/lowdb-json-file';
import { docWith, seededStore } from './seeded-store';

export interface StoreCaseOptions {
  runs: number;
  /** Kept runs for the slow sides: the 100,000-annotation cases and lowdb's 100 rapid rewrites. */
  slowRuns: number;
}

/** A fresh annotation to add: a copy of `template` with a new id and time. */
function freshAnnotation(template: StoredAnnotation, n: number): StoredAnnotation {
  const hex = n.toString(16).padStart(12, '0');
  const now = new Date(Date.UTC(2025, 6, 1) + n * 1000).toISOString();
  return { ...template, id: `00000000-0000-4000-8000-${hex}`, createdAt: now, updatedAt: now, note: `New note ${n}` };
}

interface PersistResult {
  ours: number;
  /** The same through the service's createAnnotation (validation, quote, view cache), for the record. */
  service: number;
  peer: number;
  floor: number;
}

/**
 * Median time to make one new annotation durable: ours (the store's apply), the
 * service's createAnnotation, lowdb JSONFile, and a raw append + fsync of our bytes.
 */
async function persistOne(
  report: ReportModel,
  annotations: StoredAnnotation[],
  runs: number,
  peerRuns: number,
  serial: { n: number },
): Promise<PersistResult> {
  const seeded = await seededStore(annotations);
  const { store } = seeded;
  const service = createServiceFromParts(report, store);
  const peerDir = await mkdtemp(path.join(tmpdir(), 'fieldmark-bench-lowdb-'));
  const peer = await openLowPeer(path.join(peerDir, 'db.json'), docWith(annotations.slice()));
  const floorFile = await open(path.join(peerDir, 'raw.journal'), 'a');
  const template = annotations[0]!;
  try {
    const { start, end } = template.target.selector[0];
    // Ours, the service and the floor take well under 1 ms: each sample is a batch of ≥ 50 ms.
    const samples = await alternate(
      {
        ours: () =>
          batchedAsync(
            (): StoreOp => ({ op: 'putAnnotation', value: freshAnnotation(template, serial.n++) }),
            (op) => store.apply([op]),
          ),
        service: () =>
          batchedAsync(
            () => ({ start, end, color: template.color, note: `New note ${serial.n++}` }),
            async (input) => service.impl.createAnnotation(input),
          ),
        peer: async () => {
          const added = freshAnnotation(template, serial.n++);
          const ms = await timeOnce(() => peer.change((data) => data.annotations.push(added)));
          await peer.settle();
          return ms;
        },
        floor: () =>
          batchedAsync(
            () => encodeJournalLine([{ op: 'putAnnotation', value: freshAnnotation(template, serial.n++) }]),
            async (bytes) => {
              await floorFile.appendFile(bytes);
              await floorFile.sync();
            },
          ),
      },
      { runs, warmup: 1, runsOf: { peer: peerRuns } },
    );
    return {
      ours: median(samples.ours!),
      service: median(samples.service!),
      peer: median(samples.peer!),
      floor: median(samples.floor!),
    };
  } finally {
    await floorFile.close();
    await seeded.dispose();
    await rm(peerDir, { recursive: true, force: true });
  }
}

/** Main-thread (event-loop active) time and wall time for `count` edits issued one per tick, until all are saved. */
async function rapidEdits(
  count: number,
  issue: (i: number) => Promise<void>,
): Promise<{ mainThreadMs: number; wallMs: number }> {
  const before = performance.eventLoopUtilization();
  const t0 = performance.now();
  const saved: Array<Promise<void>> = [];
  for (let i = 0; i < count; i++) {
    saved.push(issue(i));
    await nextTick();
  }
  await Promise.all(saved);
  const used = performance.eventLoopUtilization(before);
  return { mainThreadMs: used.active, wallMs: performance.now() - t0 };
}

async function rapid100(annotations: StoredAnnotation[], runs: number, peerRuns: number): Promise<CaseResult> {
  const seeded = await seededStore(annotations);
  const { store } = seeded;
  const peerDir = await mkdtemp(path.join(tmpdir(), 'fieldmark-bench-lowdb-'));
  const peer = await openLowPeer(path.join(peerDir, 'db.json'), docWith(annotations.slice()));
  let round = 0;
  const editOf = (i: number): StoredAnnotation => {
    const original = annotations[(round * 100 + i) % annotations.length]!;
    return { ...original, note: `${original.note} edit ${round}.${i}`, updatedAt: new Date(Date.UTC(2025, 7, 1) + i).toISOString() };
  };
  const wall = { ours: [] as number[], peer: [] as number[] };
  try {
    const samples = await alternate(
      {
        ours: async () => {
          round++;
          const r = await rapidEdits(100, (i) => store.apply([{ op: 'putAnnotation', value: editOf(i) }]));
          wall.ours.push(r.wallMs);
          return r.mainThreadMs;
        },
        peer: async () => {
          round++;
          const r = await rapidEdits(100, (i) => {
            const edited = editOf(i);
            return peer.change((data) => {
              const at = data.annotations.findIndex((a) => a.id === edited.id);
              data.annotations[at] = edited;
            });
          });
          wall.peer.push(r.wallMs);
          await peer.settle();
          return r.mainThreadMs;
        },
      },
      { runs, warmup: 1, runsOf: { peer: peerRuns } },
    );
    const ours = median(samples.ours!);
    const peerMs = median(samples.peer!);
    return {
      id: 'B5-rapid100',
      case: `100 rapid edits (one per event-loop turn) with ${annotations.length.toLocaleString('en')} in the store: main-thread time until all are durable`,
      ours_ms: ours,
      peer_ms: peerMs,
      ratio: ours,
      ratio_of: 'ours ms',
      target: '≤ 50 ms of main-thread time',
      met: ours <= 50,
      runs,
      details: {
        peerRuns: `${peerRuns} runs for lowdb (each of its 100 writes re-serialises the whole store)`,
        measure: 'event-loop active time (performance.eventLoopUtilization) from the first edit until every edit is saved',
        oursWallMs: median(wall.ours),
        peerWallMs: median(wall.peer),
      },
    };
  } finally {
    await seeded.dispose();
    await rm(peerDir, { recursive: true, force: true });
  }
}

/**
 * Median cold open of a store holding the annotations `make()` returns, against
 * JSON.parse of the same snapshot bytes. Nothing but the folder and the bytes is
 * kept while measuring, so the heap is close to a launching app's.
 */
async function coldLoad(
  make: () => StoredAnnotation[],
  runs: number,
): Promise<{ ours: number; peer: number; read: number; bytes: number }> {
  const { dir, store } = await seededStore(make());
  const expected = store.doc.annotations.length;
  await store.close();
  const file = path.join(dir, SNAPSHOT_FILE);
  const bytes = await readFile(file);
  let loaded = 0;
  try {
    const samples = await alternate(
      {
        ours: async () => {
          const t0 = performance.now();
          const opened = await openStore({ dataDir: dir });
          const ms = performance.now() - t0;
          loaded = opened.doc.annotations.length;
          await opened.idle();
          await opened.close();
          return ms;
        },
        peer: () => timeOnce(() => JSON.parse(bytes.toString('utf8'))),
        read: () => timeOnce(() => readFile(file)),
      },
      { runs, warmup: 1 },
    );
    if (loaded !== expected) throw new Error(`The store loaded ${loaded} annotations, expected ${expected}.`);
    return { ours: median(samples.ours!), peer: median(samples.peer!), read: median(samples.read!), bytes: bytes.length };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Runs B5-10k, B5-100k, B5-rapid100, B6-10k and B6-100k. The 100,000 set (~70 MB)
 * is made by `makeHundredK` for each use and dropped after, so it does not sit
 * in the heap (and in every garbage collection) while other things are measured.
 */
export async function benchStore(
  report: ReportModel,
  tenK: StoredAnnotation[],
  makeHundredK: () => StoredAnnotation[],
  { runs, slowRuns }: StoreCaseOptions,
): Promise<CaseResult[]> {
  const serial = { n: 1 };
  const small = await persistOne(report, tenK, runs, runs, serial);
  const big = await persistOne(report, makeHundredK(), runs, slowRuns, serial);
  const rapid = await rapid100(tenK, runs, slowRuns);
  const load10 = await coldLoad(() => tenK, runs);
  const load100 = await coldLoad(makeHundredK, slowRuns);
  const growth = big.ours / small.ours;
  const speedup = small.peer / small.ours;
  const mib = (n: number) => `${(n / 2 ** 20).toFixed(1)} MiB`;
  return [
    {
      id: 'B5-10k',
      case: 'durably persist one new annotation with 10,000 in the store',
      ours_ms: small.ours,
      peer_ms: small.peer,
      floor_ms: small.floor,
      ratio: speedup,
      ratio_of: 'peer/ours',
      target: '≥ 10× (stretch 40×)',
      met: speedup >= 10,
      runs,
      details: {
        stretchMet: speedup >= 40,
        floor: 'the same journal line appended to a file and fsynced (FileHandle.appendFile + sync)',
        peerDurability:
          'lowdb JSONFile writes a temp file and renames it, without fsync; after each lowdb sample the harness fsyncs its file outside the timing, so its unsynced data is not flushed by the next contender’s fsync',
        ours: 'the store’s apply([putAnnotation]), resolved once the journal line is fsynced',
        batched: 'ours, the service and the floor: each sample is the mean of one write over a batch of ≥ 50 ms of writes, one after another (making each new annotation is not timed); lowdb takes far more than 1 ms, so one write per sample',
        serviceCreateAnnotationMs: small.service,
      },
    },
    {
      id: 'B5-100k',
      case: 'durably persist one new annotation with 100,000 in the store',
      ours_ms: big.ours,
      peer_ms: big.peer,
      floor_ms: big.floor,
      ratio: growth,
      ratio_of: 'ours 100k / ours 10k',
      target: '≤ 1.5× the 10,000 case',
      met: growth <= 1.5,
      runs,
      details: { speedupOverPeer: big.peer / big.ours, serviceCreateAnnotationMs: big.service, peerRuns: `${slowRuns} runs for lowdb: it rewrites the whole store each time` },
    },
    rapid,
    {
      id: 'B6-10k',
      case: `cold load of 10,000 annotations (${mib(load10.bytes)} snapshot)`,
      ours_ms: load10.ours,
      peer_ms: load10.peer,
      ratio: load10.ours / load10.peer,
      ratio_of: 'ours/peer',
      target: '≤ 1.3× JSON.parse of the same bytes',
      met: load10.ours / load10.peer <= 1.3,
      runs,
      details: {
        ours: 'openStore() on the data folder: lock, read, UTF-8 check, seal, JSON.parse, full validation of every record (a check compiled from the zod schema proves the document is zod’s result; zod runs on anything it cannot prove), journal, index',
        peer: 'JSON.parse of the snapshot bytes already in memory',
        readFileMs: load10.read,
        readNote: 'readFileMs: reading the same snapshot file (page cache), which a cold load needs and the peer does not',
      },
    },
    {
      id: 'B6-100k',
      case: `cold load of 100,000 annotations (${mib(load100.bytes)} snapshot)`,
      ours_ms: load100.ours,
      peer_ms: load100.peer,
      ratio: load100.ours / load100.peer,
      ratio_of: 'ours/peer',
      target: '≤ 1.3× JSON.parse of the same bytes',
      met: load100.ours / load100.peer <= 1.3,
      runs: slowRuns,
      details: { fewerRuns: `${slowRuns} runs for both: each load parses the whole file`, readFileMs: load100.read },
    },
  ];
}
