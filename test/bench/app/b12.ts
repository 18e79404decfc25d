/**
 * B12: the real app (browser host, headless Chromium with the end-to-end flags)
 * at 0, 1,000 and 10,000 annotations, each interaction timed from its input
 * event to the next frame showing the result, against the app as it was before
 * issue 12 (PEER_COMMIT), built from git and seeded through its own API.
 *
 * Alone: `npx tsx test/bench/app/b12.ts` (writes bench-results-b12.json).
 * Environment: B12_SIZES=0,1000 limits the stores; B12_PEER_SIZES=0,1000 limits
 * the peer's (at 10,000 one of its rounds can take a quarter of an hour);
 * B12_OURS_ROOT=<built folder> measures that build instead of building the working tree.
 */
import { chromium } from 'playwright-core';
import { spawn } from 'node:child_process';
import { loadavg } from 'node:os';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ReportModel } from '../../../main/core/report/report-model';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../e2e/support/chromium';
import { REPO_ROOT } from '../fixtures/report';
import type { CaseResult } from '../harness/results';
import { runSession, type SessionResult } from './app-session';
import { summarise, type SideFigures } from './b12-figures';
import { buildAtCommit, PEER_COMMIT } from './peer-build';
import { seededTemplate } from './seed';
import { b12Rows } from './b12-rows';

export interface AppBenchOptions {
  /** Kept rounds for Fieldmark (after one warm-up round). */
  runs: number;
  /** Kept rounds for the peer (slow at 10,000: about 43 s to clear a filter). */
  peerRuns: number;
  sizes?: number[];
  log(line: string): void;
}

/** Per-sample cap: a sample that waits this long ends there and is flagged. */
const CAP_MS = 60_000;
export const B12_SIZES = [0, 1_000, 10_000];

function npmBuild(root: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`npm run build exited with ${code}`))));
  });
}

async function oursRoot(log: (line: string) => void): Promise<string> {
  const given = process.env.B12_OURS_ROOT;
  if (given) return path.resolve(given);
  log('B12: building the working tree (npm run build)…');
  await npmBuild(REPO_ROOT);
  return REPO_ROOT;
}

/** Runs B12 and returns its rows (same shape as the other cases) and the browser's version. */
export async function benchApp(report: ReportModel, o: AppBenchOptions): Promise<{ results: CaseResult[]; chromium: string }> {
  const sizes = o.sizes ?? (process.env.B12_SIZES ? process.env.B12_SIZES.split(',').map(Number) : B12_SIZES);
  const peerSizes = process.env.B12_PEER_SIZES ? process.env.B12_PEER_SIZES.split(',').map(Number) : sizes;
  const ours = await oursRoot(o.log);
  const peer = await buildAtCommit(REPO_ROOT, PEER_COMMIT, o.log);
  const scratch = await mkdtemp(path.join(tmpdir(), 'fieldmark-b12-'));
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const figures = new Map<number, { ours: SideFigures; peer: SideFigures | null }>();
    for (const size of sizes) {
      const side = async (name: 'ours' | 'peer', root: string, rounds: number): Promise<SideFigures> => {
        const template = await seededTemplate(root, report, size, name === 'peer' ? { scratch, cacheKey: PEER_COMMIT } : { scratch: path.join(scratch, name) }, o.log);
        o.log(`B12: ${name} at ${size.toLocaleString('en')} annotations (load average ${loadavg()[0]!.toFixed(1)})…`);
        const result: SessionResult = await runSession(browser, {
          root,
          template,
          scratch,
          total: size,
          text: report.text,
          opens: rounds,
          rounds,
          capMs: CAP_MS,
          log: o.log,
        });
        return summarise(result, rounds);
      };
      figures.set(size, { ours: await side('ours', ours, o.runs), peer: peerSizes.includes(size) ? await side('peer', peer, o.peerRuns) : null });
    }
    return { results: b12Rows(figures, { ours, peerCommit: PEER_COMMIT, capMs: CAP_MS }), chromium: `Chromium ${browser.version()}` };
  } finally {
    await browser.close();
    await rm(scratch, { recursive: true, force: true });
  }
}

/** `npx tsx test/bench/app/b12.ts`: B12 alone, written to bench-results-b12.json in the working directory. */
async function main(): Promise<void> {
  const { loadBenchReport } = await import('../fixtures/report');
  const { machineInfo } = await import('../harness/machine');
  const { machineLine, resultsTable, writeResults } = await import('../harness/results');
  const started = performance.now();
  const log = (line: string) => process.stderr.write(`[b12 ${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}\n`);
  const runs = Number(process.env.B12_RUNS ?? 7);
  const { results, chromium: version } = await benchApp(await loadBenchReport(), { runs, peerRuns: Number(process.env.B12_PEER_RUNS ?? 5), log });
  const machine = machineInfo(version);
  const durationSeconds = Math.round((performance.now() - started) / 100) / 10;
  const file = path.resolve('bench-results-b12.json');
  await writeResults(file, { generatedAt: new Date().toISOString(), durationSeconds, machine, results });
  process.stdout.write(`\nMachine: ${machineLine(machine)}; load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}\n\n${resultsTable(results)}\n\nWrote ${file}.\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
