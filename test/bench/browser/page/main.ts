/**
 * The bench page: Fieldmark's real renderer modules (TextSurface, the highlight
 * painter, the find matcher and mark painter, plus the pure re-anchoring the
 * service runs) next to the peers, with the app's own style sheets. The driver
 * (test/bench/browser/browser-cases.ts) calls `window.fieldmarkBench` to run one
 * sample at a time, alternating sides.
 */
import '../../../../renderer/styles/base.css';
import '../../../../renderer/styles/themes.css';
import '../../../../renderer/styles/layout.css';
import '../../../../renderer/styles/reader.css';
import '../../../../renderer/annotations/annotations.css';
import '../../../../renderer/search/find.css';
import './bench.css';
import type { Root } from 'react-dom/client';
import { reanchorAll, type AnchorTarget } from '../../../../main/core/anchoring/re-anchor';
import type { Report } from '../../../../preload/contract';
import { HighlightPainter } from '../../../../renderer/annotations/highlight-painter';
import { TextSurface } from '../../../../renderer/text/text-surface';
import { MatchPainter } from '../../../../renderer/search/match-painter';
import { firstMatchAtOrAfter, matcherFor } from '../../../../renderer/search/matcher';
import { highlightAll, type PeerAnnotation } from '../../peers/hypothesis-highlight';
import { markRanges, markTerm, unmarkAll } from '../../peers/markjs';
import { renderParagraphList } from '../../peers/react-list';
import type { B1Mode, BenchPage, BenchPageData, SearchRun, TimedResult } from './api';

const pane = document.getElementById('reading-pane')!;
const article = document.getElementById('article')!;

let data: BenchPageData | null = null;
let targets: AnchorTarget[] = [];
let peerAnnotations: PeerAnnotation[] = [];
let peerRanges: Array<{ start: number; length: number }> = [];
let surface: TextSurface | null = null;
let peerRoot: Root | null = null;

const channel = new MessageChannel();
const queued: Array<() => void> = [];
channel.port1.onmessage = () => queued.shift()?.();

/** A macrotask without setTimeout's clamping. */
function macrotask(): Promise<void> {
  return new Promise((resolve) => {
    queued.push(resolve);
    channel.port2.postMessage(null);
  });
}

/**
 * Resolves once the next frame has been produced: a rAF callback, then a task
 * after that frame's rendering. Returns when the frame began (the rAF callback).
 */
function nextFrame(): Promise<number> {
  return new Promise((resolve) =>
    requestAnimationFrame(() => {
      const frameStart = performance.now();
      void macrotask().then(() => resolve(frameStart));
    }),
  );
}

function loaded(): BenchPageData {
  if (!data) throw new Error('The bench page has no data: call load() first.');
  return data;
}

