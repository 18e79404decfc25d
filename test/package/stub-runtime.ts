/**
 * A stand-in for the Electron runtime folder that electron-builder packs the app
 * around (its `electronDist`). There is no Electron runtime here, and the
 * package's checks need none: electron-builder only copies the folder and
 * renames the executable, and the afterPack hook flips fuses in it.
 *
 * The executable holds Electron's fuse wire where @electron/fuses looks for it
 * (node_modules/@electron/fuses/dist/index.js, `setFuseWire` and
 * `getCurrentFuseWire`; constants in dist/constants.js):
 * - the ASCII sentinel `dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX`, found with indexOf;
 * - one byte, the wire's version (1 for FuseVersion.V1, the raw byte, not the digit);
 * - one byte, the number of fuses on the wire;
 * - one byte per fuse, in FuseV1Options order: '0' (0x30) off, '1' (0x31) on,
 *   'r' (0x72) removed.
 */
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { FuseV1Options } from '@electron/fuses';

export const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const FUSE_WIRE_VERSION = 1;
export const FUSE_ON = 0x31;
export const FUSE_OFF = 0x30;
export const FUSE_REMOVED = 0x72;

/**
 * The state Electron ships each fuse in
 * (https://www.electronjs.org/docs/latest/tutorial/fuses), so the check can
 * tell a fuse the hook flipped from one that was already so.
 */
export const ELECTRON_DEFAULT_FUSES: Readonly<Record<FuseV1Options, boolean>> = {
  [FuseV1Options.RunAsNode]: true,
  [FuseV1Options.EnableCookieEncryption]: false,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: true,
  [FuseV1Options.EnableNodeCliInspectArguments]: true,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: false,
  [FuseV1Options.OnlyLoadAppFromAsar]: false,
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: true,
};

/** The bytes of a fuse wire with `fuses` set, in the layout described above. */
export function fuseWire(fuses: Readonly<Record<number, boolean>>): Buffer {
  const count = Object.keys(fuses).length;
  const states = Array.from({ length: count }, (_, i) => (fuses[i] ? FUSE_ON : FUSE_OFF));
  return Buffer.concat([Buffer.from(FUSE_SENTINEL, 'ascii'), Buffer.from([FUSE_WIRE_VERSION, count, ...states])]);
}

/**
 * Makes the stub runtime in `dir`: an executable named `electron` (what
 * electron-builder renames to the app's executable on Linux) that says it is a
 * stub if run, with the wire after its script, and Electron's LICENSE file.
 */
export async function makeStubRuntime(dir: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  const script = Buffer.from('#!/bin/sh\necho "This is the stub runtime of npm run test:package, not Electron." >&2\nexit 1\n# ', 'ascii');
  const executable = path.join(dir, 'electron');
  await writeFile(executable, Buffer.concat([script, fuseWire(ELECTRON_DEFAULT_FUSES), Buffer.from('\n')]));
  await chmod(executable, 0o755);
  await writeFile(path.join(dir, 'LICENSE'), 'Stub runtime made by test/package/stub-runtime.ts.\n');
  return executable;
}
