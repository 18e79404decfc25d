import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { flipFuses, FuseV1Options, FuseVersion, getCurrentFuseWire } from '@electron/fuses';
import { afterEach, describe, expect, it } from 'vitest';
import { forbiddenFiles, missingFiles, packedPackages } from '../../package/asar-contents';
import { parseDesktopEntry } from '../../package/desktop-entry';
import { readFuseTable } from '../../package/fuse-check';
import { packageOf, unresolvedImports } from '../../package/runtime-imports';
import { ELECTRON_DEFAULT_FUSES, FUSE_OFF, FUSE_ON, makeStubRuntime } from '../../package/stub-runtime';

const files = (...paths: string[]) => paths.map((p) => ({ path: p, size: 1 }));

describe('stub runtime', () => {
  let dir: string | null = null;
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
    dir = null;
  });

  it('carries a fuse wire that @electron/fuses reads and flips', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'fm-stub-'));
    const executable = await makeStubRuntime(dir);
    const before = (await getCurrentFuseWire(executable)) as unknown as Record<number, number>;
    expect(before[FuseV1Options.RunAsNode]).toBe(FUSE_ON);
    expect(before[FuseV1Options.OnlyLoadAppFromAsar]).toBe(FUSE_OFF);
    await flipFuses(executable, { version: FuseVersion.V1, [FuseV1Options.RunAsNode]: false, [FuseV1Options.OnlyLoadAppFromAsar]: true });
    const wanted = { [FuseV1Options.RunAsNode]: false, [FuseV1Options.OnlyLoadAppFromAsar]: true };
    const rows = await readFuseTable(executable, wanted, ELECTRON_DEFAULT_FUSES);
    expect(rows).toHaveLength(Object.keys(ELECTRON_DEFAULT_FUSES).length);
    expect(rows.every((r) => r.ok)).toBe(true);
  });

  it('reports a fuse that was not flipped', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'fm-stub-'));
    const executable = await makeStubRuntime(dir);
    const rows = await readFuseTable(executable, { [FuseV1Options.RunAsNode]: false }, ELECTRON_DEFAULT_FUSES);
    expect(rows.find((r) => r.fuse === 'RunAsNode')).toMatchObject({ read: 'on', ok: false });
  });
});

describe('app.asar contents', () => {
  it('accepts the desktop build and package.json', () => {
    const packed = files('package.json', 'out/main/electron.js', 'out/main/chunks/a.js', 'out/preload/index.cjs', 'out/renderer/index.html', 'out/renderer/assets/index-1.js');
    expect(forbiddenFiles(packed, ['vite'])).toEqual([]);
    expect(missingFiles(packed, 'out/main/electron.js')).toEqual([]);
  });

  it('names every file it refuses, with the reason', () => {
    const packed = files('test/unit/x.test.ts', 'out/main/electron.js.map', '.env', 'out/main/web.js', 'node_modules/vite/index.js', 'main/core/store.ts', 'backups/b.json');
    const reasons = forbiddenFiles(packed, ['vite']).map((f) => `${f.path}: ${f.reason}`);
    expect(reasons).toEqual(
      expect.arrayContaining([
        'test/unit/x.test.ts: a test file',
        'out/main/electron.js.map: a source map',
        '.env: an .env file',
        'out/main/web.js: the browser host or the dev launcher (not used by the desktop app)',
        'node_modules/vite/index.js: from the dev dependency vite',
        'main/core/store.ts: TypeScript source',
        'backups/b.json: user data',
      ]),
    );
  });

  it('lists what is missing, the main entry included', () => {
    expect(missingFiles(files('package.json', 'out/renderer/index.html'), 'out/main/electron.js')).toEqual(['out/preload/index.cjs', 'out/main/electron.js', 'out/renderer/assets/*.js']);
  });

  it('lists packed packages, scoped ones whole', () => {
    expect(packedPackages(files('node_modules/@scope/pkg/a.js', 'node_modules/lowdb/lib/index.js', 'out/main/electron.js'))).toEqual(['@scope/pkg', 'lowdb']);
  });
});

describe('runtime imports', () => {
  it('finds a package the bundle loads but the archive lacks, and a chunk that was not packed', () => {
    const code = new Map([
      ['out/main/electron.js', `import { app } from "electron";\nimport path from "node:path";\nimport fs from "fs";\nimport { a } from "./chunks/a.js";\nimport { b } from "./chunks/b.js";`],
      ['out/main/chunks/a.js', `import { Low } from "lowdb";\nconst m = await import("@scope/pkg/sub");\nexport const a = 1;`],
    ]);
    const packed = new Set(['out/main/electron.js', 'out/main/chunks/a.js', 'node_modules/@scope/pkg/package.json']);
    expect(unresolvedImports(code, packed, new Set(['@scope/pkg']))).toEqual([
      { from: 'out/main/electron.js', specifier: './chunks/b.js' },
      { from: 'out/main/chunks/a.js', specifier: 'lowdb' },
    ]);
  });

  it('reads minified code by its syntax: a string "import" is not an import, require and export…from are', () => {
    const code = new Map([
      ['out/main/electron.js', `import{app as l}from"electron";function f(e,n){if(e==="import"&&R(n))return{action:"x"};return e==="import"?{a:1}:{b:2}}export{z}from"./chunks/z.js";const q=require("missing-pkg");`],
    ]);
    expect(unresolvedImports(code, new Set(['out/main/electron.js']), new Set())).toEqual([
      { from: 'out/main/electron.js', specifier: './chunks/z.js' },
      { from: 'out/main/electron.js', specifier: 'missing-pkg' },
    ]);
  });

  it('treats built-ins, node: specifiers and electron as provided', () => {
    expect(['fs', 'node:fs/promises', 'electron', 'path/posix'].map(packageOf)).toEqual([null, null, null, null]);
    expect(packageOf('@scope/pkg/deep/file.js')).toBe('@scope/pkg');
  });
});

describe('.desktop entry', () => {
  it('reads the keys of the [Desktop Entry] group only', () => {
    const keys = parseDesktopEntry('[Desktop Entry]\nName=Fieldmark\nCategories=Office;Viewer;\n\n[Desktop Action new]\nName=Other\n');
    expect(keys.get('Name')).toBe('Fieldmark');
    expect(keys.get('Categories')).toBe('Office;Viewer;');
  });
});
