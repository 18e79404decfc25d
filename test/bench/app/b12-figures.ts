/** B12's figures for one side at one store size, from a session's raw samples. */
import { median } from '../harness/measure';
import { INTERACTIONS, type Interaction } from './interactions';
import type { SessionResult } from './app-session';

export interface InteractionFigures {
  median: number;
  p95: number;
  samples: number;
  /** Samples that hit the cap (their value is the time waited). */
  capped: number;
  /** Filter keys: median time to the frame showing the typed character (the results may come later). */
  charShownMedian?: number;
}

export interface SideFigures {
  rounds: number;
  interactions: Partial<Record<Interaction, InteractionFigures>>;
  reportPaintedMs: number;
  panelReadyMs: number;
  longestTaskMs: number;
  longestStartupTaskMs: number;
  heapMB: { ready: number; end: number };
}

/** The 95th percentile by the nearest-rank method (with 7 samples, the largest). */
export function p95(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(0.95 * sorted.length) - 1)]!;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/** Medians and p95s per interaction, the opens' medians, the longest task and the heap. */
export function summarise(result: SessionResult, rounds: number): SideFigures {
  const interactions: SideFigures['interactions'] = {};
  for (const name of INTERACTIONS) {
    const mine = result.samples.filter((s) => s.interaction === name);
    if (mine.length === 0) continue;
    const early = mine.map((s) => s.earlyMs).filter((x): x is number => x !== null);
    interactions[name] = {
      median: round1(median(mine.map((s) => s.ms))),
      p95: round1(p95(mine.map((s) => s.ms))),
      samples: mine.length,
      capped: mine.filter((s) => s.capped).length,
      ...(early.length > 0 ? { charShownMedian: round1(median(early)) } : {}),
    };
  }
  return {
    rounds,
    interactions,
    reportPaintedMs: round1(median(result.opens.map((o) => o.reportPaintedMs))),
    panelReadyMs: round1(median(result.opens.map((o) => o.panelReadyMs))),
    longestTaskMs: round1(result.longestTaskMs),
    longestStartupTaskMs: round1(result.longestStartupTaskMs),
    heapMB: result.heapMB,
  };
}
