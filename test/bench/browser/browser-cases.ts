/**
 * B1, B3 and B4 in headless Chromium (the end-to-end tests' binary and flags):
 * the bench page is built with Vite, served on 127.0.0.1, and each sample is one
 * call into the page; Fieldmark and its peers alternate in the same page.
 */
import { chromium, type Page } from 'playwright-core';
import { rm } from 'node:fs/promises';
import type { Report } from '../../../preload/contract';
import type { StoredAnnotation } from '../../../main/core/store/store-schema';
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

const BUSY_NOTE =
  'busyMs: median main-thread time without the wait for the display’s next refresh (the synchronous work plus the frame’s style, layout and paint); toFrameMs include that wait, as a user sees them. Warm-up runs are in neither.';

const med = (values: readonly TimedResult[], pick: (r: TimedResult) => number): number => median(values.map(pick));
const busyOf = (r: TimedResult) => r.busyMs;
const toFrameOf = (r: TimedResult) => r.ms;

/** Peer ÷ ours, where ours could be at or below zero (added work lost in the noise): then not measurable, reported as null. */
function ratioOfAdded(peer: number, ours: number): number {
  return ours > 0 ? peer / ours : Number.POSITIVE_INFINITY;
}

/** B1: open the report and paint the highlights; the cost each side adds over opening it with none. */
async function b1Cases(page: Page, records: number, { runs, slowRuns }: BrowserCaseOptions): Promise<CaseResult[]> {
  const sample = (mode: B1Mode) => () => page.evaluate((m) => window.fieldmarkBench.b1(m), mode);
  const s = await alternate<TimedResult>(
    { ours: sample('ours'), floor: sample('floor'), hypothesis: sample('hypothesis'), markjs: sample('markjs') },
    { runs, warmup: 1, runsOf: { hypothesis: slowRuns } },
  );
  const busy = { ours: med(s.ours!, busyOf), floor: med(s.floor!, busyOf), hypothesis: med(s.hypothesis!, busyOf), markjs: med(s.markjs!, busyOf) };
  const toFrame = { ours: med(s.ours!, toFrameOf), floor: med(s.floor!, toFrameOf), hypothesis: med(s.hypothesis!, toFrameOf), markjs: med(s.markjs!, toFrameOf) };
  const added = { ours: busy.ours - busy.floor, hypothesis: busy.hypothesis - busy.floor, markjs: busy.markjs - busy.floor };
  const n = records.toLocaleString('en');
  const details = {
    addedMs: added,
    busyMs: busy,
    toFrameMs: toFrame,
    addedToFrameMs: { ours: toFrame.ours - toFrame.floor, hypothesis: toFrame.hypothesis - toFrame.floor, markjs: toFrame.markjs - toFrame.floor },
    painted: { ours: s.ours!.at(-1)!.count, hypothesisHighlighted: s.hypothesis!.at(-1)!.count, markjsMarkElements: s.markjs!.at(-1)!.count },
    added: 'median busy time of the side minus the median busy time of the floor (the same page opened with no highlights)',
    oursIncludes: 'reanchorAll over the stored selectors (the service’s resolution), TextSurface.render, HighlightPainter.paint',
    busyNote: BUSY_NOTE,
    runs: { ours: runs, floor: runs, markjs: runs, hypothesis: slowRuns },
  };
  const vsPeer = (id: string, peer: 'hypothesis' | 'markjs', label: string, times: number): CaseResult => {
    const ratio = ratioOfAdded(added[peer], added.ours);
    return {
      id,
      case: `work added by painting ${n} highlights when opening the report, vs ${label}`,
      ours_ms: added.ours,
      peer_ms: added[peer],
      floor_ms: busy.floor,
      ratio,
      ratio_of: 'peer added / ours added',
      target: `≥ ${times}× less added work`,
      met: ratio >= times,
      runs,
      details,
    };
  };
  return [
    vsPeer('B1-hypothesis', 'hypothesis', 'a Hypothesis-style pipeline', 50),
    {
      ...vsPeer('B1-markjs', 'markjs', 'mark.js markRanges', 10),
      details: { ...details, markjsSkipsOverlaps: 'mark.js markRanges skips ranges that overlap an earlier one, so it paints fewer' },
    },
    {
      id: 'B1-baseline',
      case: `open the report with ${n} highlights vs the same page with none, to the next frame`,
      ours_ms: toFrame.ours,
      peer_ms: null,
      floor_ms: toFrame.floor,
      ratio: toFrame.ours / toFrame.floor,
      ratio_of: 'ours/floor',
      target: '≤ 1.3× the same page with no highlights',
      met: toFrame.ours / toFrame.floor <= 1.3,
      runs,
      details,
    },
  ];
}

