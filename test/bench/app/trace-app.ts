/**
 * Chrome performance traces of a built Fieldmark (not only the old app, as
 * trace-old.ts does): one open of the app until the panel is ready, and one
 * kept round of B12's interactions, at `count` annotations. Build the folder
 * unminified (`npx vite build --minify false`) so the profile names functions.
 * Writes the traces and their summaries (trace-summary.ts) to `outDir`:
 *   npx tsx test/bench/app/trace-app.ts <built root> [count] [outDir] [storeKey]
 * With a `storeKey` the seeded store is kept in os.tmpdir() under that key and
 * reused, so two builds with the same store format can be traced on one store.
 */
import { chromium, type Browser } from 'playwright-core';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../e2e/support/chromium';
import { loadBenchReport } from '../fixtures/report';
import { startApp } from './app-host';
import { probeScript } from './probe-script';
import { freshCopy, seededTemplate } from './seed';
import { summariseTrace } from './trace-summary';
import { runTracedRound, TRACE_CATEGORIES } from './traced-round';

const log = (line: string) => process.stderr.write(`[trace] ${line}\n`);

/** Traces one open (after a warm-up open) from navigation to the panel ready; the step is named "open". */
async function traceOpen(browser: Browser, root: string, template: string, scratch: string, count: number, file: string): Promise<void> {
  const dataDir = await freshCopy(template, scratch);
  const app = await startApp(root, dataDir);
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  try {
    await context.addInitScript({ content: `${probeScript(count)}\nperformance.mark('b12:open');` });
    const page = await context.newPage();
    const ready = () =>
      page.waitForFunction(() => (window as unknown as { __b12?: { marks(): Record<string, number> } }).__b12?.marks().panelReady !== undefined, undefined, {
        timeout: 120_000,
        polling: 50,
      });
    await page.goto(app.url);
    await ready();
    await browser.startTracing(page, { path: file, categories: TRACE_CATEGORIES });
    await page.goto(app.url);
    await ready();
    await page.evaluate(() => performance.mark('b12:end'));
    await browser.stopTracing();
  } finally {
    await context.close();
    await app.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

const root = path.resolve(process.argv[2] ?? '.');
const count = Number(process.argv[3] ?? 10_000);
const outDir = process.argv[4] ?? path.join(tmpdir(), 'fieldmark-app-traces');
const storeKey = process.argv[5];
await mkdir(outDir, { recursive: true });
const report = await loadBenchReport();
const scratch = await mkdtemp(path.join(tmpdir(), 'fieldmark-trace-'));
const template = await seededTemplate(root, report, count, storeKey ? { scratch, cacheKey: storeKey } : { scratch }, log);
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
try {
  const openFile = path.join(outDir, `open-${count}.json`);
  await traceOpen(browser, root, template, scratch, count, openFile);
  await writeFile(path.join(outDir, `open-${count}-summary.json`), `${JSON.stringify(await summariseTrace(openFile), null, 2)}\n`);
  const roundFile = path.join(outDir, `round-${count}.json`);
  const result = await runTracedRound(browser, { root, template, scratch, total: count, text: report.text, capMs: 60_000, log }, roundFile);
  const summary = { count, samples: result.samples, opens: result.opens, steps: await summariseTrace(roundFile) };
  await writeFile(path.join(outDir, `round-${count}-summary.json`), `${JSON.stringify(summary, null, 2)}\n`);
  // The same steps cut at the frame that showed each result: only the work the user waited for.
  const timed = await summariseTrace(roundFile, result.samples.map((s) => s.ms));
  await writeFile(path.join(outDir, `round-${count}-timed.json`), `${JSON.stringify({ count, samples: result.samples, steps: timed }, null, 2)}\n`);
  log(`wrote ${outDir}`);
} finally {
  await browser.close();
  await rm(scratch, { recursive: true, force: true });
}
