/**
 * "No plaintext on disk" (issue 16, section 5): markers in notes, quotes and
 * codes go through a plain store that is then protected (the conversion), then
 * creates, edits, deletes, compaction, backups, a lock and unlock, SIGKILLs of
 * a writer process and a passphrase change. Every byte of every file in the
 * data folder (temp files and kept copies included, searched right after each
 * kill, before anything cleans up) is searched for the markers in UTF-8,
 * UTF-16LE and UTF-16BE: 0 hits. The same search first finds them in the
 * plain store, so it is known to see them.
 */
import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { rewrapPassphrase } from '../../main/core/store/crypto/keyfile';
import { openStore, type OpenedStore } from '../../main/core/store/store';
import { MARKERS, markedAnnotation, markedCode, searchMarkers, type MarkerSearch } from '../support/plaintext-markers';
import { openStoreAs, testKeys, testKeysEnv } from '../support/protected-store';
import { recordCounts } from '../support/reliability-counts';
import { prng, REPO_ROOT, tempDir } from '../support/store-fixtures';

const SUITE = 'no plaintext on disk (encrypted store)';
const KILLS = 8;
const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
});

async function writeMarked(store: OpenedStore, from: number, count: number): Promise<void> {
  for (let n = from; n < from + count; n++) {
    await store.apply([{ op: 'putAnnotation', value: markedAnnotation(n) }, { op: 'putCodes', values: [markedCode(n)] }]);
  }
}

async function editAndDelete(store: OpenedStore): Promise<void> {
  const live = store.doc.annotations.filter((a) => a.deletedAt === null);
  for (const a of live.slice(0, 5)) await store.apply([{ op: 'putAnnotation', value: { ...a, note: `${a.note} ${MARKERS[1]} edit` } }]);
  for (const a of live.slice(5, 8)) await store.apply([{ op: 'putAnnotation', value: { ...a, deletedAt: new Date().toISOString() } }]);
}

/** Runs the marker writer and kills it with SIGKILL at a random moment after it is ready. */
async function killWriter(dir: string, seed: number, delayMs: number): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/marker-writer.ts', dir, String(seed)], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...(await testKeysEnv()) },
  });
  let err = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => (err += chunk));
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    if (chunk.includes('ready')) setTimeout(() => child.kill('SIGKILL'), delayMs);
  });
  const safety = setTimeout(() => child.kill('SIGKILL'), 60_000);
  const signal = await new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, sig) => resolve(sig)));
  clearTimeout(safety);
  if (signal !== 'SIGKILL') throw new Error(`marker-writer exited by itself: ${err.slice(0, 2000)}`);
}

describe('no plaintext on disk', () => {
  it('finds no marker in any file of a protected folder, in UTF-8 or UTF-16', async () => {
    const { dir, cleanup } = await tempDir('fieldmark-no-plaintext-');
    cleanups.push(cleanup);
    const searches: MarkerSearch[] = [];
    const search = async () => {
      const found = await searchMarkers(dir);
      searches.push(found);
      return found.hits;
    };

    // A plain store with markers, a backup, and a damaged copy kept aside: the search sees them.
    const plain = await openStore({ dataDir: dir, compactAfterBytes: 4096 });
    await writeMarked(plain, 0, 40);
    await plain.backupNow('plain');
    await writeMarked(plain, 40, 5);
    await plain.close();
    await writeFile(path.join(dir, 'fieldmark.json.corrupt-20260101T000000000Z'), `{"notes":["${MARKERS[0]}", "${MARKERS[1]}"`);
    const before = await searchMarkers(dir);
    expect(before.hits.map((h) => h.file)).toEqual(expect.arrayContaining(['fieldmark.json', 'fieldmark.json.corrupt-20260101T000000000Z']));
    expect(before.hits.some((h) => h.file.startsWith('backups'))).toBe(true);

    // Protect (the conversion), then every kind of write.
    const store = await openStoreAs('encrypted', { dataDir: dir, compactAfterBytes: 4096 });
    expect(await search()).toEqual([]);
    await writeMarked(store, 100, 60);
    await editAndDelete(store);
    await store.backupNow('protected');
    await store.lock();
    await store.unlock((await testKeys()).dataKey);
    await writeMarked(store, 200, 10);
    await store.close();
    expect(await search()).toEqual([]);

    // SIGKILLs of a writer, searched before anything reopens (and cleans temp files).
    const random = prng(16_016);
    for (let k = 0; k < KILLS; k++) {
      await killWriter(dir, 700 + k, Math.floor(random() * 400));
      expect(await search(), `after kill ${k + 1}`).toEqual([]);
    }

    // A passphrase change, then more writes and a backup.
    const again = await openStoreAs('encrypted', { dataDir: dir, compactAfterBytes: 4096 });
    const { keys, dataKey } = await testKeys();
    await again.rewrap(await rewrapPassphrase(keys, dataKey, 'a different passphrase today'));
    await writeMarked(again, 300, 20);
    await editAndDelete(again);
    await again.backupNow('after-change');
    expect(again.doc.annotations.length).toBeGreaterThan(100);
    await again.close();
    expect(await search()).toEqual([]);

    recordCounts(SUITE, {
      sigkills: KILLS,
      markerSearches: searches.length,
      filesSearched: searches.reduce((n, s) => n + s.files, 0),
      bytesSearched: searches.reduce((n, s) => n + s.bytes, 0),
      markerHits: searches.reduce((n, s) => n + s.hits.length, 0),
    });
  }, 600_000);
});
