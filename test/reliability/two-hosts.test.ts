/**
 * Two hosts on one data folder (issue 6, item 6): while one process holds the
 * store, a second process and a second store in this process are refused with
 * a clear message naming the holder; a lock from another machine is respected;
 * once the first closes, the folder opens normally.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../main/core/store/store';
import { LOCK_FILE } from '../../main/core/store/store-lock';
import { startChildStore } from '../support/child-store';
import { recordCounts } from '../support/reliability-counts';
import { makeAnnotation, put, tempDir } from '../support/store-fixtures';

const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
});

const MESSAGE = /^Fieldmark is already open with this data folder \(process \d+( on [^)]+)?\)\. Close it first, or start with a different --data-dir\.$/;

describe('two hosts on one data folder', () => {
  it('refuses the second host, in another process and in this one, with a clear message', async () => {
    const { dir, cleanup } = await tempDir('fieldmark-hosts-');
    cleanups.push(cleanup);
    const first = await startChildStore(dir);
    expect(first.firstLine).toBe('ready');
    const second = await startChildStore(dir);
    expect(second.firstLine).toMatch(/^refused CONFLICT /);
    expect(second.firstLine.replace('refused CONFLICT ', '')).toMatch(MESSAGE);
    expect(second.firstLine).toContain(`process ${first.pid}`);
    await second.stop();
    await expect(openStore({ dataDir: dir })).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(MESSAGE) });
    await first.stop();
    const store = await openStore({ dataDir: dir });
    await store.apply([put(makeAnnotation(1))]);
    await store.close();
    // Two second hosts were refused: the other process and the store in this one.
    recordCounts('two hosts on one data folder', { lockConflicts: 2 });
  }, 120_000);

  it('refuses a folder locked from another machine', async () => {
    const { dir, cleanup } = await tempDir('fieldmark-hosts-');
    cleanups.push(cleanup);
    await writeFile(path.join(dir, LOCK_FILE), JSON.stringify({ pid: 4242, host: 'office-desktop', startedAt: '2026-01-01T00:00:00.000Z' }));
    await expect(openStore({ dataDir: dir })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'Fieldmark is already open with this data folder (process 4242 on office-desktop). Close it first, or start with a different --data-dir.',
    });
    recordCounts('two hosts on one data folder', { lockConflicts: 1 });
  });
});
