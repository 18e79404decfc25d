/**
 * Simulated power loss (issue 6, item 3), in the style of SQLite's crash tests:
 * the real store runs on a recording in-memory file system that "loses power"
 * after every single call of a session — open, write, fsync, close, rename,
 * folder fsync, and the reads and housekeeping around them — and the disk is
 * then rebuilt keeping only what was synced (and, in further variants, with
 * unsynced data written anyway, half-written, or zero-filled; with unsynced
 * folder entries lost or kept). Every acknowledged change must survive every
 * crash point, and the store must open without a recovery notice. What must
 * survive comes from what was acknowledged (test/support/power-loss-check.ts,
 * tested in test/unit/support/power-loss-check.test.ts), never from the disk.
 * Every scenario runs on a plain store and on a protected (encrypted) one
 * (issue 16); there, the first launch also turns protection on, so power is
 * cut at every call of the conversion too.
 */
import { describe, expect, it } from 'vitest';
import { decodeSnapshot, encodeSnapshot } from '../../main/core/store/snapshot-codec';
import { openStoreAs, STORE_KINDS, testCipher, type StoreKind } from '../support/protected-store';
import type { StoredAnnotation } from '../../main/core/store/store-schema';
import { MemoryFs, type CrashMode } from '../support/memory-fs';
import { emptyAcks, expectationFor, powerLossViolations, type PowerLossExpectation, type PreparedDisk, type SessionAcks } from '../support/power-loss-check';
import { recordCounts } from '../support/reliability-counts';
import { docWith, makeAnnotation, put } from '../support/store-fixtures';

const MODES: CrashMode[] = ['drop', 'keep', 'torn', 'zeros'];
const NAMES = ['synced', 'all'] as const;
const DATA = '/data';

let clock = Date.UTC(2026, 0, 1);
const now = () => new Date((clock += 1000));

/** A session: open, single and concurrent saves, edits, a backup, compaction, close. */
async function session(kind: StoreKind, fs: MemoryFs, pid: number, acks: SessionAcks): Promise<void> {
  const store = await openStoreAs(kind, { dataDir: DATA, fs, now, compactAfterBytes: 2500, lockOwner: { pid, isAlive: () => false } });
  const edited = store.doc.annotations[0];
  acks.editedId = edited?.id ?? null;
  const save = async (a: StoredAnnotation) => {
    await store.apply([put(a)]);
    acks.ids.add(a.id);
  };
  for (let i = 0; i < 3; i++) await save(makeAnnotation(100 + i));
  await Promise.allSettled([save(makeAnnotation(110)), save(makeAnnotation(111)), save(makeAnnotation(112))]);
  if (edited) {
    for (let i = 0; i < 2; i++) {
      const note = `edited ${i}`;
      acks.notes.push(note);
      await store.apply([put({ ...edited, note })]);
      acks.notesAcked = acks.notes.length;
    }
  }
  await store.backupNow('power-test');
  for (let i = 0; i < 4; i++) await save(makeAnnotation(120 + i));
  await store.close();
}

type Disk = PreparedDisk & { fs: MemoryFs };

/** A disk holding a cleanly closed store with `count` annotations put there by the test. */
async function baseDisk(kind: StoreKind, count: number): Promise<Disk> {
  const fs = new MemoryFs();
  fs.seedFile(`${DATA}/fieldmark.json`, encodeSnapshot(docWith(count)).bytes);
  const store = await openStoreAs(kind, { dataDir: DATA, fs, now, lockOwner: { pid: 1, isAlive: () => false } });
  const seeded = store.doc.annotations.map((a) => a.id);
  await store.close();
  return { fs: fs.clone(), seeded, acked: [] };
}

interface Tally {
  /** Calls after which the power was cut while the scenario was still running. */
  crashPoints: number;
  /** Disks rebuilt after those cuts (every crash variant) and checked. */
  disksChecked: number;
  /** Acknowledged creations and latest acknowledged edits that had to survive a crash point. */
  acked: number;
  lost: number;
  problems: string[];
}

/** Reopens a rebuilt disk, adds what is wrong with it to `tally.problems`, and returns the acknowledged changes it lost. */
async function verify(kind: StoreKind, disk: MemoryFs, expected: PowerLossExpectation, label: string, tally: Tally): Promise<string[]> {
  let store;
  try {
    store = await openStoreAs(kind, { dataDir: DATA, fs: disk, now, lockOwner: { pid: 99, isAlive: () => false } });
  } catch (error) {
    tally.problems.push(`${label}: reopen failed: ${String(error)}`);
    return [];
  }
  const lost = powerLossViolations(store.doc.annotations, expected);
  const problems = [...lost, ...store.status.notices];
  if (store.status.readOnly) problems.push('opened read-only');
  await store.close();
  const snapshot = disk.peek(`${DATA}/fieldmark.json`);
  try {
    if (!snapshot) throw new Error('no snapshot after reopen');
    decodeSnapshot(snapshot, { cipher: await testCipher(kind) });
  } catch (error) {
    problems.push(`snapshot does not validate: ${String(error)}`);
  }
  if (problems.length > 0) tally.problems.push(`${label}: ${problems.join('; ')}`);
  return lost;
}

