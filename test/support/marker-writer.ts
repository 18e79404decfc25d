/**
 * Child process for the "no plaintext on disk" test: opens the protected store
 * in argv[2] (keys from FIELDMARK_TEST_KEYS), prints `ready`, then writes
 * annotations whose notes, quotes and codes carry the markers — creates, edits,
 * deletes, backups, with a small compaction threshold — until it is killed.
 */
import { openStoreAs } from './protected-store';
import { markedAnnotation, markedCode } from './plaintext-markers';
import { prng } from './store-fixtures';

async function main(): Promise<void> {
  const dataDir = process.argv[2];
  if (!dataDir) throw new Error('usage: marker-writer.ts <dataDir> <seed>');
  const random = prng(Number(process.argv[3] ?? '1'));
  const store = await openStoreAs('encrypted', { dataDir, compactAfterBytes: 8 * 1024 });
  process.stdout.write('ready\n');
  for (let n = 0; ; n++) {
    const roll = random();
    const existing = store.doc.annotations;
    if (roll < 0.6 || existing.length === 0) await store.apply([{ op: 'putAnnotation', value: markedAnnotation(n) }, { op: 'putCodes', values: [markedCode(n)] }]);
    else if (roll < 0.8) {
      const a = existing[Math.floor(random() * existing.length)]!;
      await store.apply([{ op: 'putAnnotation', value: { ...a, note: `${a.note} edited`, updatedAt: new Date().toISOString() } }]);
    } else if (roll < 0.95) {
      const a = existing[Math.floor(random() * existing.length)]!;
      await store.apply([{ op: 'putAnnotation', value: { ...a, deletedAt: new Date().toISOString() } }]);
    } else await store.backupNow('marker-test');
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
