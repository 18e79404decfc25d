import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { FuseV1Options, FuseVersion } from '@electron/fuses';
import { describe, expect, it, vi } from 'vitest';

const REPO = path.resolve(import.meta.dirname, '../../..');
const { load } = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown };

interface BuilderConfig {
  appId: string;
  productName: string;
  asar: boolean;
  files: string[];
  extraResources: Array<{ from: string; to: string }>;
  afterPack: string;
  linux: { target: string[] };
  win: { target: string[] };
  mac: { target: string[] };
}

const config = load(await readFile(path.join(REPO, 'electron-builder.yml'), 'utf8')) as BuilderConfig;
const hook = (await import(pathToFileURL(path.join(REPO, config.afterPack)).href)) as {
  afterPack(context: unknown): Promise<void>;
  FUSES: Record<number, boolean>;
};

describe('packaging configuration', () => {
  it('names the app and builds AppImage + deb, NSIS (and a portable .exe) and dmg', () => {
    expect(config.appId).toBe('org.fieldmark.app');
    expect(config.productName).toBe('Fieldmark');
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.win.target).toEqual(['nsis', 'portable']);
    expect(config.mac.target).toEqual(['dmg']);
  });

  it('packs only the desktop build and package.json into app.asar, and the assets beside it', () => {
    expect(config.asar).toBe(true);
    expect(config.files).toEqual(['out/**', '!out/main/web.js', '!out/main/start-desktop.js', 'package.json']);
    expect(config.extraResources).toEqual([expect.objectContaining({ from: 'assets', to: 'assets' })]);
  });

  it('flips the fuses after packing', () => {
    expect(config.afterPack).toBe('./electron-builder.fuses.mjs');
  });
});

describe('fuses', () => {
  it('turns off RunAsNode, NODE_OPTIONS, --inspect and file:// privileges; turns on cookie encryption and asar integrity', () => {
    expect(hook.FUSES).toEqual({
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
    });
  });

  it('hands them to electron-builder for each packed app, re-signing ad hoc only on Apple Silicon', async () => {
    const addElectronFuses = vi.fn(async () => 0);
    const linux = { electronPlatformName: 'linux', arch: 1, appOutDir: '/dist/linux-unpacked', packager: { addElectronFuses } };
    await hook.afterPack(linux);
    expect(addElectronFuses).toHaveBeenCalledWith(linux, { version: FuseVersion.V1, resetAdHocDarwinSignature: false, ...hook.FUSES });
    const macArm = { ...linux, electronPlatformName: 'darwin', arch: 3 };
    await hook.afterPack(macArm);
    expect(addElectronFuses).toHaveBeenLastCalledWith(macArm, expect.objectContaining({ resetAdHocDarwinSignature: true }));
  });
});
