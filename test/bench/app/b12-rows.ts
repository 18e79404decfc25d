/**
 * B12's rows for bench-results.json, in the other cases' CaseResult shape: one
 * row per interaction at 1,000 and at 10,000 annotations (target on the p95),
 * and at 10,000 the start-up, long-task and heap targets. The empty store has no
 * target of its own; its figures are the baseline in the rows' details.
 */
import type { CaseResult } from '../harness/results';
import { INTERACTIONS, type Interaction } from './interactions';
import type { InteractionFigures, SideFigures } from './b12-figures';

const WHAT: Record<Interaction, string> = {
  'filter-key': 'one key typed into the annotation filter, until the results show',
  'clear-filters': 'Clear filters',
  'create-highlight': 'press 1 to highlight a keyboard selection',
  'open-card': 'open a card from the panel',
  'change-colour': 'change the card’s colour',
  'note-key': 'one key typed into the note',
  delete: 'delete the annotation',
  undo: 'undo the delete (Ctrl+Z)',
  'scroll-page': 'scroll the panel by a page',
  'jump-to-text': 'jump from a card to its passage',
};

/** p95 targets by store size (ms). */
const P95_TARGET: Record<number, number> = { 1_000: 30, 10_000: 50 };

export interface RowContext {
  ours: string;
  peerCommit: string;
  capMs: number;
}

const label = (size: number) => (size >= 1000 ? `${size / 1000}k` : String(size));
const ratio = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 1000) / 1000 : Number.NaN);

function interactionRow(size: number, name: Interaction, ours: InteractionFigures | undefined, peer: InteractionFigures | undefined, empty: InteractionFigures | undefined, runs: { ours: number; peer: number }): CaseResult {
  const target = P95_TARGET[size]!;
  const oursMs = ours?.median ?? Number.NaN;
  return {
    id: `B12-${label(size)}-${name}`,
    case: `${WHAT[name]}, ${size.toLocaleString('en')} annotations, input to next frame`,
    ours_ms: oursMs,
    peer_ms: peer?.median ?? null,
    ratio: ratio(oursMs, peer?.median ?? Number.NaN),
    ratio_of: 'ours/peer',
    target: `p95 ≤ ${target} ms`,
    met: ours !== undefined && ours.capped === 0 && ours.p95 <= target,
    runs: ours?.samples ?? 0,
    details: {
      p95: { ours: ours?.p95 ?? null, peer: peer?.p95 ?? null },
      p95Ratio: ratio(ours?.p95 ?? Number.NaN, peer?.p95 ?? Number.NaN),
      samples: { ours: ours?.samples ?? 0, peer: peer?.samples ?? 0 },
      rounds: runs,
      capped: { ours: ours?.capped ?? 0, peer: peer?.capped ?? 0 },
      ...(ours?.charShownMedian !== undefined ? { typedCharacterShownMedian: { ours: ours.charShownMedian, peer: peer?.charShownMedian ?? null } } : {}),
      emptyStore: empty ? { median: empty.median, p95: empty.p95 } : null,
    },
  };
}

function sessionDetails(f: SideFigures) {
  return { reportPaintedMs: f.reportPaintedMs, panelReadyMs: f.panelReadyMs, longestTaskMs: f.longestTaskMs, longestStartupTaskMs: f.longestStartupTaskMs, heapMB: f.heapMB };
}

function startupRows(f: { ours: SideFigures; peer: SideFigures | null }, empty: SideFigures | undefined): CaseResult[] {
  const size = '10,000 annotations';
  const base = { runs: f.ours.rounds, details: { ours: sessionDetails(f.ours), peer: f.peer ? sessionDetails(f.peer) : null, emptyStore: empty ? sessionDetails(empty) : null } };
  const painted = empty ? f.ours.reportPaintedMs / empty.reportPaintedMs : Number.NaN;
  return [
    {
      id: 'B12-10k-report-painted',
      case: `open until the report is painted, ${size}`,
      ours_ms: f.ours.reportPaintedMs,
      peer_ms: f.peer?.reportPaintedMs ?? null,
      ratio: Math.round(painted * 100) / 100,
      ratio_of: 'ours/ours with an empty store',
      target: '≤ 1.2× the empty store',
      met: painted <= 1.2,
      ...base,
    },
    {
      id: 'B12-10k-panel-ready',
      case: `open until the panel shows its count and list, ${size}`,
      ours_ms: f.ours.panelReadyMs,
      peer_ms: f.peer?.panelReadyMs ?? null,
      ratio: ratio(f.ours.panelReadyMs, f.peer?.panelReadyMs ?? Number.NaN),
      ratio_of: 'ours/peer',
      target: '≤ 1,000 ms',
      met: f.ours.panelReadyMs <= 1000,
      ...base,
    },
    {
      id: 'B12-10k-longest-task',
      case: `longest main-thread task after start-up (all interactions), ${size}`,
      ours_ms: f.ours.longestTaskMs,
      peer_ms: f.peer?.longestTaskMs ?? null,
      ratio: ratio(f.ours.longestTaskMs, f.peer?.longestTaskMs ?? Number.NaN),
      ratio_of: 'ours/peer',
      target: 'no long task > 100 ms',
      met: f.ours.longestTaskMs <= 100,
      ...base,
    },
    {
      id: 'B12-10k-heap',
      case: `JS heap after the interactions (after a GC), ${size}`,
      ours_ms: f.ours.heapMB.end,
      peer_ms: f.peer?.heapMB.end ?? null,
      ratio: ratio(f.ours.heapMB.end, f.peer?.heapMB.end ?? Number.NaN),
      ratio_of: 'ours/peer (MB, not ms)',
      target: '≤ 200 MB',
      met: Math.max(f.ours.heapMB.end, f.ours.heapMB.ready) <= 200,
      ...base,
    },
  ];
}

/** All B12 rows from the figures per store size. */
export function b12Rows(figures: Map<number, { ours: SideFigures; peer: SideFigures | null }>, ctx: RowContext): CaseResult[] {
  const empty = figures.get(0);
  const rows: CaseResult[] = [];
  for (const [size, f] of figures) {
    if (!(size in P95_TARGET)) continue;
    const runs = { ours: f.ours.rounds, peer: f.peer?.rounds ?? 0 };
    const sized = INTERACTIONS.map((name) => interactionRow(size, name, f.ours.interactions[name], f.peer?.interactions[name], empty?.ours.interactions[name], runs));
    sized[0]!.details = { ...sized[0]!.details, session: { ours: sessionDetails(f.ours), peer: f.peer ? sessionDetails(f.peer) : null }, build: { ours: ctx.ours, peerCommit: ctx.peerCommit }, capMs: ctx.capMs };
    rows.push(...sized);
    if (size === 10_000) rows.push(...startupRows(f, empty?.ours));
  }
  const first = rows[0];
  if (empty && first) first.details = { ...first.details, emptyStoreSession: { ours: sessionDetails(empty.ours), peer: empty.peer ? sessionDetails(empty.peer) : null } };
  return rows;
}
