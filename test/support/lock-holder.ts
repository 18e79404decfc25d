/**
 * Child process that opens the real store in argv[2], prints `ready` (or
 * `refused <message>` if the folder is taken) and keeps it open until its stdin
 * closes, then closes the store and exits. Used to test that a second host is
 * refused while another process holds the data folder.
 */
import { FieldmarkError } from '../../preload/rpc';
import { openStore } from '../../main/core/store/store';

async function main(): Promise<void> {
  const dataDir = process.argv[2];
  if (!dataDir) throw new Error('usage: lock-holder.ts <dataDir>');
  let store;
  try {
    store = await openStore({ dataDir });
  } catch (error) {
    if (error instanceof FieldmarkError) {
      process.stdout.write(`refused ${error.code} ${error.message}\n`);
      return;
    }
    throw error;
  }
  process.stdout.write('ready\n');
  process.stdin.resume();
  await new Promise((resolve) => process.stdin.on('end', resolve));
  await store.close();
}

main().catch((error: unknown) => {
  process.stderr.write(`lock-holder failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
