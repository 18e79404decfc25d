/**
 * One B12 round of interactions recorded as a Chrome trace, with each timed
 * step marked (`b12:<step>`) so the summary can split the trace by step. Used
 * by trace-app.ts (any build) and trace-old.ts (the app before issue 12).
 */
import type { Browser, Page } from 'playwright-core';
import { runSession, type SessionOptions, type SessionResult } from './app-session';

/** What the traces record: timeline, frames, user timing, V8 execution, CPU profile, GC, loading, input latency. */
export const TRACE_CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.frame',
  'blink.user_timing',
  'v8.execute',
  'disabled-by-default-v8.cpu_profiler',
  'disabled-by-default-v8.gc',
  'loading',
  'latencyInfo',
];

type RoundOptions = Omit<SessionOptions, 'opens' | 'rounds' | 'onStep' | 'aroundRound'>;

/** Runs one open and one kept round (after the warm-up), tracing the kept round into `traceFile`. */
export async function runTracedRound(browser: Browser, options: RoundOptions, traceFile: string): Promise<SessionResult> {
  let current: Page | null = null;
  return runSession(browser, {
    ...options,
    opens: 1,
    rounds: 1,
    onStep: async (step) => {
      await current?.evaluate((s) => performance.mark(`b12:${s}`), step);
    },
    aroundRound: async (page, _round, run) => {
      current = page;
      await browser.startTracing(page, { path: traceFile, categories: TRACE_CATEGORIES });
      try {
        return await run();
      } finally {
        await browser.stopTracing();
        current = null;
      }
    },
  });
}
