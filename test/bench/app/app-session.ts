/**
 * One side at one store size: a fresh copy of the seeded data folder, the host
 * started on it, a page with the probe, then the opens (each a navigation) and
 * the interaction rounds, the long tasks after start-up and the JS heap.
 */
import type { Browser, CDPSession, Page } from 'playwright-core';
import { rm } from 'node:fs/promises';
import { startApp } from './app-host';
import { runRound, type RoundContext, type Sample } from './interactions';
import { probeScript } from './probe-script';
import { freshCopy } from './seed';

export interface SessionOptions {
  root: string;
  template: string;
  scratch: string;
  total: number;
  text: string;
  opens: number;
  /** Kept rounds, after one warm-up round. */
  rounds: number;
  capMs: number;
  log(line: string): void;
  /** Sees each timed step begin and end (the traces mark them). */
  onStep?: RoundContext['onStep'];
  /** Wraps each kept round (the traces record one). */
  aroundRound?(page: Page, round: number, run: () => Promise<Sample[]>): Promise<Sample[]>;
}

export interface OpenSample {
  reportPaintedMs: number;
  panelReadyMs: number;
}

export interface SessionResult {
  opens: OpenSample[];
  samples: Sample[];
  /** Longest task (ms) after the last open's panel was ready, and the longest during that open. */
  longestTaskMs: number;
  longestStartupTaskMs: number;
  /** JS heap in use after a garbage collection: once the panel was ready, and after the rounds (MB). */
  heapMB: { ready: number; end: number };
}

interface ProbeWindow {
  __b12: { marks(): Record<string, number>; longTasks(): Array<{ start: number; duration: number }>; idle(): Promise<void> };
}

async function heapMB(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return Math.round((usedSize / 2 ** 20) * 10) / 10;
}

async function open(page: Page, url: string, capMs: number): Promise<OpenSample> {
  await page.goto(url);
  await page.waitForFunction(() => {
    const m = (window as unknown as ProbeWindow).__b12?.marks();
    return m !== undefined && m.reportPainted !== undefined && m.panelReady !== undefined;
  }, undefined, { timeout: capMs, polling: 100 });
  const marks = await page.evaluate(() => (window as unknown as ProbeWindow).__b12.marks());
  await page.evaluate(() => (window as unknown as ProbeWindow).__b12.idle());
  return { reportPaintedMs: marks.reportPainted!, panelReadyMs: marks.panelReady! };
}

/** Runs the opens and rounds on a fresh copy of the template; the host and folder are gone afterwards. */
export async function runSession(browser: Browser, o: SessionOptions): Promise<SessionResult> {
  const dataDir = await freshCopy(o.template, o.scratch);
  const app = await startApp(o.root, dataDir);
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  const errors: string[] = [];
  try {
    await context.addInitScript({ content: probeScript(o.total) });
    const page = await context.newPage();
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(msg.text());
    });
    const cdp = await context.newCDPSession(page);
    const opens: OpenSample[] = [];
    // The first open fills the HTTP cache and compiles the scripts; it is not kept.
    await open(page, app.url, o.capMs * 3);
    for (let i = 0; i < o.opens; i++) opens.push(await open(page, app.url, o.capMs * 3));
    const ready = await page.evaluate(() => (window as unknown as ProbeWindow).__b12.marks().panelReady!);
    const startupTasks = await page.evaluate(() => (window as unknown as ProbeWindow).__b12.longTasks());
    const heapReady = await heapMB(cdp);

    const ctx: RoundContext = { page, text: o.text, capMs: o.capMs, filterShown: null, ...(o.onStep ? { onStep: o.onStep } : {}) };
    const samples: Sample[] = [];
    for (let round = 0; round <= o.rounds; round++) {
      const run = () => runRound(ctx, round);
      const got = round > 0 && o.aroundRound ? await o.aroundRound(page, round, run) : await run();
      if (round > 0) samples.push(...got);
      const slow = got.filter((s) => s.ms > 5000 || s.capped).map((s) => `${s.interaction} ${(s.ms / 1000).toFixed(1)} s${s.capped ? ' (capped)' : ''}`);
      o.log(`  round ${round}${round === 0 ? ' (warm-up)' : ''}: ${got.length} samples, slowest ${Math.max(...got.map((s) => s.ms)).toFixed(0)} ms${slow.length ? `; over 5 s: ${slow.join(', ')}` : ''}`);
    }
    const tasks = await page.evaluate(() => (window as unknown as ProbeWindow).__b12.longTasks());
    if (errors.length > 0) throw new Error(`the app reported errors:\n${errors.join('\n')}`);
    return {
      opens,
      samples,
      longestTaskMs: Math.max(0, ...tasks.filter((t) => t.start > ready).map((t) => t.duration)),
      longestStartupTaskMs: Math.max(0, ...startupTasks.map((t) => t.duration)),
      heapMB: { ready: heapReady, end: await heapMB(cdp) },
    };
  } finally {
    await context.close();
    await app.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}
