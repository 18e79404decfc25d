/** Step 2 of test:package: the fuse table read back from the packaged executable. */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Checks } from './checks';
import { formatFuseTable, readFuseTable } from './fuse-check';
import { ELECTRON_DEFAULT_FUSES } from './stub-runtime';

const HOOK = path.resolve(import.meta.dirname, '../../electron-builder.fuses.mjs');

export async function checkFuses(checks: Checks, executable: string): Promise<void> {
  process.stdout.write(`\nFuses read back from ${path.basename(executable)} with @electron/fuses\n`);
  const { FUSES } = (await import(pathToFileURL(HOOK).href)) as { FUSES: Record<number, boolean> };
  const rows = await readFuseTable(executable, FUSES, ELECTRON_DEFAULT_FUSES);
  process.stdout.write(`${formatFuseTable(rows)}\n`);
  const set = rows.filter((r) => r.wanted !== null);
  const beyondWire = Object.keys(FUSES).filter((index) => Number(index) >= rows.length);
  checks.check('fuses', `the wire has every fuse electron-builder.fuses.mjs sets (${Object.keys(FUSES).length} of ${rows.length})`, beyondWire.length === 0, `not on the wire: ${beyondWire.join(', ')}`);
  for (const row of set) checks.check('fuses', `${row.fuse} is ${row.wanted ? 'on' : 'off'}`, row.ok, `read ${row.read}`);
  for (const row of rows.filter((r) => r.wanted === null)) checks.check('fuses', `${row.fuse} keeps Electron's default`, row.ok, `read ${row.read}`);
}
