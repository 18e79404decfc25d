import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PORTABLE_DIR_NAME, portableBaseDir, portableDataDir } from '../../../../main/core/hosting/portable-data-dir';

const linux = { env: {}, platform: 'linux' as const };

describe('portable data folder', () => {
  let dir: string | null = null;
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
    dir = null;
  });

  it('uses fieldmark-data/ beside the executable when that folder exists', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'fm-portable-'));
    await mkdir(path.join(dir, PORTABLE_DIR_NAME));
    expect(portableDataDir({ ...linux, executable: path.join(dir, 'fieldmark') })).toBe(path.join(dir, PORTABLE_DIR_NAME));
  });

  it('gives null when there is no such folder, or only a file of that name, and creates nothing', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'fm-portable-'));
    const executable = path.join(dir, 'fieldmark');
    expect(portableDataDir({ ...linux, executable })).toBeNull();
    await writeFile(path.join(dir, PORTABLE_DIR_NAME), 'not a folder');
    expect(portableDataDir({ ...linux, executable })).toBeNull();
  });

  it('looks beside the AppImage file, not inside its temporary mount', () => {
    const inputs = { ...linux, executable: '/tmp/.mount_FieldmXYZ/fieldmark', env: { APPIMAGE: '/media/usb/Fieldmark-0.1.0.AppImage' } };
    expect(portableBaseDir(inputs)).toBe('/media/usb');
    expect(portableDataDir(inputs, (d) => d === '/media/usb/fieldmark-data')).toBe('/media/usb/fieldmark-data');
  });

  it("looks beside Windows' portable .exe, which runs unpacked in a temp folder", () => {
    const inputs = { platform: 'win32' as const, executable: 'C:\\Users\\ana\\AppData\\Local\\Temp\\2abc\\Fieldmark.exe', env: { PORTABLE_EXECUTABLE_DIR: 'E:\\Apps' } };
    expect(portableDataDir(inputs, (d) => d === 'E:\\Apps\\fieldmark-data')).toBe('E:\\Apps\\fieldmark-data');
  });

  it('looks beside the macOS app bundle, not inside it', () => {
    const inputs = { platform: 'darwin' as const, executable: '/Volumes/USB/Fieldmark.app/Contents/MacOS/Fieldmark', env: {} };
    expect(portableBaseDir(inputs)).toBe('/Volumes/USB');
  });

  it('ignores APPIMAGE on other systems and a relative APPIMAGE', () => {
    expect(portableBaseDir({ platform: 'linux', executable: '/opt/Fieldmark/fieldmark', env: { APPIMAGE: 'relative.AppImage' } })).toBe('/opt/Fieldmark');
    expect(portableBaseDir({ platform: 'win32', executable: 'C:\\Fieldmark\\Fieldmark.exe', env: { APPIMAGE: '/x/y.AppImage' } })).toBe('C:\\Fieldmark');
  });
});
