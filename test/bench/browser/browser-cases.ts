/**
 * B1, B3 and B4 in headless Chromium (the end-to-end tests' binary and flags):
 * the bench page is built with Vite, served on 127.0.0.1, and each sample is one
 * call into the page; Fieldmark and its peers alternate in the same page.
 */
import { chromium, type Page } from 'playwright-core';
import { rm } from 'node:fs/promises';
import type { Report } from '../../../preload/contract';
import type { StoredAnnotation } from '../../../main/core/store-schema';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../e2e/support/chromium';
import { alternate, median } from '../harness/measure';
import type { CaseResult } from '../harness/results';
import type { B1Mode, BenchAnnotation, BenchPageData, SearchRun, TimedResult } from './page/api';
import { buildBenchPage } from './build-page';
import { serveStatic } from './static-server';

export const SEARCH_TERMS = ['trafficking', 'TITP', 'government'] as const;

export interface BrowserCaseOptions {
  runs: number;
  /** Kept runs for the slow peers (Hypothesis-style pipeline, mark.js over the 100× document, React's 100× list). */
  slowRuns: number;
  log(line: string): void;
}

function benchAnnotations(records: readonly StoredAnnotation[]): BenchAnnotation[] {
  return records.map((r) => {
    const [position, quote] = r.target.selector;
    return {
      id: r.id,
      color: r.color,
      start: position.start,
      end: position.end,
      exact: quote.exact,
      prefix: quote.prefix,
      suffix: quote.suffix,
      sha256: r.target.sha256,
    };
  });
}

const plainReport = (r: Report): Report => ({
  title: r.title,
  country: r.country,
  year: r.year,
  tier: r.tier,
  sha256: r.sha256,
  text: r.text,
  blocks: r.blocks,
});

/** Keeps each contender's busy times (main-thread work without the wait for the display's refresh). */
class BusyTimes {
  private readonly times = new Map<string, number[]>();

  add(name: string, result: TimedResult): number {
    const list = this.times.get(name) ?? [];
    list.push(result.busyMs);
    this.times.set(name, list);
    return result.ms;
  }

  medians(...names: string[]): Record<string, number> {
    return Object.fromEntries(names.map((n) => [n, median(this.times.get(n) ?? [NaN])]));
  }
}

const BUSY_NOTE =
  'busyMs: median main-thread time without the wait for the display’s next refresh (the synchronous work plus the frame’s style, layout and paint); the table’s figures include that wait, as a user sees them';

function b1Sample(page: Page, mode: B1Mode, counts: Map<string, number>, busy: BusyTimes): () => Promise<number> {
  return async () => {
    const result = await page.evaluate((m) => window.fieldmarkBench.b1(m), mode);
    counts.set(mode, result.count);
    return busy.add(mode, result);
  };
}

