/**
 * Child process for the conversion crash test (issue 16): opens the store in
 * argv[2] (unlocking it with the test key if protected), prints `ready`, then
 * loops: three acknowledged creations (`C <id>` after each), then a change of
 * protection — protect a plain store (`P` once done), or on a protected one
 * either remove the protection (`U`) or change the passphrase (`R`) — until it
 * is killed with SIGKILL.
 */
import { rewrapPassphrase } from '../../main/core/store/crypto/keyfile';
import { openStore } from '../../main/core/store/store';
import { TEST_PASSPHRASE, testKeys } from './protected-store';
import { makeAnnotation, prng, put } from './store-fixtures';

async function main(): Promise<void> {
  const dataDir = process.argv[2];
  if (!dataDir) throw new Error('usage: convert-writer.ts <dataDir> <seed>');
  const seed = Number(process.argv[3] ?? '1');
  const random = prng(seed);
  const { keys, dataKey } = await testKeys();
  const store = await openStore({ dataDir, compactAfterBytes: 64 * 1024 });
  if (store.protection === 'locked') await store.unlock(dataKey);
  process.stdout.write('ready\n');
  for (let n = seed * 1000; ; ) {
    for (let i = 0; i < 3; i++) {
      const a = makeAnnotation(n++);
      await store.apply([put(a)]);
      process.stdout.write(`C ${a.id}\n`);
    }
    if (random() < 0.3) await store.backupNow('convert-test');
    if (store.protection === 'plain') {
      await store.protect(keys, dataKey);
      process.stdout.write('P\n');
    } else if (random() < 0.6) {
      await store.unprotect();
      process.stdout.write('U\n');
    } else {
      // The same passphrase with a fresh salt: a new keyfile that the test key still opens.
      await store.rewrap(await rewrapPassphrase(store.keys!, dataKey, TEST_PASSPHRASE));
      process.stdout.write('R\n');
    }
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
