/**
 * A read-only data folder and a full disk (issue 6, item 4) give a clear message
 * and lose nothing.
 *
 * Where `mount -t tmpfs` is allowed (root with CAP_SYS_ADMIN, as on the
 * development machine), a real 2 MiB tmpfs is filled until the kernel answers
 * ENOSPC, and a real tmpfs is remounted read-only (EROFS even for root). Where it
 * is not, those two cases fall back to the fault-injecting layer. The
 * fault-layer versions always run too. `chmod 0555` is not used while running as
 * root, because it does not stop root from writing; then the read-only folder
 * comes from the read-only remount or from the fault layer (EACCES, EPERM).
 */
import { execFileSync } from 'node:child_process';
import { chmod, mkdtemp, rm, rmdir, unlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeFs } from '../../main/core/store/fs-layer';
import { openStore } from '../../main/core/store/store';
import { MAX_NOTE_LENGTH } from '../../preload/contract';
import { FaultFs } from '../support/fault-fs';
import { recordCounts } from '../support/reliability-counts';
import { makeAnnotation, put, tempDir } from '../support/store-fixtures';

let mountPoint: string | null = null;
let canMount = false;
const cleanups: Array<() => Promise<void>> = [];

beforeAll(async () => {
  mountPoint = await mkdtemp(path.join(os.tmpdir(), 'fieldmark-tmpfs-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', mountPoint], { stdio: 'ignore' });
    canMount = true;
  } catch {
    canMount = false;
  }
  console.info(canMount ? `Using a real 2 MiB tmpfs at ${mountPoint}.` : 'mount -t tmpfs is not allowed here: using the fault-injecting layer for the full disk and the read-only folder.');
});

afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
  if (mountPoint) {
    if (canMount) {
      try {
        execFileSync('umount', [mountPoint], { stdio: 'ignore' });
      } catch {
        // Still busy: detach it now; the kernel frees it once the last file closes.
        execFileSync('umount', ['-l', mountPoint], { stdio: 'ignore' });
      }
    }
    await rmdir(mountPoint);
  }
});

const bigNote = (n: number) => `${n} `.padEnd(Math.min(MAX_NOTE_LENGTH, 20_000), 'x');

/** Conditions set up, and those the store came through with every check passed. */
let met = 0;
let survived = 0;
/** Annotations acknowledged while a condition was present and found on disk afterwards. */
let acked = 0;
let lost = 0;

/** Fills the store until a save is refused; checks the refusal, frees space, retries, reopens. */
async function fillUntilFull(dataDir: string, fs: FaultFs | typeof nodeFs, freeSpace: () => Promise<void>, kind: string): Promise<void> {
  const store = await openStore({ dataDir, fs });
  await store.idle();
  const saved: string[] = [];
  let refusal: unknown = null;
  let refused = makeAnnotation(0);
  for (let i = 0; i < 1000 && refusal === null; i++) {
    const a = makeAnnotation(i, { note: bigNote(i) });
    const before = JSON.stringify(store.doc);
    try {
      await store.apply([put(a)]);
      saved.push(a.id);
    } catch (error) {
      refusal = error;
      refused = a;
      expect(JSON.stringify(store.doc)).toBe(before);
    }
  }
  met++;
  expect(refusal).toMatchObject({ code: 'DISK_FULL', message: 'Your change was not saved because the disk is full. Free some space, then try again.' });
  expect(saved.length).toBeGreaterThan(5);
  await freeSpace();
  await store.apply([put(refused)]);
  saved.push(refused.id);
  await store.close();
  const reopened = await openStore({ dataDir, fs: nodeFs });
  const present = new Set(reopened.doc.annotations.map((a) => a.id));
  const missing = saved.filter((id) => !present.has(id));
  lost += missing.length;
  expect(missing).toEqual([]);
  expect(reopened.status.notices).toEqual([]);
  await reopened.close();
  acked += saved.length;
  survived++;
  console.info(`${kind}: ${saved.length - 1} annotations saved before the disk was full; the refused one saved on retry; none lost.`);
}

/** Opens a store on a folder that refuses writes; checks the notice and the refusals; then reopens writable. */
async function readOnlyFolder(dataDir: string, fs: FaultFs | typeof nodeFs, restore: () => Promise<void>, kind: string): Promise<void> {
  const store = await openStore({ dataDir, fs });
  met++;
  expect(store.status.readOnly).toBe(true);
  expect(store.status.notices).toEqual([expect.stringMatching(/^Fieldmark cannot write to its data folder \(.+: E[A-Z]+\), so your annotations are shown read-only\. Make the folder writable, or start with a different --data-dir, then restart Fieldmark\.$/)]);
  expect(store.doc.annotations.map((a) => a.note)).toEqual(['note 1', 'note 2']);
  await expect(store.apply([put(makeAnnotation(3))])).rejects.toMatchObject({ code: 'READ_ONLY', message: expect.stringMatching(/cannot write to its data folder/) });
  await store.close();
  await restore();
  const writable = await openStore({ dataDir, fs: nodeFs });
  expect(writable.status).toMatchObject({ readOnly: false, notices: [] });
  expect(writable.doc.annotations.map((a) => a.note)).toEqual(['note 1', 'note 2']);
  await writable.close();
  survived++;
  console.info(`${kind}: opened read-only with a notice, refused changes, lost nothing.`);
}