/** Maps report offsets to offsets in the article's text content (the blocks' text, concatenated). */
function contentOffsets(report: Report): { text: string; at: (offset: number) => number } {
  const starts: number[] = [];
  let total = 0;
  for (const b of report.blocks) {
    starts.push(total);
    total += b.end - b.start;
  }
  const text = report.blocks.map((b) => report.text.slice(b.start, b.end)).join('');
  const at = (offset: number): number => {
    let lo = 0;
    let hi = report.blocks.length - 1;
    let i = 0;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (report.blocks[mid]!.start <= offset) {
        i = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    const block = report.blocks[i]!;
    return starts[i]! + Math.max(0, Math.min(offset, block.end) - block.start);
  };
  return { text, at };
}

async function reset(): Promise<void> {
  surface?.destroy();
  surface = null;
  peerRoot?.unmount();
  peerRoot = null;
  CSS.highlights.clear();
  article.replaceChildren();
  pane.scrollTop = 0;
  await nextFrame();
  await nextFrame();
}

async function timed(work: () => number): Promise<TimedResult> {
  const t0 = performance.now();
  const count = work();
  const syncMs = performance.now() - t0;
  const frameStart = await nextFrame();
  const end = performance.now();
  return { ms: end - t0, syncMs, busyMs: syncMs + (end - frameStart), count };
}

/** Resolves after the next frame has been produced, with when it began and whether `visible()` held in it. */
function frameShowing(visible: () => boolean): Promise<{ frameStart: number; shown: boolean }> {
  return new Promise((resolve) =>
    requestAnimationFrame(() => {
      const frameStart = performance.now();
      // Reading layout here is what the frame is about to do anyway.
      const shown = visible();
      void macrotask().then(() => resolve({ frameStart, shown }));
    }),
  );
}

const MAX_FRAMES = 10;

/**
 * Like `timed`, but counts the frames until `visible()` holds (at most 10);
 * `ms` and `busyMs` run to the end of that frame, busy time summing each frame's work.
 */
async function timedUntilVisible(work: () => number, visible: () => boolean): Promise<TimedResult> {
  const t0 = performance.now();
  const count = work();
  const syncMs = performance.now() - t0;
  let busyMs = syncMs;
  for (let frames = 1; ; frames++) {
    const { frameStart, shown } = await frameShowing(visible);
    const end = performance.now();
    busyMs += end - frameStart;
    if (shown || frames >= MAX_FRAMES) return { ms: end - t0, syncMs, busyMs, count, frames: shown ? frames : Infinity };
  }
}

const MIN_BATCH_MS = 50;

/** Times `clear` after untimed `paint`s until the clears add up to 50 ms; layout is brought up to date before each clear. */
function batchClears(paint: () => void, clear: () => void): { meanMs: number; reps: number } {
  let total = 0;
  let reps = 0;
  while (total < MIN_BATCH_MS) {
    paint();
    void pane.getBoundingClientRect().height;
    void article.getBoundingClientRect().height;
    const t0 = performance.now();
    clear();
    total += performance.now() - t0;
    reps++;
  }
  return { meanMs: total / reps, reps };
}

function openSurface(report: Report): TextSurface {
  const built = new TextSurface(article, { scroller: pane });
  built.render(report);
  surface = built;
  return built;
}

/** Whether an element is inside the reading pane's visible box. */
function inView(el: HTMLElement | null): boolean {
  if (!el) return false;
  const box = pane.getBoundingClientRect();
  const rect = el.getBoundingClientRect();
  return rect.top >= box.top && rect.bottom <= box.bottom;
}

/** Every block element holds one text node again (what the surface built). */
function assertPristine(s: TextSurface): void {
  for (const el of s.blockElements()) {
    if (el.childNodes.length !== 1 || el.firstChild!.nodeType !== Node.TEXT_NODE) {
      throw new Error(`Block ${el.getAttribute('data-block-id')} was not restored to a single text node after clearing.`);
    }
  }
}

const bench: BenchPage = {
  load(input) {
    data = input;
    targets = input.annotations.map((a) => ({ start: a.start, end: a.end, exact: a.exact, prefix: a.prefix, suffix: a.suffix, sha256: a.sha256 }));
    // The peers anchor in the article's own text (no blank lines between blocks), as a
    // web-page annotator would have recorded them: the same quotes, context and hints in that text.
    const content = contentOffsets(input.report);
    peerAnnotations = input.annotations.map((a) => {
      const start = content.at(a.start);
      const end = content.at(a.end);
      return {
        hint: start,
        quote: {
          exact: content.text.slice(start, end),
          prefix: content.text.slice(Math.max(0, start - 32), start),
          suffix: content.text.slice(end, end + 32),
        },
      };
    });
    peerRanges = input.annotations.map((a) => ({ start: content.at(a.start), length: content.at(a.end) - content.at(a.start) }));
  },

  async b1(mode: B1Mode) {
    const { report, annotations } = loaded();
    await reset();
    return timed(() => {
      switch (mode) {
        case 'floor':
          openSurface(report);
          return 0;
        case 'ours': {
          const resolved = reanchorAll(report.text, targets, { sha256: report.sha256 });
          const views = [];
          for (let i = 0; i < annotations.length; i++) {
            const r = resolved[i]!;
            if (r.status !== 'orphan') views.push({ id: annotations[i]!.id, color: annotations[i]!.color, start: r.start, end: r.end });
          }
          return new HighlightPainter().paint(openSurface(report), views);
        }
        case 'hypothesis':
          openSurface(report);
          return highlightAll(article, peerAnnotations);
        case 'markjs':
          openSurface(report);
          return markRanges(article, peerRanges);
      }
    });
  },

  async b3Prepare() {
    const { big } = loaded();
    await reset();
    openSurface(big);
    await nextFrame();
    const t0 = performance.now();
    matcherFor(big.text).index(false);
    return performance.now() - t0;
  },

  async b3(mode, term): Promise<SearchRun> {
    const s = surface;
    if (!s) throw new Error('Call b3Prepare() first.');
    pane.scrollTop = 0;
    await nextFrame();
    if (mode === 'peer') {
      await nextFrame();
      // mark.js marks synchronously and does not scroll: its results are visible once its marks are in the page.
      const search = await timedUntilVisible(
        () => markTerm(article, term),
        () => article.querySelector('mark.peer-find-mark') !== null,
      );
      const clear = await timed(() => {
        unmarkAll(article);
        return 0;
      });
      assertPristine(s);
      const clearBatch = batchClears(
        () => markTerm(article, term),
        () => unmarkAll(article),
      );
      assertPristine(s);
      return { search, clear, clearBatch };
    }
    // Opening the find bar creates the painter; typing then searches and paints.
    let painter = new MatchPainter(s);
    await nextFrame();
    let first = -1;
    // The same steps as the find bar's search (renderer/search/Find.tsx), without React's state updates.
    const searchAndShow = (): number => {
      const found = matcherFor(s.report!.text).find(term);
      first = found.length === 0 ? -1 : firstMatchAtOrAfter(found, s.firstVisibleOffset()) % found.length;
      painter.setMatches(found, first);
      if (first >= 0) {
        painter.setCurrent(first);
        if (!inView(painter.markOf(first))) s.scrollToOffset(found[first]!.start, { align: 'center' });
      }
      return found.length;
    };
    // Visible: the current match's mark is inside the reading pane's box.
    const search = await timedUntilVisible(searchAndShow, () => first < 0 || inView(painter.markOf(first)));
    const clear = await timed(() => {
      painter.destroy();
      return 0;
    });
    assertPristine(s);
    const clearBatch = batchClears(
      () => {
        painter = new MatchPainter(s);
        searchAndShow();
      },
      () => painter.destroy(),
    );
    assertPristine(s);
    return { search, clear, clearBatch };
  },

  async b4(mode) {
    const { big } = loaded();
    await reset();
    if (mode === 'ours') return timed(() => openSurface(big).blockElements().length);
    // The same column, the same style sheets and the same markup (see peers/react-list.tsx).
    return timed(() => {
      peerRoot = renderParagraphList(article, big.text, big.blocks);
      return article.querySelectorAll('[data-block-id]').length;
    });
  },
};

window.fieldmarkBench = bench;
