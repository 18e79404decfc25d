/** One benchmark result row, the printed table and bench-results.json. */
import { writeFile } from 'node:fs/promises';
import type { MachineInfo } from './machine';

export interface CaseResult {
  id: string;
  /** What was measured, in a phrase. */
  case: string;
  /** Median of Fieldmark's samples. */
  ours_ms: number;
  /** Median of the peer's samples (null where the case has no peer). */
  peer_ms: number | null;
  /** Median of the floor: the same work without the feature (no highlights, a raw append). */
  floor_ms?: number;
  /** The quantity the target constrains; `ratio_of` says which (e.g. "peer/ours" is a speed-up). */
  ratio: number;
  ratio_of: string;
  target: string;
  met: boolean;
  /** Samples kept per contender (after warm-up). */
  runs: number;
  /** Anything else the target depends on (accuracy, counts) and how it was measured. */
  details?: Record<string, unknown>;
}

export interface BenchOutput {
  generatedAt: string;
  durationSeconds: number;
  machine: MachineInfo;
  results: CaseResult[];
}

const fmt = (ms: number | null | undefined): string => {
  if (ms === null || ms === undefined) return '—';
  if (ms >= 100) return ms.toFixed(0);
  if (ms >= 10) return ms.toFixed(1);
  if (ms >= 0.1) return ms.toFixed(2);
  return ms.toFixed(4);
};

const fmtRatio = (r: number): string => (r >= 100 ? r.toFixed(0) : r >= 10 ? r.toFixed(1) : r.toFixed(2));

/** The results as a Markdown table (also what the console shows). */
export function resultsTable(results: readonly CaseResult[]): string {
  const rows = [
    '| id | case | ours (ms) | peer (ms) | floor (ms) | ratio | target | met |',
    '|---|---|---:|---:|---:|---:|---|:-:|',
  ];
  for (const r of results) {
    rows.push(
      `| ${r.id} | ${r.case} | ${fmt(r.ours_ms)} | ${fmt(r.peer_ms)} | ${fmt(r.floor_ms)} | ${fmtRatio(r.ratio)} (${r.ratio_of}) | ${r.target} | ${r.met ? 'yes' : '**no**'} |`,
    );
  }
  return rows.join('\n');
}

/** The machine line printed above the table. */
export function machineLine(m: MachineInfo): string {
  return `${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, ${m.platform}; Node ${m.node}; ${m.chromium ?? 'Chromium not run'}`;
}

/** Writes bench-results.json in the working directory. */
export async function writeResults(file: string, output: BenchOutput): Promise<void> {
  await writeFile(file, `${JSON.stringify(output, null, 2)}\n`);
}
