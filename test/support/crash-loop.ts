/**
 * Drives the SIGKILL test: starts test/support/crash-writer.ts on a data folder,
 * kills it with SIGKILL at a random moment (sometimes while it is still opening
 * the store, usually in the middle of its write loop), then reopens the store in
 * this process and checks, with test/support/crash-check.ts, the lines the writer
 * printed (every acknowledged creation, and the latest acknowledged edit of every
 * annotation, is on disk), that the snapshot on disk parses and validates, and
 * that no recovery notice appeared.
 * Repeats on the same folder, so each run starts from the previous run's wreckage.
 */
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { SNAPSHOT_FILE } from '../../main/core/store/journal-adapter';
import { decodeSnapshot } from '../../main/core/store/snapshot-codec';
import { openStoreAs, storeKindEnv, testCipher, type StoreKind } from './protected-store';
import type { StoreDoc } from '../../main/core/store/store-schema';
import { checkAfterKill, EMPTY_LOG, type DiskAnnotation } from './crash-check';
import { parseEvent, type CrashEvent } from './crash-log';
import { prng, REPO_ROOT } from './store-fixtures';

export interface CrashLoopResult {
  kills: number;
  /** Kills that landed before the child reported `ready`. */
  killedWhileOpening: number;
  /** Creations acknowledged by the children (each checked after every later kill). */
  creationsAcknowledged: number;
  /** Edits acknowledged by the children (notes and assessments). */
  editsAcknowledged: number;
  /** Links acknowledged by the children (each checked live after every later kill). */
  linksAcknowledged: number;
  /** Of the edits, assessment (rationale) edits. */
  assessmentEditsAcknowledged: number;
  /** Per kill, the annotations whose latest acknowledged edit was compared with the disk. */
  editsChecked: number;
  /** Broken promises found by test/support/crash-check.ts, one line each (repeated after every later kill). */
  violations: string[];
  /** The annotations those lines are about, each once. */
  violatedIds: string[];
  /** Notices shown on reopen (a kill must never need recovery). */
  notices: string[];
}

interface ChildOutcome {
  lines: string[];
  sawReady: boolean;
}

async function runChild(dataDir: string, run: number, random: () => number, kind: StoreKind): Promise<ChildOutcome> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/crash-writer.ts', dataDir, String(run)], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...(await storeKindEnv(kind)) },
  });
  let out = '';
  let err = '';
  let sawReady = false;
  let killTimer: NodeJS.Timeout | undefined;
  const killAfter = (ms: number) => {
    clearTimeout(killTimer);
    killTimer = setTimeout(() => child.kill('SIGKILL'), ms);
  };
  const earlyKill = random() < 0.2;
  // Early kills land anywhere in start-up: module loading, lock, load, open-time compaction, launch backup.
  if (earlyKill) killAfter(Math.floor(random() * 1500));
  else killAfter(30_000); // safety net: a child that never becomes ready is killed and reported
  const lateDelay = Math.floor(random() * 250);
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    out += chunk;
    if (!sawReady && out.startsWith('ready\n')) {
      sawReady = true;
      if (!earlyKill) killAfter(lateDelay);
    }
  });
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => (err += chunk));
  const { code, signal } = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (exitCode, exitSignal) => resolve({ code: exitCode, signal: exitSignal })),
  );
  clearTimeout(killTimer);
  if (signal !== 'SIGKILL') throw new Error(`crash-writer exited by itself (code ${code}): ${err.slice(0, 2000)}`);
  if (!earlyKill && !sawReady) throw new Error(`crash-writer never became ready: ${err.slice(0, 2000)}`);
  // Only complete lines count: a line is printed after its change was acknowledged.
  const complete = out.slice(0, out.lastIndexOf('\n') + 1);
  return { lines: complete.split('\n').filter((line) => line.length > 0), sawReady };
}

/**
 * What the checker compares: annotations by note, assessments by rationale
 * (the writer keeps a revision there), and live links (the writer never
 * unlinks, so a tombstoned link counts as missing).
 */
function onDisk(doc: StoreDoc): DiskAnnotation[] {
  return [
    ...doc.annotations.map((a) => ({ id: a.id, note: a.note })),
    ...doc.assessments.map((a) => ({ id: a.id, note: a.rationale })),
    ...doc.links.filter((l) => l.deletedAt === null).map((l) => ({ id: l.id, note: '' })),
  ];
}

/** Runs `kills` kill-and-reopen rounds on `dataDir`; run numbers start at `firstRun`. */
export async function runCrashLoop(options: { dataDir: string; kills: number; firstRun: number; kind?: StoreKind }): Promise<CrashLoopResult> {
  const kind = options.kind ?? 'plain';
  const random = prng(options.firstRun);
  const result: CrashLoopResult = { kills: 0, killedWhileOpening: 0, creationsAcknowledged: 0, editsAcknowledged: 0, linksAcknowledged: 0, assessmentEditsAcknowledged: 0, editsChecked: 0, violations: [], violatedIds: [], notices: [] };
  let log = EMPTY_LOG;
  for (let k = 0; k < options.kills; k++) {
    const run = options.firstRun + k;
    const outcome = await runChild(options.dataDir, run, random, kind);
    result.kills++;
    if (!outcome.sawReady) result.killedWhileOpening++;
    const events: CrashEvent[] = outcome.lines.map(parseEvent);
    const store = await openStoreAs(kind, { dataDir: options.dataDir });
    try {
      result.notices.push(...store.status.notices);
      const check = checkAfterKill(onDisk(store.doc), log, events);
      log = check.log;
      result.violations.push(...check.violations.map((v) => `run ${run}: ${v.id} ${v.problem}`));
      for (const { id } of check.violations) if (!result.violatedIds.includes(id)) result.violatedIds.push(id);
      result.creationsAcknowledged += check.creationsAcknowledged;
      result.editsAcknowledged += events.filter((e) => e.kind === 'edited').length;
      result.assessmentEditsAcknowledged += events.filter((e) => e.kind === 'edited' && e.id.startsWith('rec-')).length;
      result.linksAcknowledged += check.linksAcknowledged;
      result.editsChecked += check.editsChecked;
    } finally {
      await store.close();
    }
    decodeSnapshot(await readFile(path.join(options.dataDir, SNAPSHOT_FILE)), { cipher: await testCipher(kind) });
  }
  return result;
}