/**
 * Runs `scenario` once to count its calls, then cuts the power after every call in
 * every crash variant. The step after the last call (the scenario finished) is
 * checked too, but it is no crash point and is not counted.
 */
async function crashEverywhere(kind: StoreKind, name: string, makeDisk: () => Promise<Disk>, scenario: (fs: MemoryFs, acks: SessionAcks) => Promise<void>): Promise<Tally> {
  const dry = await makeDisk();
  const before = dry.fs.calls.length;
  await scenario(dry.fs, emptyAcks());
  const total = dry.fs.calls.length - before;
  const tally: Tally = { crashPoints: 0, disksChecked: 0, acked: 0, lost: 0, problems: [] };
  for (let step = 0; step <= total; step++) {
    const disk = await makeDisk();
    const acks = emptyAcks();
    const start = disk.fs.calls.length;
    disk.fs.crashAfter(step);
    await scenario(disk.fs, acks).catch(() => undefined);
    const expected = expectationFor(disk, acks);
    const call = disk.fs.calls[start + step];
    const lost = new Set<string>(); // a change lost in several crash variants of one cut is one loss
    for (const mode of MODES) {
      for (const names of NAMES) {
        const label = `${name}, power lost at call ${step + 1} (${call?.op ?? 'none: the session finished'} ${call?.path ?? ''}), ${mode}/${names}`;
        for (const violation of await verify(kind, disk.fs.afterCrash(mode, names), expected, label, tally)) lost.add(violation);
      }
    }
    tally.lost += lost.size;
    if (!disk.fs.hasCrashed) continue;
    tally.crashPoints++;
    tally.disksChecked += MODES.length * NAMES.length;
    tally.acked += disk.acked.length + acks.ids.size + (expected.edit ? 1 : 0);
  }
  // Every step before the last cut the power mid-scenario; otherwise the dry run's count did not hold.
  expect(tally.crashPoints).toBe(total);
  return tally;
}

const SUITES: Record<StoreKind, string> = {
  plain: 'power loss (simulated, every call × 8 crash variants)',
  encrypted: 'power loss (simulated, every call × 8 crash variants), encrypted store',
};

describe.each(STORE_KINDS)('simulated power loss at every step (%s store)', (kind) => {
  const SUITE = SUITES[kind];
  const tallies: Tally[] = [];
  let scenariosPassed = 0;
  /** Keeps the tally (its losses are reported even if the checks below fail), then checks it. */
  const settle = (tally: Tally) => {
    tallies.push(tally);
    expect(tally.problems).toEqual([]);
    expect(tally.lost).toBe(0);
    expect(tally.acked).toBeGreaterThan(0);
    scenariosPassed++;
  };

  it('keeps every acknowledged change when power fails at any call of a writing session', async () => {
    settle(await crashEverywhere(kind, 'writing session', () => baseDisk(kind, 5), (fs, acks) => session(kind, fs, 2, acks)));
  }, 600_000);

  it('keeps every acknowledged change when power fails during the very first launch', async () => {
    settle(await crashEverywhere(kind, 'first launch', async () => ({ fs: new MemoryFs(), seeded: [], acked: [] }), (fs, acks) => session(kind, fs, 2, acks)));
  }, 600_000);

  it('keeps the previous session’s acknowledged changes when power fails while a store with an unfinished journal opens', async () => {
    // The previous session acknowledges 4 creations, then loses power; what must survive is what it acknowledged.
    const withJournal = async (): Promise<Disk> => {
      const { fs, seeded } = await baseDisk(kind, 3);
      const acked: string[] = [];
      const store = await openStoreAs(kind, { dataDir: DATA, fs, now, lockOwner: { pid: 3, isAlive: () => false } });
      for (let i = 0; i < 4; i++) {
        const a = makeAnnotation(200 + i);
        await store.apply([put(a)]);
        acked.push(a.id);
      }
      await store.idle();
      return { fs: fs.afterCrash('torn'), seeded, acked };
    };
    const reopen = async (fs: MemoryFs) => {
      const store = await openStoreAs(kind, { dataDir: DATA, fs, now, lockOwner: { pid: 4, isAlive: () => false } });
      await store.close();
    };
    settle(await crashEverywhere(kind, 'reopen after an unclean exit', withJournal, (fs) => reopen(fs)));
  }, 600_000);

  it('records its figures', () => {
    const sum = (key: 'crashPoints' | 'disksChecked' | 'acked' | 'lost') => tallies.reduce((n, t) => n + t[key], 0);
    recordCounts(SUITE, { acknowledgedLost: sum('lost') });
    expect(scenariosPassed).toBe(3);
    expect(sum('crashPoints')).toBeGreaterThan(60);
    recordCounts(SUITE, { powerCuts: sum('crashPoints'), disksRebuiltAndChecked: sum('disksChecked'), acknowledgedWrites: sum('acked') });
  });
});