/** B3: search the 100× document (one case per term), then clearing (batched), against mark.js. */
async function b3Cases(page: Page, { runs, slowRuns }: BrowserCaseOptions): Promise<CaseResult[]> {
  const foldMs = await page.evaluate(() => window.fieldmarkBench.b3Prepare());
  const results: CaseResult[] = [];
  const clears = { ours: [] as SearchRun[], peer: [] as SearchRun[] };
  for (const term of SEARCH_TERMS) {
    const sample = (mode: 'ours' | 'peer') => () => page.evaluate(([m, t]) => window.fieldmarkBench.b3(m, t), [mode, term] as const);
    const s = await alternate<SearchRun>({ ours: sample('ours'), peer: sample('peer') }, { runs, warmup: 1, runsOf: { peer: slowRuns } });
    clears.ours.push(...s.ours!);
    clears.peer.push(...s.peer!);
    const ours = s.ours!.map((r) => r.search);
    const peer = s.peer!.map((r) => r.search);
    const busy = { ours: med(ours, busyOf), peer: med(peer, busyOf) };
    const count = { ours: ours.at(-1)!.count, peer: peer.at(-1)!.count };
    const frames = ours.map((r) => r.frames ?? Number.POSITIVE_INFINITY);
    const firstFrame = frames.every((f) => f === 1);
    results.push({
      id: `B3-${term}`,
      case: `search “${term}” in the 100× document: main-thread work until the results are visible`,
      ours_ms: busy.ours,
      peer_ms: busy.peer,
      ratio: busy.peer / busy.ours,
      ratio_of: 'peer/ours',
      target: 'results in the first frame; ≥ 10× less main-thread work than mark.js; identical counts',
      met: firstFrame && busy.peer / busy.ours >= 10 && count.ours === count.peer,
      runs,
      details: {
        framesToVisible: { ours: frames, target: 1 },
        visibleMeans: 'ours: the current match’s mark is inside the reading pane; mark.js: its marks are in the page (it does not scroll)',
        toFrameMs: { ours: med(ours, toFrameOf), peer: med(peer, toFrameOf) },
        count,
        peerRuns: slowRuns,
        oursIncludes: 'matcher.find on the folded copy, MatchPainter.setMatches/setCurrent (marks in and near the viewport), scrolling to the match if needed',
        preparedWhenFindOpens: `folding the 100× text once when the find bar opens: ${foldMs.toFixed(1)} ms (not in the samples)`,
        busyNote: BUSY_NOTE,
      },
    });
  }
  const batchMean = (list: SearchRun[]) => median(list.map((r) => r.clearBatch.meanMs));
  const clearMs = { ours: batchMean(clears.ours), peer: batchMean(clears.peer) };
  results.push({
    id: 'B3-clear',
    case: 'clear the find results in the 100× document (main-thread time of one clear)',
    ours_ms: clearMs.ours,
    peer_ms: clearMs.peer,
    ratio: clearMs.ours,
    ratio_of: 'ours ms',
    target: 'clearing in ≤ 2 ms',
    met: clearMs.ours <= 2,
    runs: clears.ours.length,
    details: {
      batched: 'each sample: clears repeated (each after an untimed search and paint, with layout brought up to date) until they add up to ≥ 50 ms; the mean of one clear',
      repsPerSample: { ours: median(clears.ours.map((r) => r.clearBatch.reps)), peer: median(clears.peer.map((r) => r.clearBatch.reps)) },
      oneClearToFrameMs: { ours: med(clears.ours.map((r) => r.clear), toFrameOf), peer: med(clears.peer.map((r) => r.clear), toFrameOf) },
      oneClearBusyMs: { ours: med(clears.ours.map((r) => r.clear), busyOf), peer: med(clears.peer.map((r) => r.clear), busyOf) },
      samples: 'every kept sample of every B3 search (all three terms)',
    },
  });
  return results;
}

/** B4: render the 100× document to the first frame, against React rendering the same markup. */
async function b4Case(page: Page, { runs, slowRuns }: BrowserCaseOptions): Promise<CaseResult> {
  const sample = (mode: 'ours' | 'peer') => () => page.evaluate((m) => window.fieldmarkBench.b4(m), mode);
  const s = await alternate<TimedResult>({ ours: sample('ours'), peer: sample('peer') }, { runs, warmup: 1, runsOf: { peer: slowRuns } });
  const blocks = { ours: s.ours!.at(-1)!.count, peer: s.peer!.at(-1)!.count };
  if (blocks.ours !== blocks.peer) throw new Error(`B4: the peer rendered ${blocks.peer} blocks, ours ${blocks.ours}.`);
  const ours = med(s.ours!, toFrameOf);
  const peer = med(s.peer!, toFrameOf);
  return {
    id: 'B4',
    case: 'render the 100× document to the first frame, vs React rendering the same markup and styles',
    ours_ms: ours,
    peer_ms: peer,
    ratio: peer / ours,
    ratio_of: 'peer/ours',
    target: '≥ 3×, and ≤ 80 ms',
    met: peer / ours >= 3 && ours <= 80,
    runs,
    details: {
      blocks,
      peer: 'React 19 createRoot + flushSync rendering TextSurface’s markup (chunks, classes, data attributes, size estimates) in the same reading column',
      peerRuns: slowRuns,
      busyMs: { ours: med(s.ours!, busyOf), peer: med(s.peer!, busyOf) },
      busyNote: BUSY_NOTE,
    },
  };
}

/** Runs the browser cases and returns their results and the browser's version. */
export async function benchBrowser(
  report: Report,
  big: Report,
  records: readonly StoredAnnotation[],
  options: BrowserCaseOptions,
): Promise<{ results: CaseResult[]; chromium: string }> {
  const { log } = options;
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
    results.push(...(await b1Cases(page, records.length, options)));
    log('B3: search the 100× document…');
    results.push(...(await b3Cases(page, options)));
    log('B4: render the 100× document…');
    results.push(await b4Case(page, options));
    if (errors.length > 0) throw new Error(`The bench page reported errors:\n${errors.join('\n')}`);
    return { results, chromium: version };
  } finally {
    await browser.close();
    await server.close();
    await rm(dir, { recursive: true, force: true });
  }
}
