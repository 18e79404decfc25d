import { describe, expect, it } from 'vitest';
import { acquireLock, isProcessAlive, LOCK_FILE, LockUnavailable, parseLockOwner } from '../../../../main/core/store/store-lock';
import { FieldmarkError } from '../../../../preload/rpc';
import { FaultFs } from '../../../support/fault-fs';
import { MemoryFs } from '../../../support/memory-fs';

const STARTED = new Date().toISOString();
const owner = (pid: number, host = 'this-host', startedAt = STARTED) => ({ pid, host, startedAt });

async function folder(): Promise<MemoryFs> {
  const fs = new MemoryFs();
  await fs.mkdir('/data');
  return fs;
}

describe('acquireLock', () => {
  it('creates the lock file holding pid, host and start time, and removes it on release', async () => {
    const fs = await folder();
    const lock = await acquireLock({ fs, dir: '/data', owner: owner(10) });
    expect(parseLockOwner(fs.peek(`/data/${LOCK_FILE}`)!.toString())).toEqual(owner(10));
    expect(fs.calls.find((c) => c.op === 'open')).toBeDefined();
    await lock.release();
    expect(fs.list('/data')).toEqual([]);
  });

  it('refuses while a live process on this host holds it', async () => {
    const fs = await folder();
    await acquireLock({ fs, dir: '/data', owner: owner(10) });
    const failure = await acquireLock({ fs, dir: '/data', owner: owner(11), isAlive: () => true }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(FieldmarkError);
    expect((failure as FieldmarkError).code).toBe('CONFLICT');
    expect((failure as FieldmarkError).message).toContain('(process 10)');
  });

  it('takes over a lock whose process has died on this host', async () => {
    const fs = await folder();
    await acquireLock({ fs, dir: '/data', owner: owner(10) });
    await acquireLock({ fs, dir: '/data', owner: owner(11), isAlive: (pid) => pid !== 10 });
    expect(parseLockOwner(fs.peek(`/data/${LOCK_FILE}`)!.toString())?.pid).toBe(11);
  });

  it('takes over a lock taken before this machine last booted, even if its pid is in use again', async () => {
    const fs = await folder();
    fs.seedFile(`/data/${LOCK_FILE}`, JSON.stringify(owner(10, 'this-host', '2026-01-01T00:00:00.000Z')));
    await acquireLock({ fs, dir: '/data', owner: owner(11), isAlive: () => true, bootTimeMs: Date.parse('2026-02-01T00:00:00.000Z') });
    expect(parseLockOwner(fs.peek(`/data/${LOCK_FILE}`)!.toString())?.pid).toBe(11);
  });

  it('respects a lock taken since the last boot by a live process', async () => {
    const fs = await folder();
    fs.seedFile(`/data/${LOCK_FILE}`, JSON.stringify(owner(10, 'this-host', '2026-03-01T00:00:00.000Z')));
    await expect(
      acquireLock({ fs, dir: '/data', owner: owner(11), isAlive: () => true, bootTimeMs: Date.parse('2026-02-01T00:00:00.000Z') }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('never takes over a lock from another host', async () => {
    const fs = await folder();
    fs.seedFile(`/data/${LOCK_FILE}`, JSON.stringify(owner(10, 'other-host', '2020-01-01T00:00:00.000Z')));
    await expect(acquireLock({ fs, dir: '/data', owner: owner(11), isAlive: () => false })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('(process 10 on other-host)'),
    });
  });

  it('waits out a half-written lock before treating it as abandoned', async () => {
    const fs = await folder();
    fs.seedFile(`/data/${LOCK_FILE}`, '');
    const started = Date.now();
    await acquireLock({ fs, dir: '/data', owner: owner(11), unreadableGraceMs: 150 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(100);
    expect(parseLockOwner(fs.peek(`/data/${LOCK_FILE}`)!.toString())?.pid).toBe(11);
  });

  it('does not remove a lock that another process replaced meanwhile on release', async () => {
    const fs = await folder();
    const lock = await acquireLock({ fs, dir: '/data', owner: owner(10) });
    fs.seedFile(`/data/${LOCK_FILE}`, JSON.stringify(owner(12)));
    await lock.release();
    expect(parseLockOwner(fs.peek(`/data/${LOCK_FILE}`)!.toString())?.pid).toBe(12);
  });

  it.each(['EROFS', 'EACCES', 'EPERM'])('reports a folder that cannot hold a lock (%s) as unavailable, not as a conflict', async (code) => {
    const fs = new FaultFs(await folder());
    fs.readOnly(code);
    await expect(acquireLock({ fs, dir: '/data', owner: owner(10) })).rejects.toBeInstanceOf(LockUnavailable);
  });

  it('retries a transient error and succeeds', async () => {
    const fs = new FaultFs(await folder());
    fs.arm(1, 'EBUSY');
    await acquireLock({ fs, dir: '/data', owner: owner(10) });
    expect(fs.injected).toBe(1);
  });

  it('removes its half-created lock when writing it fails', async () => {
    const memory = await folder();
    const fs = new FaultFs(memory);
    fs.diskFull();
    await expect(acquireLock({ fs, dir: '/data', owner: owner(10) })).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(memory.list('/data')).toEqual([]);
  });
});

describe('lock records', () => {
  it('accepts only complete records', () => {
    expect(parseLockOwner(JSON.stringify(owner(5)))).toEqual(owner(5));
    expect(parseLockOwner('')).toBeNull();
    expect(parseLockOwner('{"pid":5,"host":"h"')).toBeNull();
    expect(parseLockOwner('{"pid":-1,"host":"h","startedAt":"t"}')).toBeNull();
    expect(parseLockOwner('null')).toBeNull();
  });

  it('sees this process as alive and an exited pid as gone', () => {
    expect(isProcessAlive(process.pid)).toBe(true);
    expect(isProcessAlive(2 ** 22 + 12345)).toBe(false);
  });
});