async function seed(dataDir: string): Promise<void> {
  const store = await openStore({ dataDir });
  await store.apply([put(makeAnnotation(1))]);
  await store.apply([put(makeAnnotation(2))]);
  await store.close();
}

async function scratch(): Promise<string> {
  const { dir, cleanup } = await tempDir('fieldmark-disk-');
  cleanups.push(cleanup);
  return dir;
}

describe('a full disk', () => {
  it('refuses the save that does not fit with DISK_FULL, keeps everything saved, and saves on retry once space is freed', async () => {
    if (canMount && mountPoint) {
      const dataDir = path.join(mountPoint, 'full');
      const filler = path.join(mountPoint, 'filler.bin');
      await writeFile(filler, Buffer.alloc(1024 * 1024, 1));
      await fillUntilFull(dataDir, nodeFs, () => unlink(filler), 'real tmpfs (ENOSPC from the kernel)');
      await rm(dataDir, { recursive: true });
    } else {
      const fs = new FaultFs(nodeFs);
      let writes = 0;
      fs.failAll('ENOSPC', (op) => op === 'write' && ++writes > 30);
      await fillUntilFull(await scratch(), fs, async () => fs.clearRules(), 'fault layer (no tmpfs here)');
    }
  }, 120_000);

  it('does the same through the fault layer, with half-written lines', async () => {
    const fs = new FaultFs(nodeFs);
    let writes = 0;
    fs.failAll('ENOSPC', (op) => op === 'write' && ++writes > 12);
    await fillUntilFull(await scratch(), fs, async () => fs.clearRules(), 'fault layer');
  }, 120_000);
});

describe('a read-only data folder', () => {
  it('opens read-only with a clear notice, refuses changes, and loses nothing', async () => {
    if (canMount && mountPoint) {
      const dataDir = path.join(mountPoint, 'ro');
      await seed(dataDir);
      execFileSync('mount', ['-o', 'remount,ro', mountPoint]);
      await readOnlyFolder(dataDir, nodeFs, async () => void execFileSync('mount', ['-o', 'remount,rw', mountPoint!]), 'real read-only tmpfs (EROFS)');
      await rm(dataDir, { recursive: true });
    } else if (process.getuid?.() !== 0) {
      const dataDir = await scratch();
      await seed(dataDir);
      await chmod(dataDir, 0o555);
      await readOnlyFolder(dataDir, nodeFs, () => chmod(dataDir, 0o755), 'chmod 0555 folder');
    } else {
      const dataDir = await scratch();
      await seed(dataDir);
      const fs = new FaultFs(nodeFs);
      fs.readOnly('EROFS');
      await readOnlyFolder(dataDir, fs, async () => fs.clearRules(), 'fault layer (EROFS; root ignores chmod)');
    }
  }, 120_000);

  it.each(['EACCES', 'EPERM', 'EROFS'])('does the same through the fault layer (%s)', async (code) => {
    const dataDir = await scratch();
    await seed(dataDir);
    const fs = new FaultFs(nodeFs);
    fs.readOnly(code);
    await readOnlyFolder(dataDir, fs, async () => fs.clearRules(), `fault layer (${code})`);
  });

  it('refuses changes with READ_ONLY when the folder turns read-only while open, and saves on retry once writable', async () => {
    const dataDir = await scratch();
    const fs = new FaultFs(nodeFs);
    const store = await openStore({ dataDir, fs });
    const first = makeAnnotation(1);
    await store.apply([put(first)]);
    await store.idle();
    fs.readOnly('EACCES');
    const a = makeAnnotation(2);
    met++;
    await expect(store.apply([put(a)])).rejects.toMatchObject({ code: 'READ_ONLY', message: expect.stringMatching(/^Your change was not saved because Fieldmark cannot write to its data folder .*EACCES\)\. Make the folder writable, then try again\.$/) });
    expect(store.doc.annotations).toHaveLength(1);
    fs.clearRules();
    await store.apply([put(a)]);
    await store.close();
    const reopened = await openStore({ dataDir });
    const missing = [first.id, a.id].filter((id) => !reopened.doc.annotations.some((x) => x.id === id));
    lost += missing.length;
    expect(missing).toEqual([]);
    await reopened.close();
    acked += 2;
    survived++;
  });

  it('records its figures', () => {
    const suite = 'read-only folder and full disk';
    recordCounts(suite, { acknowledgedLost: lost });
    expect(survived).toBe(met);
    expect(met).toBe(7);
    recordCounts(suite, { diskConditions: survived, acknowledgedWrites: acked });
  });
});

describe('the data folder itself', () => {
  it('explains a data folder that cannot be created', async () => {
    const parent = await scratch();
    const blocker = path.join(parent, 'a-file');
    await writeFile(blocker, '');
    await expect(openStore({ dataDir: path.join(blocker, 'data') })).rejects.toMatchObject({
      code: 'NOT_SAVED',
      message: `Fieldmark could not create its data folder ${path.join(blocker, 'data')} (ENOTDIR). Check the path, or start with a different --data-dir.`,
    });
  });
});
