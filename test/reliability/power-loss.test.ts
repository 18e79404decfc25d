/**
 * Simulated power loss (issue 6, item 3), in the style of SQLite's crash tests:
 * the real store runs on a recording in-memory file system that "loses power"
 * after every single call of a session — open, write, fsync, close, rename,
 * folder fsync, and the reads and housekeeping around them — and the disk is
 * then rebuilt keeping only what was synced (and, in further variants, with
 * unsynced data written anyway, half-written, or zero-filled; with unsynced
 * folder entries lost or kept). Every acknowledged change must survive every
 * crash point, and the store must open without a recovery notice.
 */
import { describe, expect, it } from 'vitest';
import { decodeSnapshot, encodeSnapshot } from '../../main/core/journal-adapter';
import { openStore } from '../../main/core/store';
import type { StoredAnnotation } from '../../main/core/store-schema';
import { MemoryFs, type CrashMode } from '../support/memory-fs';
import { recordCounts } from '../support/reliability-counts';
import { docWith, makeAnnotation, put } from '../support/store-fixtures';

const MODES: CrashMode[] = ['drop', 'keep', 'torn', 'zeros'];
const NAMES = ['synced', 'all'] as const;
const DATA = '/data';

interface Acks {
  ids: Set<string>;
  /** For the annotation being edited: every note attempted, in order, and how many were acknowledged. */
  notes: string[];
  notesAcked: number;
  editedId: string | null;
}

let clock = Date.UTC(2026, 0, 1);
const now = () => new Date((clock += 1000));

