/**
 * The hook through which any test adds figures to the reliability summary that
 * `npm run test:reliability` prints at the end (see test/reliability/summary.ts).
 *
 *   import { recordCounts } from '../support/reliability-counts';
 *   recordCounts('contract fuzzing', { badInputsTried: 34_000 });
 *
 * Each call appends one JSON line to a file in the folder named by the
 * FIELDMARK_RELIABILITY_COUNTS_DIR environment variable, which the runner sets;
 * outside the runner (plain `vitest run`) it does nothing. Record figures only
 * after the test has checked them, so the summary never counts a failure as a pass.
 */
import { appendFileSync } from 'node:fs';
import path from 'node:path';

export const COUNTS_DIR_ENV = 'FIELDMARK_RELIABILITY_COUNTS_DIR';

/** The figures the summary knows by name; any other key is listed under its suite. */
export interface ReliabilityCounts {
  /** Faults injected (kills, simulated power cuts, I/O errors, read-only folders, full disks…). */
  faultsInjected?: number;
  /** Of those, how many the code survived with every guarantee intact. */
  faultsSurvived?: number;
  /** Malformed or hostile inputs tried (corrupt files, arbitrary payloads, import files…). */
  badInputsTried?: number;
  /** Annotations (creations and updates) acknowledged to a caller before a fault. */
  acknowledgedWrites?: number;
  /** Acknowledged annotations missing or reverted afterwards. Must be 0. */
  acknowledgedLost?: number;
  /** Security checks that passed. */
  securityChecksPassed?: number;
  [other: string]: number | undefined;
}

/** Adds figures under `suite` to the summary (a no-op unless the reliability runner is collecting). */
export function recordCounts(suite: string, counts: ReliabilityCounts): void {
  const dir = process.env[COUNTS_DIR_ENV];
  if (!dir) return;
  appendFileSync(path.join(dir, `counts-${process.pid}.jsonl`), `${JSON.stringify({ suite, counts })}\n`);
}
