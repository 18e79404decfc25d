/**
 * Crash-safe conversion (issue 16): a writer process saves annotations and
 * turns protection on, off, and changes the passphrase, over and over, on a
 * folder with a thousand annotations and backups; it is killed with
 * SIGKILL at random moments (every other kill lands within a few milliseconds
 * of a finished unprotect, because the plain stretch between an unprotect and
 * the next protect is short and random timing alone can miss it in 20 kills
 * on a busy machine). After every kill the folder must open with either
 * protection (plain, or locked and unlocked by the key), with every
 * acknowledged creation, no recovery notice, and — once open — every file in
 * the form its protection says: encrypted snapshot, journal lines and backups
 * when protected, none of them when plain.
 */
import { spawn } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isProtectedBytes } from '../../main/core/store/protected-files';
import { isSealed } from '../../main/core/store/crypto/envelope';
import { looksLikeContainer } from '../../main/core/store/crypto/container';
import { encodeSnapshot } from '../../main/core/store/snapshot-codec';
import { openStore } from '../../main/core/store/store';
import { storeKindEnv, testKeys } from '../support/protected-store';
import { recordCounts } from '../support/reliability-counts';
import { docWith, prng, REPO_ROOT, tempDir } from '../support/store-fixtures';

const SUITE = 'crash while protecting, unprotecting or changing the passphrase (SIGKILL), encrypted store';
const KILLS = 20;
const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
});

/** When the kill's clock starts: at the writer's `ready`, or at its first finished unprotect (`U`). */
type KillFrom = 'ready' | 'U';

async function runWriter(dir: string, seed: number, killAfterMs: number, from: KillFrom): Promise<string[]> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/convert-writer.ts', dir, String(seed)], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...(await storeKindEnv('encrypted')) },
  });
  let out = '';
  let err = '';
  let timer: NodeJS.Timeout | undefined;
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    const started = from === 'ready' ? out.startsWith('ready\n') : out.includes('\nU\n');
    const startsNow = from === 'ready' ? (out + chunk).startsWith('ready\n') : (out + chunk).includes('\nU\n');
    if (!started && startsNow) timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    out += chunk;
  });
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => (err += chunk));
  const safety = setTimeout(() => child.kill('SIGKILL'), 60_000);
  const signal = await new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_c, sig) => resolve(sig)));
  clearTimeout(safety);
  clearTimeout(timer);
  if (signal !== 'SIGKILL') throw new Error(`convert-writer exited by itself: ${err.slice(0, 2000)}`);
  return out.slice(0, out.lastIndexOf('\n') + 1).split('\n').filter(Boolean);
}

/** What is wrong with the files' forms for the protection the folder has once open. */
async function formProblems(dir: string, protectedNow: boolean): Promise<string[]> {
  const problems: string[] = [];
  const snapshot = await readFile(path.join(dir, 'fieldmark.json'));
  if (isSealed(snapshot) !== protectedNow) problems.push(`snapshot ${protectedNow ? 'plain' : 'sealed'}`);
  const journal = await readFile(path.join(dir, 'fieldmark.journal')).catch(() => Buffer.alloc(0));
  if (protectedNow && !isProtectedBytes(journal)) problems.push('journal has plain lines');
  if (!protectedNow && journal.includes('E1 ')) problems.push('journal has sealed lines');
  for (const name of await readdir(path.join(dir, 'backups'))) {
    const bytes = await readFile(path.join(dir, 'backups', name));
    if (looksLikeContainer(bytes) !== protectedNow) problems.push(`backup ${name} ${protectedNow ? 'plain' : 'encrypted'}`);
  }
  return problems;
}

describe('SIGKILL while converting', () => {
  it(`opens with the old or the new protection and loses nothing acknowledged, across ${KILLS} kills`, async () => {
    const { dir, cleanup } = await tempDir('fieldmark-convert-kill-');
    cleanups.push(cleanup);
    const seed = docWith(1000);
    await writeFile(path.join(dir, 'fieldmark.json'), encodeSnapshot(seed).bytes);
    const acknowledged = new Set(seed.annotations.map((a) => a.id));
    const { dataKey } = await testKeys();
    const random = prng(16_160);
    const problems: string[] = [];
    let lost = 0;
    let conversions = 0;
    let openedProtected = 0;
    let openedPlain = 0;
    for (let k = 0; k < KILLS; k++) {
      const lines = k % 2 === 0 ? await runWriter(dir, 900 + k, Math.floor(random() * 4000), 'ready') : await runWriter(dir, 900 + k, Math.floor(random() * 5), 'U');
      for (const line of lines) {
        if (line.startsWith('C ')) acknowledged.add(line.slice(2));
        else if (line === 'P' || line === 'U' || line === 'R') conversions++;
      }
      const store = await openStore({ dataDir: dir });
      try {
        if (store.protection === 'unlocked') problems.push(`kill ${k}: opened unlocked`);
        if (store.protection === 'locked') {
          openedProtected++;
          await store.unlock(dataKey);
        } else openedPlain++;
        const present = new Set(store.doc.annotations.map((a) => a.id));
        const missing = [...acknowledged].filter((id) => !present.has(id));
        lost += missing.length;
        if (missing.length > 0) problems.push(`kill ${k}: ${missing.length} acknowledged annotations missing`);
        problems.push(...store.status.notices.map((n) => `kill ${k}: notice: ${n}`));
        await store.idle();
        problems.push(...(await formProblems(dir, store.protection === 'unlocked')).map((p) => `kill ${k}: ${p}`));
      } finally {
        await store.close();
      }
    }
    recordCounts(SUITE, { acknowledgedLost: lost });
    expect(problems).toEqual([]);
    // Both protections were reopened after kills, and conversions ran to the end between kills too.
    expect(conversions).toBeGreaterThan(0);
    expect(openedProtected).toBeGreaterThan(0);
    expect(openedPlain).toBeGreaterThan(0);
    recordCounts(SUITE, { sigkills: KILLS, acknowledgedWrites: acknowledged.size, conversionsCompleted: conversions, reopenedProtected: openedProtected, reopenedPlain: openedPlain });
  }, 900_000);
});
