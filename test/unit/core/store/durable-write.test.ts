import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isTempFileName, removeStaleTempFiles, tempPathFor, writeFileDurably } from '../../../../main/core/store/durable-write';
import { nodeFs } from '../../../../main/core/store/fs-layer';
import { FaultFs, type FsOp } from '../../../support/fault-fs';
import { MemoryFs, type CrashMode } from '../../../support/memory-fs';
import { tempDir } from '../../../support/store-fixtures';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

const TARGET = '/data/file.json';

function seeded(): MemoryFs {
  const fs = new MemoryFs();
  fs.seedFile(TARGET, 'old content');
  return fs;
}

describe('writeFileDurably', () => {
  it('replaces a file on the real disk and leaves no temp file behind', async () => {
    const { dir, cleanup } = await tempDir();
    cleanups.push(cleanup);
    const file = path.join(dir, 'doc.json');
    await writeFile(file, 'old');
    await writeFileDurably(nodeFs, file, 'new content');
    expect(await readFile(file, 'utf8')).toBe('new content');
    expect(await readdir(dir)).toEqual(['doc.json']);
  });

  it('saves in the order open, write, fsync, close, rename, folder fsync', async () => {
    const fs = seeded();
    await writeFileDurably(fs, TARGET, 'new');
    expect(fs.calls.map((c) => c.op)).toEqual(['open', 'write', 'fsync', 'close', 'rename', 'fsyncDir']);
    expect(fs.calls[0]!.path).not.toBe(TARGET);
    expect(path.dirname(fs.calls[0]!.path)).toBe('/data');
    expect(fs.calls[5]!.path).toBe('/data');
  });

  it.each(['open', 'write', 'fsync', 'close', 'rename'] as FsOp[])(
    'keeps the old file and removes its temp file when %s fails',
    async (failing) => {
      const memory = seeded();
      const fs = new FaultFs(memory);
      fs.failAll('EIO', (op) => op === failing);
      await expect(writeFileDurably(fs, TARGET, 'new')).rejects.toMatchObject({ code: 'EIO' });
      expect(memory.peek(TARGET)?.toString()).toBe('old content');
      expect(memory.list('/data')).toEqual(['file.json']);
    },
  );

  it('reports a failed folder fsync after the rename, with the new content in place', async () => {
    const memory = seeded();
    const fs = new FaultFs(memory);
    fs.failAll('EIO', (op) => op === 'fsyncDir');
    await expect(writeFileDurably(fs, TARGET, 'new')).rejects.toMatchObject({ code: 'EIO' });
    expect(memory.peek(TARGET)?.toString()).toBe('new');
  });

  it('leaves the old or the new content after a power cut at every step, never a mix or nothing', async () => {
    const modes: CrashMode[] = ['drop', 'keep', 'torn', 'zeros'];
    let points = 0;
    for (let step = 0; step <= 6; step++) {
      for (const mode of modes) {
        for (const names of ['synced', 'all'] as const) {
          const fs = seeded();
          fs.crashAfter(step);
          const finished = await writeFileDurably(fs, TARGET, 'new content').then(
            () => true,
            () => false,
          );
          const disk = fs.afterCrash(mode, names);
          const content = disk.peek(TARGET)?.toString();
          expect(['old content', 'new content']).toContain(content);
          if (finished) expect(content).toBe('new content');
          points++;
        }
      }
    }
    expect(points).toBe(7 * 4 * 2);
  });
});

describe('temp files', () => {
  it('recognises its own temp file names and nothing else', () => {
    expect(isTempFileName(path.basename(tempPathFor('/x/fieldmark.json')))).toBe(true);
    expect(isTempFileName('fieldmark.json')).toBe(false);
    expect(isTempFileName('fieldmark.json.corrupt-20260101T000000000Z')).toBe(false);
    expect(isTempFileName('notes.tmp')).toBe(false);
  });

  it('removes stale temp files and leaves every other file alone', async () => {
    const fs = new MemoryFs();
    const stale = tempPathFor('/data/fieldmark.json');
    fs.seedFile(stale, 'half a write');
    fs.seedFile('/data/fieldmark.json', '{}');
    fs.seedFile('/data/fieldmark.json.corrupt-20260101T000000000Z', 'kept');
    expect(await removeStaleTempFiles(fs, '/data')).toEqual([path.basename(stale)]);
    expect(fs.list('/data')).toEqual(['fieldmark.json', 'fieldmark.json.corrupt-20260101T000000000Z']);
  });

  it('treats a missing folder as having nothing to clean', async () => {
    expect(await removeStaleTempFiles(new MemoryFs(), '/nowhere')).toEqual([]);
  });
});
