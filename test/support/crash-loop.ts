/**
 * Drives the SIGKILL test: starts test/support/crash-writer.ts on a data folder,
 * kills it with SIGKILL at a random moment (sometimes while it is still opening
 * the store, usually in the middle of its write loop), then reopens the store in
 * this process and checks that every acknowledged change is there, that the
 * snapshot on disk parses and validates, and that no recovery notice appeared.
 * Repeats on the same folder, so each run starts from the previous run's wreckage.
 */
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { decodeSnapshot, SNAPSHOT_FILE } from '../../main/core/journal-adapter';
import { openStore } from '../../main/core/store';
import { prng, REPO_ROOT } from './store-fixtures';

export interface CrashLoopResult {
  kills: number;
  /** Creations acknowledged by the children. */
  created: number;
  /** Note updates acknowledged by the children. */
  updated: number;
  /** Acknowledged creations missing after a reopen. */
  lost: string[];
  /** Annotations whose note went back to a state older than an acknowledged update. */
  regressed: string[];
  /** Notices shown on reopen (a kill must never need recovery). */
  notices: string[];
  /** Kills that landed before the child reported `ready`. */
  killedWhileOpening: number;
}

interface Rev {
  run: number;
  n: number;
}

function parseRev(note: string): Rev | null {
  const match = /^rev (\d+)\.(\d+)$/.exec(note);
  return match ? { run: Number(match[1]), n: Number(match[2]) } : null;
}

interface ChildOutcome {
  lines: string[];
  sawReady: boolean;
}

async function runChild(dataDir: string, run: number, random: () => number): Promise<ChildOutcome> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/crash-writer.ts', dataDir, String(run)], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
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

/** Runs `kills` kill-and-reopen rounds on `dataDir`; run numbers start at `firstRun`. */
export async function runCrashLoop(options: { dataDir: string; kills: number; firstRun: number }): Promise<CrashLoopResult> {
  const random = prng(options.firstRun);
  const result: CrashLoopResult = { kills: 0, created: 0, updated: 0, lost: [], regressed: [], notices: [], killedWhileOpening: 0 };
  const created = new Set<string>();
  const lastAcked = new Map<string, Rev>();
  for (let k = 0; k < options.kills; k++) {
    const run = options.firstRun + k;
    const outcome = await runChild(options.dataDir, run, random);
    result.kills++;
    if (!outcome.sawReady) result.killedWhileOpening++;
    for (const line of outcome.lines) {
      const [kind, id, rev] = line.split(' ');
      if (kind === 'C' && id) {
        created.add(id);
        result.created++;
      } else if (kind === 'U' && id && rev) {
        const [r, n] = rev.split('.').map(Number);
        lastAcked.set(id, { run: r!, n: n! });
        result.updated++;
      }
    }
    const store = await openStore({ dataDir: options.dataDir });
    try {
      result.notices.push(...store.status.notices);
      const byId = new Map(store.doc.annotations.map((a) => [a.id, a]));
      for (const id of created) if (!byId.has(id)) result.lost.push(id);
      for (const [id, acked] of lastAcked) {
        const note = byId.get(id)?.note;
        const stored = note ? parseRev(note) : null;
        const same = stored?.run === acked.run && stored.n === acked.n;
        // A later, unacknowledged update from the run just killed may also have reached the disk.
        const laterInFlight = stored?.run === run && (acked.run !== run || stored.n > acked.n);
        if (!same && !laterInFlight) result.regressed.push(id);
        else if (stored) lastAcked.set(id, stored);
      }
    } finally {
      await store.close();
    }
    decodeSnapshot(await readFile(path.join(options.dataDir, SNAPSHOT_FILE)));
  }
  return result;
}
