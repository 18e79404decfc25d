/** What the bench page exposes as `window.fieldmarkBench`, shared by the page and the driver. */
import type { ColorId, Report } from '../../../../preload/contract';

/** One stored annotation as B1 needs it: both selectors and its colour. */
export interface BenchAnnotation {
  id: string;
  color: ColorId;
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
  /** SHA-256 of the text the selectors were made against. */
  sha256: string;
}

export interface BenchPageData {
  report: Report;
  annotations: BenchAnnotation[];
  /** The 100× document. */
  big: Report;
}

export type B1Mode = 'ours' | 'floor' | 'hypothesis' | 'markjs';

export interface TimedResult {
  /** From the start of the work until the frame that shows it has been produced. */
  ms: number;
  /** The synchronous part (before waiting for the frame). */
  syncMs: number;
  /**
   * Main-thread time without the wait for the display's next refresh: the
   * synchronous part plus the frame's own work (style, layout, paint).
   */
  busyMs: number;
  /** How many things were painted, marked or found (to check that both sides did the same work). */
  count: number;
  /** Frames produced until the result was visible (1: the first frame after the work); set where measured. */
  frames?: number;
}

/** Clears repeated until their summed time reaches 50 ms (each after a fresh paint, not timed). */
export interface ClearBatch {
  /** Mean main-thread time of one clear. */
  meanMs: number;
  reps: number;
}

export interface SearchRun {
  search: TimedResult;
  clear: TimedResult;
  clearBatch: ClearBatch;
}

export interface BenchPage {
  load(data: BenchPageData): void;
  /** Opens the report and paints the 1,000 annotations in one of the four ways. */
  b1(mode: B1Mode): Promise<TimedResult>;
  /** Renders the 100× document for B3 and prepares the folded copy (as opening the find bar does); returns that time. */
  b3Prepare(): Promise<number>;
  /** Searches `term` in the 100× document and shows the results, then clears them (once timed to the frame, then in a batch). */
  b3(mode: 'ours' | 'peer', term: string): Promise<SearchRun>;
  /** Renders the 100× document to the first frame. */
  b4(mode: 'ours' | 'peer'): Promise<TimedResult>;
}

declare global {
  interface Window {
    fieldmarkBench: BenchPage;
  }
}
