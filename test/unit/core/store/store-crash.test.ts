import { afterEach, describe, expect, it } from 'vitest';
import { runCrashLoop } from '../../../support/crash-loop';
import { tempDir } from '../../../support/store-fixtures';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

const LANES = 5;
const KILLS_PER_LANE = 10;

describe('the store under SIGKILL', () => {
  it(
    `loses no acknowledged annotation across ${LANES * KILLS_PER_LANE} kills of a real writer process`,
    async () => {
      const lanes = await Promise.all(
        Array.from({ length: LANES }, async (_, lane) => {
          const { dir, cleanup } = await tempDir('fieldmark-kill-');
          cleanups.push(cleanup);
          return runCrashLoop({ dataDir: dir, kills: KILLS_PER_LANE, firstRun: 1000 * (lane + 1) });
        }),
      );
      const kills = lanes.reduce((n, r) => n + r.kills, 0);
      const created = lanes.reduce((n, r) => n + r.creationsAcknowledged, 0);
      expect(kills).toBeGreaterThanOrEqual(50);
      expect(created).toBeGreaterThan(kills);
      expect(lanes.flatMap((r) => r.violations)).toEqual([]);
      expect(lanes.flatMap((r) => r.notices)).toEqual([]);
    },
    240_000,
  );
});
