/**
 * Child process for the SIGKILL tests: opens the REAL store in the data folder
 * given as argv[2] and writes in a loop until it is killed. It prints one line
 * per event in the format of test/support/crash-log.ts (the checker parses the
 * same format): `ready` once the store is open, `C <id>` after a creation was
 * acknowledged (`apply()` resolved), `E <id> <run>.<n>` just before an edit is
 * handed to the store and `U <id> <run>.<n>` once it was acknowledged. Stdout is
 * a pipe, which Node writes synchronously on Linux, so a printed line is never
 * "in flight" after a kill; a kill between `apply()` resolving and the `U` line
 * leaves an edit the checker sees as in flight, which may or may not be on disk.
 * `L <id>` once a link was acknowledged; an assessment's rationale edit is
 * printed like a note edit, with the recommendation's id (`rec-N`).
 * Mixes single writes, concurrent writes (group commit), multi-op batches,
 * updates, links and assessments (issue 14), backups and a small compaction threshold so that kills land in
 * every part of the write path. argv[3] is the run number (also the seed).
 */
import { randomUUID } from 'node:crypto';
import { openStoreAs, storeKindFromEnv } from './protected-store';
import type { StoredLink } from '../../main/core/store/store-schema';
import { formatEvent, revNote, type CrashEvent } from './crash-log';
import { makeAnnotation, prng, put } from './store-fixtures';

const print = (event: CrashEvent) => process.stdout.write(`${formatEvent(event)}\n`);

async function main(): Promise<void> {
  const dataDir = process.argv[2];
  if (!dataDir) throw new Error('usage: crash-writer.ts <dataDir> [seed]');
  const run = Number(process.argv[3] ?? '1');
  const random = prng(run);
  // FIELDMARK_TEST_STORE_KIND=encrypted: the same loop on a protected store (issue 16).
  const store = await openStoreAs(storeKindFromEnv(), { dataDir, compactAfterBytes: 16 * 1024 });
  print({ kind: 'ready' });
  const ids = store.doc.annotations.map((a) => a.id);
  let n = ids.length;
  let rev = 0;
  const create = async (): Promise<void> => {
    const annotation = makeAnnotation(n++);
    await store.apply([put(annotation)]);
    ids.push(annotation.id);
    print({ kind: 'created', id: annotation.id });
  };
  for (;;) {
    const roll = random();
    if (roll < 0.5 || ids.length === 0) {
      await create();
    } else if (roll < 0.65) {
      await Promise.all([create(), create(), create(), create(), create()]);
    } else if (roll < 0.7) {
      const batch = [makeAnnotation(n++), makeAnnotation(n++), makeAnnotation(n++)];
      await store.apply(batch.map(put));
      for (const annotation of batch) {
        ids.push(annotation.id);
        print({ kind: 'created', id: annotation.id });
      }
    } else if (roll < 0.78) {
      const from = ids[Math.floor(random() * ids.length)]!;
      const other = ids[Math.floor(random() * ids.length)]!;
      const at = new Date().toISOString();
      const to = other === from || random() < 0.5 ? { recommendation: `rec-${1 + Math.floor(random() * 12)}` } : { annotation: other };
      const link: StoredLink = { id: randomUUID(), from, to, relation: 'recommendation' in to ? 'gap' : 'supports', createdAt: at, updatedAt: at, deletedAt: null };
      await store.apply([{ op: 'putLinks', values: [link] }]);
      print({ kind: 'linked', id: link.id });
    } else if (roll < 0.86) {
      const id = `rec-${1 + Math.floor(random() * 12)}`;
      const at = new Date().toISOString();
      const current = store.doc.assessments.find((a) => a.id === id) ?? { id, title: null, status: 'partial' as const, assessedBy: null, assessedAt: null };
      const next = { run, n: ++rev };
      print({ kind: 'editing', id, rev: next });
      await store.apply([{ op: 'putAssessments', values: [{ ...current, rationale: revNote(next), assessedAt: at, updatedAt: at }] }]);
      print({ kind: 'edited', id, rev: next });
    } else if (roll < 0.97) {
      const id = ids[Math.floor(random() * ids.length)]!;
      const current = store.doc.annotations.find((a) => a.id === id)!;
      const next = { run, n: ++rev };
      print({ kind: 'editing', id, rev: next });
      await store.apply([put({ ...current, note: revNote(next), updatedAt: new Date().toISOString() })]);
      print({ kind: 'edited', id, rev: next });
    } else {
      await store.backupNow('crash-test');
    }
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`crash-writer failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
