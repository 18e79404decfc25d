/**
 * Child process for the SIGKILL tests: opens the REAL store in the data folder
 * given as argv[2] and writes in a loop until it is killed. It prints a line
 * for every change only after `apply()` resolved (the change was acknowledged):
 *   `C <id>`       an annotation was created
 *   `U <id> <rev>` its note was set to `rev <run>.<rev>` (revs count up within a run)
 * plus `ready` once the store is open. Stdout is a pipe, which Node writes
 * synchronously on Linux, so a printed line is never "in flight" after a kill.
 * Mixes single writes, concurrent writes (group commit), multi-op batches,
 * updates, backups and a small compaction threshold so that kills land in
 * every part of the write path. argv[3] is the run number (also the seed).
 */
import { openStore } from '../../main/core/store';
import { makeAnnotation, prng, put } from './store-fixtures';

async function main(): Promise<void> {
  const dataDir = process.argv[2];
  if (!dataDir) throw new Error('usage: crash-writer.ts <dataDir> [seed]');
  const run = Number(process.argv[3] ?? '1');
  const random = prng(run);
  const store = await openStore({ dataDir, compactAfterBytes: 16 * 1024 });
  process.stdout.write('ready\n');
  const ids = store.doc.annotations.map((a) => a.id);
  let n = ids.length;
  let rev = 0;
  const create = async (): Promise<void> => {
    const annotation = makeAnnotation(n++);
    await store.apply([put(annotation)]);
    ids.push(annotation.id);
    process.stdout.write(`C ${annotation.id}\n`);
  };
  for (;;) {
    const roll = random();
    if (roll < 0.5 || ids.length === 0) {
      await create();
    } else if (roll < 0.65) {
      await Promise.all([create(), create(), create(), create(), create()]);
    } else if (roll < 0.75) {
      const batch = [makeAnnotation(n++), makeAnnotation(n++), makeAnnotation(n++)];
      await store.apply(batch.map(put));
      for (const annotation of batch) {
        ids.push(annotation.id);
        process.stdout.write(`C ${annotation.id}\n`);
      }
    } else if (roll < 0.97) {
      const id = ids[Math.floor(random() * ids.length)]!;
      const current = store.doc.annotations.find((a) => a.id === id)!;
      const next = ++rev;
      await store.apply([put({ ...current, note: `rev ${run}.${next}`, updatedAt: new Date().toISOString() })]);
      process.stdout.write(`U ${id} ${next}\n`);
    } else {
      await store.backupNow('crash-test');
    }
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`crash-writer failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
