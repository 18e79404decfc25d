/**
 * Corrupt store files (issue 6, item 5): every variant in
 * test/support/corrupt-variants.ts, plus a newer format and a file that cannot
 * be read. Each damaged file is moved aside byte for byte and the store opens
 * from its newest good backup (a newer format opens read-only, untouched);
 * nothing is ever overwritten or deleted.
 * On a protected store (issue 16) every variant of the sealed snapshot, and a
 * bit flipped anywhere in it, fails authentication and is handled the same way.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { nodeFs } from '../../main/core/store/fs-layer';
import { SNAPSHOT_FILE } from '../../main/core/store/journal-adapter';
import { decodeSnapshot } from '../../main/core/store/snapshot-codec';
import { openStore } from '../../main/core/store/store';
import { CORRUPT_VARIANTS } from '../support/corrupt-variants';
import { FaultFs } from '../support/fault-fs';
import { recordCounts } from '../support/reliability-counts';
import { makeAnnotation, put, tempDir } from '../support/store-fixtures';
import { STORE_VERSION } from '../../main/core/store/store-schema';
import { openStoreAs, testCipher, type StoreKind } from '../support/protected-store';

const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
});

const SUITE = 'corrupt store files';
let clock = Date.UTC(2026, 0, 1);
const now = () => new Date((clock += 1000));

async function prepared(kind: StoreKind = 'plain'): Promise<{ dir: string; backupIds: string[]; savedIds: string[]; valid: Buffer }> {
  const { dir, cleanup } = await tempDir('fieldmark-corrupt-rel-');
  cleanups.push(cleanup);
  const store = await openStoreAs(kind, { dataDir: dir, now });
  for (let i = 0; i < 3; i++) await store.apply([put(makeAnnotation(i))]);
  await store.backupNow('before-damage');
  const backupIds = store.doc.annotations.map((a) => a.id);
  await store.apply([put(makeAnnotation(3))]);
  const savedIds = store.doc.annotations.map((a) => a.id);
  await store.close();
  return { dir, backupIds, savedIds, valid: await readFile(path.join(dir, SNAPSHOT_FILE)) };
}

async function asideFiles(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter((name) => name.startsWith(`${SNAPSHOT_FILE}.corrupt-`));
}

describe('corrupt store files', () => {
  it('moves every damaged variant aside untouched and recovers from the backup; accepts the valid ones', async () => {
    const problems: string[] = [];
    const tried = { aside: 0, accept: 0 };
    for (const variant of CORRUPT_VARIANTS) {
      const { dir, backupIds, savedIds, valid } = await prepared();
      const damaged = variant.build(valid);
      await writeFile(path.join(dir, SNAPSHOT_FILE), damaged);
      const store = await openStore({ dataDir: dir, now });
      const ids = store.doc.annotations.map((a) => a.id);
      const aside = await asideFiles(dir);
      if (variant.expect === 'aside') {
        if (aside.length !== 1) problems.push(`${variant.name}: expected one aside file, found ${aside.length}`);
        else if (!(await readFile(path.join(dir, aside[0]!))).equals(damaged)) problems.push(`${variant.name}: aside copy differs`);
        if (JSON.stringify(ids) !== JSON.stringify(backupIds)) problems.push(`${variant.name}: did not open the backup`);
        if (!store.status.notices.some((n) => variant.reason!.test(n) && n.includes('opened the backup from'))) {
          problems.push(`${variant.name}: notice missing or unclear: ${store.status.notices.join(' | ')}`);
        }
      } else {
        if (aside.length !== 0) problems.push(`${variant.name}: a valid file was moved aside`);
        if (JSON.stringify(ids) !== JSON.stringify(savedIds)) problems.push(`${variant.name}: content not opened as is`);
      }
      await store.apply([put(makeAnnotation(9))]);
      await store.close();
      decodeSnapshot(await readFile(path.join(dir, SNAPSHOT_FILE)));
      tried[variant.expect]++;
    }
    expect(problems).toEqual([]);
    expect(tried.aside + tried.accept).toBe(CORRUPT_VARIANTS.length);
    // A damaged file moved aside is a bad input refused; a valid variant opened as is, a valid input accepted.
    recordCounts(SUITE, { badInputsRefused: tried.aside, validInputsAccepted: tried.accept });
  }, 600_000);

  it('encrypted store: moves aside every damaged or altered sealed snapshot and recovers from the backup', async () => {
    const problems: string[] = [];
    let refused = 0;
    const { valid } = await prepared('encrypted');
    const flips = Array.from({ length: 24 }, (_, i) => ({
      name: `bit ${i} flipped`,
      build: (bytes: Buffer) => {
        const out = Buffer.from(bytes);
        const at = Math.floor(((i + 0.5) / 24) * out.length);
        out[at]! ^= 1 << i % 8;
        return out;
      },
    }));
    const variants = [...CORRUPT_VARIANTS.map((v) => ({ name: v.name, build: v.build })), ...flips];
    for (const variant of variants) {
      const { dir, backupIds } = await prepared('encrypted');
      const damaged = variant.build(valid);
      if (damaged.equals(valid)) continue;
      await writeFile(path.join(dir, SNAPSHOT_FILE), damaged);
      const store = await openStoreAs('encrypted', { dataDir: dir, now });
      const aside = await asideFiles(dir);
      if (aside.length !== 1) problems.push(`${variant.name}: expected one aside file, found ${aside.length}`);
      else if (!(await readFile(path.join(dir, aside[0]!))).equals(damaged)) problems.push(`${variant.name}: aside copy differs`);
      if (JSON.stringify(store.doc.annotations.map((a) => a.id)) !== JSON.stringify(backupIds)) problems.push(`${variant.name}: did not open the backup`);
      if (!store.status.notices.some((n) => n.includes('opened the backup from'))) problems.push(`${variant.name}: notice missing: ${store.status.notices.join(' | ')}`);
      await store.apply([put(makeAnnotation(9))]);
      await store.close();
      decodeSnapshot(await readFile(path.join(dir, SNAPSHOT_FILE)), { cipher: await testCipher('encrypted') });
      refused++;
    }
    expect(problems).toEqual([]);
    expect(refused).toBeGreaterThan(24);
    recordCounts(`${SUITE}, encrypted store`, { badInputsRefused: refused });
  }, 600_000);

  it('opens a newer format read-only and leaves every file untouched', async () => {
    const { dir } = await prepared();
    const newer = Buffer.from(JSON.stringify({ version: 9, annotations: [], settings: {}, imports: [], plugins: ['x'] }));
    await writeFile(path.join(dir, SNAPSHOT_FILE), newer);
    const before = await readdir(dir);
    const store = await openStore({ dataDir: dir, now });
    expect(store.status.readOnly).toBe(true);
    expect(store.status.notices[0]).toMatch(new RegExp(`newer version of Fieldmark \\(format 9; this version reads format ${STORE_VERSION}\\)`));
    await expect(store.apply([put(makeAnnotation(5))])).rejects.toMatchObject({ code: 'READ_ONLY' });
    await store.close();
    expect(await readFile(path.join(dir, SNAPSHOT_FILE))).toEqual(newer);
    expect(await readdir(dir)).toEqual(before);
    recordCounts(SUITE, { newerFormatOpenedReadOnly: 1 });
  });

  it('moves aside a file that cannot be read and opens the backup', async () => {
    const { dir, backupIds } = await prepared();
    const fs = new FaultFs(nodeFs);
    fs.failAll('EIO', (op, file) => op === 'readFile' && file.endsWith(SNAPSHOT_FILE));
    const store = await openStore({ dataDir: dir, fs, now });
    expect(store.doc.annotations.map((a) => a.id)).toEqual(backupIds);
    expect(store.status.notices[0]).toMatch(/could not be read \(the disk reported an error: EIO\)/);
    await store.close();
    expect(await asideFiles(dir)).toHaveLength(1);
    recordCounts(SUITE, { syscallFaults: fs.injected });
  });
});