/** Runs the browser cases and returns their results and the browser's version. */
export async function benchBrowser(
  report: Report,
  big: Report,
  records: readonly StoredAnnotation[],
  { runs, slowRuns, log }: BrowserCaseOptions,
): Promise<{ results: CaseResult[]; chromium: string }> {
  log('building the bench page (Vite)…');
  const dir = await buildBenchPage();
  const server = await serveStatic(dir);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const errors: string[] = [];
  try {
    const version = `Chromium ${browser.version()}`;
    const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
    page.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(msg.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(server.url);
    await page.waitForFunction(() => typeof window.fieldmarkBench === 'object');
    const data: BenchPageData = { report: plainReport(report), annotations: benchAnnotations(records), big: plainReport(big) };
    await page.evaluate((d) => window.fieldmarkBench.load(d), data);
    const results: CaseResult[] = [];

    log(`B1: open the report and paint ${records.length.toLocaleString('en')} highlights…`);
    const counts = new Map<string, number>();
    const b1Busy = new BusyTimes();
    const b1 = await alternate(
      {
        ours: b1Sample(page, 'ours', counts, b1Busy),
        floor: b1Sample(page, 'floor', counts, b1Busy),
        hypothesis: b1Sample(page, 'hypothesis', counts, b1Busy),
        markjs: b1Sample(page, 'markjs', counts, b1Busy),
      },
      { runs, warmup: 1, runsOf: { hypothesis: slowRuns } },
    );
    const ours = median(b1.ours!);
    const floor = median(b1.floor!);
    const hyp = median(b1.hypothesis!);
    const mk = median(b1.markjs!);
    const b1Details = {
      painted: { ours: counts.get('ours'), hypothesisHighlighted: counts.get('hypothesis'), markjsMarkElements: counts.get('markjs') },
      frame: 'each sample starts just after a frame and ends once the next frame showing the result has been produced (rAF, then a task)',
      oursIncludes: 'reanchorAll over the stored selectors (the service’s resolution), TextSurface.render, HighlightPainter.paint',
      busyMs: b1Busy.medians('ours', 'floor', 'hypothesis', 'markjs'),
      busyNote: BUSY_NOTE,
    };
    results.push(
      {
        id: 'B1-hypothesis',
        case: `open the report and paint ${records.length.toLocaleString('en')} highlights, to the next frame, vs a Hypothesis-style pipeline`,
        ours_ms: ours,
        peer_ms: hyp,
        floor_ms: floor,
        ratio: hyp / ours,
        ratio_of: 'peer/ours',
        target: '≥ 30×',
        met: hyp / ours >= 30,
        runs,
        details: { ...b1Details, peerRuns: slowRuns },
      },
      {
        id: 'B1-markjs',
        case: `open the report and paint ${records.length.toLocaleString('en')} highlights, to the next frame, vs mark.js markRanges`,
        ours_ms: ours,
        peer_ms: mk,
        floor_ms: floor,
        ratio: mk / ours,
        ratio_of: 'peer/ours',
        target: '≥ 10×',
        met: mk / ours >= 10,
        runs,
        details: {
          markjsSkipsOverlaps: 'mark.js markRanges skips ranges that overlap an earlier one, so it paints fewer',
          busyMs: b1Details.busyMs,
        },
      },
      {
        id: 'B1-baseline',
        case: `open the report with ${records.length.toLocaleString('en')} highlights vs the same page with none`,
        ours_ms: ours,
        peer_ms: null,
        floor_ms: floor,
        ratio: ours / floor,
        ratio_of: 'ours/floor',
        target: '≤ 1.3× the same page with no highlights',
        met: ours / floor <= 1.3,
        runs,
        details: { busyMs: b1Details.busyMs },
      },
    );

    log('B3: search the 100× document…');
    const foldMs = await page.evaluate(() => window.fieldmarkBench.b3Prepare());
    const clears = { ours: [] as TimedResult[], peer: [] as TimedResult[] };
    for (const term of SEARCH_TERMS) {
      const found = { ours: -1, peer: -1 };
      const busy = new BusyTimes();
      const sample = (mode: 'ours' | 'peer') => async () => {
        const run: SearchRun = await page.evaluate(([m, t]) => window.fieldmarkBench.b3(m, t), [mode, term] as const);
        found[mode] = run.search.count;
        clears[mode].push(run.clear);
        return busy.add(mode, run.search);
      };
      const s = await alternate({ ours: sample('ours'), peer: sample('peer') }, { runs, warmup: 1, runsOf: { peer: slowRuns } });
      const o = median(s.ours!);
      const p = median(s.peer!);
      results.push({
        id: `B3-${term}`,
        case: `search “${term}” in the 100× document until the results are visible`,
        ours_ms: o,
        peer_ms: p,
        ratio: p / o,
        ratio_of: 'peer/ours',
        target: '≥ 20×, identical counts',
        met: p / o >= 20 && found.ours === found.peer,
        runs,
        details: {
          count: { ours: found.ours, peer: found.peer },
          peerRuns: slowRuns,
          oursIncludes: 'matcher.find on the folded copy, MatchPainter.setMatches/setCurrent (marks in and near the viewport), to the next frame',
          preparedWhenFindOpens: `folding the 100× text once when the find bar opens: ${foldMs.toFixed(1)} ms (not in the samples)`,
          busyMs: busy.medians('ours', 'peer'),
          busyNote: BUSY_NOTE,
        },
      });
    }
    const clearSync = { ours: median(clears.ours.map((c) => c.syncMs)), peer: median(clears.peer.map((c) => c.syncMs)) };
    const clearFrame = { ours: median(clears.ours.map((c) => c.ms)), peer: median(clears.peer.map((c) => c.ms)) };
    results.push({
      id: 'B3-clear',
      case: 'clear the find results in the 100× document (main-thread time of the clear)',
      ours_ms: clearSync.ours,
      peer_ms: clearSync.peer,
      ratio: clearSync.ours,
      ratio_of: 'ours ms',
      target: 'clearing in ≤ 2 ms',
      met: clearSync.ours <= 2,
      runs: clears.ours.length,
      details: {
        toNextFrameMs: clearFrame,
        busyMs: { ours: median(clears.ours.map((c) => c.busyMs)), peer: median(clears.peer.map((c) => c.busyMs)) },
        samples: 'every clear after every B3 search (all three terms)',
      },
    });

    log('B4: render the 100× document…');
    const rendered = { ours: 0, peer: 0 };
    const b4Busy = new BusyTimes();
    const b4Sample = (mode: 'ours' | 'peer') => async () => {
      const r = await page.evaluate((m) => window.fieldmarkBench.b4(m), mode);
      rendered[mode] = r.count;
      return b4Busy.add(mode, r);
    };
    const b4 = await alternate({ ours: b4Sample('ours'), peer: b4Sample('peer') }, { runs, warmup: 1, runsOf: { peer: slowRuns } });
    const b4o = median(b4.ours!);
    const b4p = median(b4.peer!);
    results.push({
      id: 'B4',
      case: 'render the 100× document to the first frame',
      ours_ms: b4o,
      peer_ms: b4p,
      ratio: b4p / b4o,
      ratio_of: 'peer/ours',
      target: '≥ 6×, and ≤ 80 ms',
      met: b4p / b4o >= 6 && b4o <= 80,
      runs,
      details: { blocks: rendered, peerRuns: slowRuns, busyMs: b4Busy.medians('ours', 'peer'), busyNote: BUSY_NOTE },
    });
    if (errors.length > 0) throw new Error(`The bench page reported errors:\n${errors.join('\n')}`);
    return { results, chromium: version };
  } finally {
    await browser.close();
    await server.close();
    await rm(dir, { recursive: true, force: true });
  }
}
