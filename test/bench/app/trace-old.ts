/**
 * Issue 12, item 1: Chrome performance traces of B12's interactions on the app
 * as it was before the issue (PEER_COMMIT), at 3,000 annotations, with the
 * renderer built unminified so the profile names React's and our functions.
 * Writes the traces and a summary (trace-summary.ts) to a folder under /tmp:
 *   npx tsx test/bench/app/trace-old.ts [count] [outDir]
 */
import { chromium } from 'playwright-core';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../e2e/support/chromium';
import { loadBenchReport, REPO_ROOT } from '../fixtures/report';
import { buildAtCommit, PEER_COMMIT } from './peer-build';
import { seededTemplate } from './seed';
import { summariseTrace } from './trace-summary';
import { runTracedRound } from './traced-round';

const log = (line: string) => process.stderr.write(`[trace] ${line}\n`);

/** The peer build with its renderer rebuilt without minification (kept next to it). */
async function unminified(peer: string): Promise<string> {
  const dir = `${peer}-unminified`;
  if (existsSync(path.join(dir, '.b12-built'))) return dir;
  await rm(dir, { recursive: true, force: true });
  await cp(peer, dir, { recursive: true, filter: (src) => path.basename(src) !== 'node_modules' || path.dirname(src) !== peer });
  await symlink(path.join(peer, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  await new Promise<void>((resolve, reject) => {
    const child = spawn('npx', ['vite', 'build', '--minify', 'false', '--logLevel', 'warn'], { cwd: dir, stdio: 'inherit' });
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`vite build exited with ${code}`))));
  });
  await writeFile(path.join(dir, '.b12-built'), 'unminified\n');
  return dir;
}

const count = Number(process.argv[2] ?? 3000);
const outDir = process.argv[3] ?? path.join(tmpdir(), 'fieldmark-b12-traces');
await mkdir(outDir, { recursive: true });
const report = await loadBenchReport();
const peer = await buildAtCommit(REPO_ROOT, PEER_COMMIT, log);
const root = await unminified(peer);
const scratch = await mkdtemp(path.join(tmpdir(), 'fieldmark-b12-'));
const template = await seededTemplate(peer, report, count, { scratch, cacheKey: PEER_COMMIT }, log);
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
const traceFile = path.join(outDir, `old-${count}.json`);
try {
  const result = await runTracedRound(browser, { root, template, scratch, total: count, text: report.text, capMs: 60_000, log }, traceFile);
  const summary = await summariseTrace(traceFile);
  const file = path.join(outDir, `old-${count}-summary.json`);
  await writeFile(file, `${JSON.stringify({ count, commit: PEER_COMMIT, samples: result.samples, opens: result.opens, longestTaskMs: result.longestTaskMs, heapMB: result.heapMB, steps: summary }, null, 2)}\n`);
  log(`wrote ${traceFile} and ${file}`);
} finally {
  await browser.close();
  await rm(scratch, { recursive: true, force: true });
}