/** A session: open, single and concurrent saves, edits, a backup, compaction, close. */
async function session(fs: MemoryFs, pid: number, acks: Acks): Promise<void> {
  const store = await openStore({ dataDir: DATA, fs, now, compactAfterBytes: 2500, lockOwner: { pid, isAlive: () => false } });
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

/** A disk holding a cleanly closed store with `count` annotations. */
async function baseDisk(count: number): Promise<{ fs: MemoryFs; ids: string[] }> {
  const fs = new MemoryFs();
  fs.seedFile(`${DATA}/fieldmark.json`, encodeSnapshot(docWith(count)).bytes);
  const store = await openStore({ dataDir: DATA, fs, now, lockOwner: { pid: 1, isAlive: () => false } });
  const ids = store.doc.annotations.map((a) => a.id);
  await store.close();
  return { fs: fs.clone(), ids };
}

interface Tally {
  points: number;
  survived: number;
  lost: number;
  acked: number;
  problems: string[];
}

async function verify(disk: MemoryFs, mustHave: Iterable<string>, acks: Acks, label: string, tally: Tally): Promise<void> {
  tally.points++;
  let store;
  try {
    store = await openStore({ dataDir: DATA, fs: disk, now, lockOwner: { pid: 99, isAlive: () => false } });
  } catch (error) {
    tally.problems.push(`${label}: reopen failed: ${String(error)}`);
    return;
  }
  const present = new Set(store.doc.annotations.map((a) => a.id));
  let lost = 0;
  for (const id of mustHave) if (!present.has(id)) lost++;
  if (acks.editedId && acks.notesAcked > 0) {
    const note = store.doc.annotations.find((a) => a.id === acks.editedId)?.note;
    // The last acknowledged note, or a later one that reached the disk before the crash.
    if (!note || acks.notes.indexOf(note) < acks.notesAcked - 1) lost++;
  }
  tally.lost += lost;
  const problems = [...store.status.notices];
  if (store.status.readOnly) problems.push('opened read-only');
  await store.close();
  const snapshot = disk.peek(`${DATA}/fieldmark.json`);
  try {
    if (!snapshot) throw new Error('no snapshot after reopen');
    decodeSnapshot(snapshot);
  } catch (error) {
    problems.push(`snapshot does not validate: ${String(error)}`);
  }
  if (lost > 0) problems.push(`${lost} acknowledged changes lost`);
  if (problems.length > 0) tally.problems.push(`${label}: ${problems.join('; ')}`);
  else tally.survived++;
}

/** Runs `scenario` once to count its calls, then crashes it after every call in every crash variant. */
async function crashEverywhere(
  name: string,
  makeDisk: () => Promise<{ fs: MemoryFs; ids: string[] }>,
  scenario: (fs: MemoryFs, acks: Acks) => Promise<void>,
): Promise<Tally> {
  const dry = await makeDisk();
  const before = dry.fs.calls.length;
  await scenario(dry.fs, { ids: new Set(), notes: [], notesAcked: 0, editedId: null });
  const total = dry.fs.calls.length - before;
  const tally: Tally = { points: 0, survived: 0, lost: 0, acked: 0, problems: [] };
  for (let step = 0; step <= total; step++) {
    const { fs, ids } = await makeDisk();
    const acks: Acks = { ids: new Set(), notes: [], notesAcked: 0, editedId: null };
    const start = fs.calls.length;
    fs.crashAfter(step);
    await scenario(fs, acks).catch(() => undefined);
    tally.acked += acks.ids.size + acks.notesAcked;
    for (const mode of MODES) {
      for (const names of NAMES) {
        await verify(fs.afterCrash(mode, names), [...ids, ...acks.ids], acks, `${name}, power lost at call ${step + 1} (${fs.calls[start + step]?.op ?? 'none: the session finished'} ${fs.calls[start + step]?.path ?? ''}), ${mode}/${names}`, tally);
      }
    }
  }
  expect(tally.points).toBe((total + 1) * MODES.length * NAMES.length);
  return tally;
}

describe('simulated power loss at every step', () => {
  const tallies: Tally[] = [];

  it('keeps every acknowledged change when power fails at any call of a writing session', async () => {
    const tally = await crashEverywhere('writing session', () => baseDisk(5), (fs, acks) => session(fs, 2, acks));
    tallies.push(tally);
    expect(tally.problems).toEqual([]);
    expect(tally.lost).toBe(0);
  }, 600_000);

  it('keeps every acknowledged change when power fails during the very first launch', async () => {
    const tally = await crashEverywhere('first launch', async () => ({ fs: new MemoryFs(), ids: [] }), (fs, acks) => session(fs, 2, acks));
    tallies.push(tally);
    expect(tally.problems).toEqual([]);
  }, 600_000);

  it('keeps the previous session’s changes when power fails while a store with an unfinished journal opens', async () => {
    const withJournal = async () => {
      const { fs } = await baseDisk(3);
      const acks: Acks = { ids: new Set(), notes: [], notesAcked: 0, editedId: null };
      const store = await openStore({ dataDir: DATA, fs, now, lockOwner: { pid: 3, isAlive: () => false } });
      for (let i = 0; i < 4; i++) {
        const a = makeAnnotation(200 + i);
        await store.apply([put(a)]);
        acks.ids.add(a.id);
      }
      await store.idle();
      const disk = fs.afterCrash('torn');
      const ids = [...(await readIds(disk))];
      return { fs: disk, ids };
    };
    const reopen = async (fs: MemoryFs) => {
      const store = await openStore({ dataDir: DATA, fs, now, lockOwner: { pid: 4, isAlive: () => false } });
      await store.close();
    };
    const tally = await crashEverywhere('reopen after an unclean exit', withJournal, (fs) => reopen(fs));
    tallies.push(tally);
    expect(tally.problems).toEqual([]);
  }, 600_000);

  it('records its figures', () => {
    const sum = (key: keyof Tally) => tallies.reduce((n, t) => n + (t[key] as number), 0);
    recordCounts('power loss (simulated, every call × 8 crash variants)', {
      faultsInjected: sum('points'),
      faultsSurvived: sum('survived'),
      acknowledgedWrites: sum('acked'),
      acknowledgedLost: sum('lost'),
      crashPoints: sum('points'),
    });
    expect(sum('points')).toBeGreaterThan(500);
    expect(sum('survived')).toBe(sum('points'));
  });
});

async function readIds(fs: MemoryFs): Promise<Set<string>> {
  const store = await openStore({ dataDir: DATA, fs: fs.clone(), now, lockOwner: { pid: 5, isAlive: () => false } });
  const ids = new Set(store.doc.annotations.map((a) => a.id));
  await store.close();
  return ids;
}
