/**
 * Crash (issue 6, item 2): a child process runs the real store in a write loop
 * and is killed with SIGKILL at random moments, at least 100 times; after each
 * kill the store reopens, the file parses and validates, and every acknowledged
 * annotation (and the latest acknowledged edit of each note) is there.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { runCrashLoop, type CrashLoopResult } from '../support/crash-loop';
import { recordCounts } from '../support/reliability-counts';
import { tempDir } from '../support/store-fixtures';

const LANES = 6;
const KILLS_PER_LANE = 20;
const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
});

describe('SIGKILL during writes', () => {
  it(`loses nothing acknowledged across ${LANES * KILLS_PER_LANE} kills`, async () => {
    const lanes: CrashLoopResult[] = await Promise.all(
      Array.from({ length: LANES }, async (_, lane) => {
        const { dir, cleanup } = await tempDir('fieldmark-sigkill-');
        cleanups.push(cleanup);
        return runCrashLoop({ dataDir: dir, kills: KILLS_PER_LANE, firstRun: 50_000 + 1000 * lane });
      }),
    );
    const sum = (pick: (r: CrashLoopResult) => number) => lanes.reduce((n, r) => n + pick(r), 0);
    const lost = sum((r) => r.lost.length + r.regressed.length);
    const kills = sum((r) => r.kills);
    const clean = lanes.every((r) => r.notices.length === 0);
    recordCounts('crash (SIGKILL of a real writer process)', {
      faultsInjected: kills,
      faultsSurvived: lost === 0 && clean ? kills : 0,
      acknowledgedWrites: sum((r) => r.created + r.updated),
      acknowledgedLost: lost,
      sigkills: kills,
      killedWhileOpening: sum((r) => r.killedWhileOpening),
    });
    expect(kills).toBeGreaterThanOrEqual(100);
    expect(lanes.flatMap((r) => r.lost)).toEqual([]);
    expect(lanes.flatMap((r) => r.regressed)).toEqual([]);
    expect(lanes.flatMap((r) => r.notices)).toEqual([]);
    expect(sum((r) => r.created)).toBeGreaterThan(kills);
  }, 900_000);
});
