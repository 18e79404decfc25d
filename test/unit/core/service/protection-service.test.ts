/**
 * Protection at the contract (issue 16), through the dispatcher both hosts use:
 * protect, the locked state (LOCKED for everything but getStatus and unlock),
 * wrong passphrases that write nothing, unlock by passphrase and by recovery
 * key, a passphrase change, turning protection off, idle auto-lock on an
 * injected clock, and encrypted backups out and in (with the passphrase of the day).
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { contract, METHOD_NAMES, type MethodName } from '../../../../preload/contract';
import { createDispatcher } from '../../../../preload/rpc';
import { loadReport } from '../../../../main/core/report/report-model';
import { createProtectedService, type ProtectedService } from '../../../../main/core/service/protection-service';
import { createServiceFromParts } from '../../../../main/core/service/service';
import { openStore } from '../../../../main/core/store/store';
import { tempDir } from '../../../support/store-fixtures';

const ASSETS = path.resolve(import.meta.dirname, '../../../../assets');
const REPORT = await loadReport(ASSETS);
const PASS = 'a long enough passphrase';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

interface Harness {
  dir: string;
  service: ProtectedService;
  call: (method: MethodName, input?: unknown) => Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }>;
  advance: (ms: number) => void;
}

async function start(dir?: string): Promise<Harness> {
  let folder = dir;
  if (!folder) {
    const made = await tempDir('fieldmark-protection-service-');
    cleanups.push(made.cleanup);
    folder = made.dir;
  }
  let now = 1_000_000;
  const store = await openStore({ dataDir: folder });
  const service = createProtectedService({
    report: REPORT,
    store,
    build: (report, opened) => createServiceFromParts(report, opened),
    clock: () => now,
    idleTimer: false,
    deriveTargetMs: 1,
  });
  cleanups.unshift(() => service.close());
  const dispatch = createDispatcher(contract, service.impl);
  return {
    dir: folder,
    service,
    call: async (method, input) => (await dispatch(method, input)) as never,
    advance: (ms) => (now += ms),
  };
}

async function folderBytes(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || entry.name === 'fieldmark.lock') continue;
    const file = path.join(entry.parentPath, entry.name);
    out.set(file, `${(await stat(file)).mtimeMs}:${(await readFile(file)).toString('base64')}`);
  }
  return out;
}

// Each test derives scrypt keys (N=2^17) several times: seconds each on a loaded machine.
describe('protection through the dispatcher', { timeout: 180_000 }, () => {
  it('protects, locks everything but getStatus and unlock, refuses wrong passphrases without writing, unlocks', async () => {
    const h = await start();
    const created = await h.call('createAnnotation', { start: 58, end: 120, color: 'key', note: 'SHELTER-MARK' });
    expect(created.ok).toBe(true);
    expect(await h.call('protectStore', { passphrase: 'short' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(/at least 10 characters/) } });
    const protectedNow = await h.call('protectStore', { passphrase: PASS });
    expect(protectedNow.ok).toBe(true);
    const recoveryKey = (protectedNow.value as { recoveryKey: string }).recoveryKey;
    expect(recoveryKey).toMatch(/^([0-9A-Z]{4}-){12}[0-9A-Z]{4}$/);
    expect(await h.call('getStatus')).toMatchObject({ ok: true, value: { encrypted: true, locked: false } });

    expect(await h.call('lock')).toMatchObject({ ok: true, value: { encrypted: true, locked: true } });
    for (const method of METHOD_NAMES.filter((m) => m !== 'getStatus' && m !== 'unlock')) {
      const answer = await h.call(method, undefined);
      // Invalid input is refused before the lock is consulted; anything that reaches the service is LOCKED.
      if (answer.error?.code !== 'INVALID_INPUT') expect(answer, method).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    }
    expect(await h.call('listAnnotations')).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    expect(await h.call('getSettings')).toMatchObject({ ok: false, error: { code: 'LOCKED' } });

    const before = await folderBytes(h.dir);
    expect(await h.call('unlock', { passphrase: 'not the right passphrase' })).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE' } });
    expect(await h.call('unlock', { recoveryKey: '0000-0000-0000-0000-0000-0000-0000-0000-0000-0000-0000-0000-0000' })).toMatchObject({
      ok: false,
      error: { code: 'WRONG_PASSPHRASE' },
    });
    expect(await folderBytes(h.dir)).toEqual(before);

    expect(await h.call('unlock', { passphrase: PASS })).toMatchObject({ ok: true, value: { locked: false } });
    const listed = await h.call('listAnnotations');
    expect((listed.value as Array<{ note: string }>).map((a) => a.note)).toEqual(['SHELTER-MARK']);
    await h.call('lock');
    expect(await h.call('unlock', { recoveryKey: recoveryKey.toLowerCase() })).toMatchObject({ ok: true, value: { locked: false } });
    await h.call('lock');
    // A recovery key typed in the passphrase field is recognised too.
    expect(await h.call('unlock', { passphrase: recoveryKey })).toMatchObject({ ok: true });
  });

  it('a restart opens locked; nothing is readable until unlock', async () => {
    const first = await start();
    await first.call('createAnnotation', { start: 58, end: 120, color: 'key', note: 'kept' });
    await first.call('protectStore', { passphrase: PASS });
    await first.service.close();
    cleanups.shift();
    const second = await start(first.dir);
    expect(await second.call('getStatus')).toMatchObject({ ok: true, value: { encrypted: true, locked: true } });
    expect(await second.call('getReport')).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    await second.call('unlock', { passphrase: PASS });
    expect(((await second.call('listAnnotations')).value as unknown[]).length).toBe(1);
  });

  it('changes the passphrase with the old one or the recovery key; removes protection', async () => {
    const h = await start();
    const { recoveryKey } = (await h.call('protectStore', { passphrase: PASS })).value as { recoveryKey: string };
    expect(await h.call('changePassphrase', { passphrase: 'wrong wrong wrong', newPassphrase: 'second passphrase!' })).toMatchObject({ error: { code: 'WRONG_PASSPHRASE' } });
    expect(await h.call('changePassphrase', { passphrase: PASS, newPassphrase: 'short' })).toMatchObject({ error: { code: 'INVALID_INPUT' } });
    expect(await h.call('changePassphrase', { passphrase: PASS, newPassphrase: 'second passphrase!' })).toMatchObject({ ok: true });
    expect(await h.call('changePassphrase', { recoveryKey, newPassphrase: 'third passphrase!!' })).toMatchObject({ ok: true });
    await h.call('lock');
    expect(await h.call('unlock', { passphrase: PASS })).toMatchObject({ error: { code: 'WRONG_PASSPHRASE' } });
    expect(await h.call('unlock', { passphrase: 'second passphrase!' })).toMatchObject({ error: { code: 'WRONG_PASSPHRASE' } });
    expect(await h.call('unlock', { passphrase: 'third passphrase!!' })).toMatchObject({ ok: true });
    expect(await h.call('unprotectStore', { passphrase: 'nope nope nope' })).toMatchObject({ error: { code: 'WRONG_PASSPHRASE' } });
    expect(await h.call('unprotectStore', { passphrase: 'third passphrase!!' })).toMatchObject({ ok: true, value: { encrypted: false, locked: false } });
    expect(await h.call('lock')).toMatchObject({ error: { code: 'INVALID_INPUT' } });
    expect((await readdir(h.dir)).includes('fieldmark.keys')).toBe(false);
  });

  it('locks after the idle time of the settings, measured from the last call (getStatus does not count)', async () => {
    const h = await start();
    await h.call('protectStore', { passphrase: PASS });
    await h.call('updateSettings', { autoLockMinutes: 5 });
    h.advance(4 * 60_000);
    await h.call('getStatus');
    expect(await h.service.checkIdle()).toBe(false);
    await h.call('listAnnotations');
    h.advance(4 * 60_000);
    expect(await h.service.checkIdle()).toBe(false);
    h.advance(60_000);
    // A call after the idle time is refused: the store locks before it answers.
    expect(await h.call('listAnnotations')).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    expect(await h.call('getStatus')).toMatchObject({ value: { locked: true } });
    await h.call('unlock', { passphrase: PASS });
    await h.call('updateSettings', { autoLockMinutes: 0 });
    h.advance(24 * 60 * 60_000);
    expect(await h.service.checkIdle()).toBe(false);
  });

  it('the default idle time is 15 minutes', async () => {
    const h = await start();
    await h.call('protectStore', { passphrase: PASS });
    h.advance(14 * 60_000);
    expect(await h.service.checkIdle()).toBe(false);
    h.advance(60_000);
    expect(await h.service.checkIdle()).toBe(true);
  });

  it('exports an encrypted backup that restores with the passphrase of its day', async () => {
    const h = await start();
    await h.call('createAnnotation', { start: 58, end: 120, color: 'key', note: 'BACKUP-MARK' });
    await h.call('protectStore', { passphrase: PASS });
    const backup = (await h.call('exportBackup')).value as { filename: string; content: string };
    expect(backup.content.includes('BACKUP-MARK')).toBe(false);
    await h.call('changePassphrase', { passphrase: PASS, newPassphrase: 'a newer passphrase' });

    const other = await start();
    expect(await other.call('restoreBackup', { content: backup.content })).toMatchObject({ error: { code: 'PASSPHRASE_REQUIRED' } });
    expect(await other.call('restoreBackup', { content: backup.content, passphrase: 'a newer passphrase' })).toMatchObject({ error: { code: 'WRONG_PASSPHRASE' } });
    expect(await other.call('restoreBackup', { content: backup.content, passphrase: PASS })).toMatchObject({ ok: true, value: { annotations: 1 } });
    expect(((await other.call('listAnnotations')).value as Array<{ note: string }>)[0]!.note).toBe('BACKUP-MARK');
    // The store that made it opens its own backup without asking.
    expect(await h.call('restoreBackup', { content: backup.content })).toMatchObject({ ok: true });
  });
});
