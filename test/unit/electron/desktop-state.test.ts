import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_DESKTOP_STATE, DESKTOP_STATE_FILE, loadDesktopState, saveDesktopState } from '../../../main/electron/desktop-state';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'fieldmark-desktop-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('desktop state file', () => {
  it('starts from defaults when there is no file', async () => {
    expect(await loadDesktopState(dir)).toEqual(DEFAULT_DESKTOP_STATE);
  });

  it('round-trips the window bounds and the last folder, leaving no temporary file', async () => {
    const state = { window: { x: 10, y: 20, width: 1000, height: 700, maximized: true }, lastFolder: '/home/ana/Briefings' };
    await saveDesktopState(dir, state);
    expect(await loadDesktopState(dir)).toEqual(state);
    expect(await readdir(dir)).toEqual([DESKTOP_STATE_FILE]);
  });

  it.each([['not json {'], ['null'], ['[]'], ['{"window":"big","lastFolder":42}'], ['']])('falls back to defaults for %j', async (content) => {
    await writeFile(path.join(dir, DESKTOP_STATE_FILE), content);
    expect(await loadDesktopState(dir)).toEqual(DEFAULT_DESKTOP_STATE);
  });

  it('keeps the good half of a half-damaged file', async () => {
    await writeFile(path.join(dir, DESKTOP_STATE_FILE), JSON.stringify({ window: { x: 'left' }, lastFolder: '/data' }));
    expect(await loadDesktopState(dir)).toEqual({ window: null, lastFolder: '/data' });
  });
});
