/**
 * The hook through which any test adds figures to the reliability summary that
 * `npm run test:reliability` prints at the end (see test/reliability/summary.ts).
 *
 *   import { recordCounts } from '../support/reliability-counts';
 *   recordCounts('contract fuzzing', { badInputsRefused: 33_649, validInputsAccepted: 2_351 });
 *
 * Each call appends one JSON line to a file in the folder named by the
 * FIELDMARK_RELIABILITY_COUNTS_DIR environment variable, which the runner sets;
 * outside the runner (plain `vitest run`) it does nothing. Record figures only
 * after the assertions that make them true, so the summary never counts a
 * failure as a pass. The one exception is `acknowledgedLost`: a loss is a
 * measurement, so record it as soon as it is known (before the assertions that
 * fail on it), and the summary shows it.
 */
import { appendFileSync } from 'node:fs';
import path from 'node:path';

export const COUNTS_DIR_ENV = 'FIELDMARK_RELIABILITY_COUNTS_DIR';

/**
 * The units the summary totals, each on its own line (test/reliability/summary.ts).
 * Count each event once, under the one unit it is: a kill is not a power cut, a
 * refused bad input is not an accepted valid one. Any other key is listed under
 * its suite only.
 */
export interface UnitCounts {
  /** Writer processes killed with SIGKILL. */
  sigkills?: number;
  /** Simulated power cuts, each after a different file-system call of a running scenario. */
  powerCuts?: number;
  /** File-system calls failed on purpose (EIO, ENOSPC, EPERM, EACCES, EBUSY…), each failed call once. */
  syscallFaults?: number;
  /** Full disks and read-only data folders met by a running store. */
  diskConditions?: number;
  /** Second hosts refused because another one holds the data folder. */
  lockConflicts?: number;
  /** Malformed or hostile inputs (payloads, damaged files) refused with a typed error or moved aside. */
  badInputsRefused?: number;
  /** Inputs of the same tests that were valid and were accepted. */
  validInputsAccepted?: number;
  /** Acknowledged creations and latest acknowledged edits checked on disk after a fault (test-seeded data excluded). */
  acknowledgedWrites?: number;
  /** Acknowledged annotations missing or reverted after a fault, each annotation once. Must be 0. */
  acknowledgedLost?: number;
  /** Security checks that passed. */
  securityChecksPassed?: number;
}

export interface ReliabilityCounts extends UnitCounts {
  [other: string]: number | undefined;
}

/** Adds figures under `suite` to the summary (a no-op unless the reliability runner is collecting). */
export function recordCounts(suite: string, counts: ReliabilityCounts): void {
  const dir = process.env[COUNTS_DIR_ENV];
  if (!dir) return;
  appendFileSync(path.join(dir, `counts-${process.pid}.jsonl`), `${JSON.stringify({ suite, counts })}\n`);
}
