/**
 * Reads the fuse wire back from the packaged executable with @electron/fuses
 * and compares every fuse with what electron-builder.fuses.mjs asks for. The
 * stub ships Electron's defaults, and every fuse we set differs from its
 * default, so a match proves the afterPack hook ran on this package.
 */
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { FUSE_OFF, FUSE_ON, FUSE_REMOVED } from './stub-runtime';

export interface FuseRow {
  fuse: string;
  wanted: boolean | null;
  read: string;
  ok: boolean;
}

function stateName(state: number | undefined): string {
  if (state === FUSE_ON) return 'on';
  if (state === FUSE_OFF) return 'off';
  if (state === FUSE_REMOVED) return 'removed';
  return `unknown (${String(state)})`;
}

/** One row per fuse on the wire: wanted (null where we leave Electron's default), read back, and whether they agree. */
export async function readFuseTable(executable: string, wanted: Readonly<Record<number, boolean>>, defaults: Readonly<Record<number, boolean>>): Promise<FuseRow[]> {
  const wire = (await getCurrentFuseWire(executable)) as unknown as Record<number, number>;
  const rows: FuseRow[] = [];
  for (const key of Object.keys(wire).filter((k) => /^\d+$/.test(k))) {
    const index = Number(key);
    const read = stateName(wire[index]);
    const target = index in wanted ? wanted[index]! : null;
    const expected = target ?? defaults[index];
    rows.push({ fuse: FuseV1Options[index] ?? `fuse ${index}`, wanted: target, read, ok: read === (expected ? 'on' : 'off') });
  }
  return rows;
}

export function formatFuseTable(rows: readonly FuseRow[]): string {
  const width = Math.max(...rows.map((r) => r.fuse.length));
  const wanted = (r: FuseRow) => (r.wanted === null ? "Electron's default" : r.wanted ? 'on' : 'off');
  const header = `    ${'fuse'.padEnd(width)}  ${'wanted'.padEnd(18)}  read`;
  const lines = rows.map((r) => `    ${r.fuse.padEnd(width)}  ${wanted(r).padEnd(18)}  ${r.read}${r.ok ? '' : '   <- differs'}`);
  return [header, ...lines].join('\n');
}
