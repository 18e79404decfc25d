import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FieldmarkError } from '../../../../preload/rpc';
import { dataDirFlag, electronUserDataDir, resolveDataDir } from '../../../../main/core/hosting/data-dir';

const base = { env: {}, cwd: '/work', fallback: () => '/home/ana/.config/Fieldmark' };

describe('data folder resolution', () => {
  it('takes --data-dir <dir> from the arguments, resolved against the working folder', () => {
    expect(resolveDataDir({ ...base, argv: ['--data-dir', 'stick/fieldmark'] })).toBe(path.resolve('/work', 'stick/fieldmark'));
  });

  it('takes --data-dir=<dir> as well, and the last flag wins', () => {
    expect(resolveDataDir({ ...base, argv: ['--data-dir=/a', '--data-dir=/media/usb/fm'] })).toBe('/media/usb/fm');
  });

  it('prefers the flag over FIELDMARK_DATA_DIR', () => {
    expect(resolveDataDir({ ...base, env: { FIELDMARK_DATA_DIR: '/from-env' }, argv: ['--data-dir', '/from-flag'] })).toBe('/from-flag');
  });

  it('uses FIELDMARK_DATA_DIR when no flag is given', () => {
    expect(resolveDataDir({ ...base, env: { FIELDMARK_DATA_DIR: '/from-env' }, argv: [] })).toBe('/from-env');
  });

  it('ignores an empty FIELDMARK_DATA_DIR and falls back to the app data folder', () => {
    expect(resolveDataDir({ ...base, env: { FIELDMARK_DATA_DIR: '  ' }, argv: ['--port', '0'] })).toBe('/home/ana/.config/Fieldmark');
  });

  it('refuses --data-dir without a folder with a plain message', () => {
    expect(() => dataDirFlag(['--data-dir'])).toThrow(FieldmarkError);
    expect(() => dataDirFlag(['--data-dir', '--port'])).toThrow(/needs a folder/);
    expect(() => dataDirFlag(['--data-dir='])).toThrow(/empty folder name/);
  });

  it("matches Electron's userData folder for an app named Fieldmark on each platform", () => {
    expect(electronUserDataDir('linux', {}, '/home/ana')).toBe('/home/ana/.config/Fieldmark');
    expect(electronUserDataDir('linux', { XDG_CONFIG_HOME: '/xdg' }, '/home/ana')).toBe('/xdg/Fieldmark');
    expect(electronUserDataDir('linux', { XDG_CONFIG_HOME: 'relative' }, '/home/ana')).toBe('/home/ana/.config/Fieldmark');
    expect(electronUserDataDir('darwin', {}, '/Users/ana')).toBe('/Users/ana/Library/Application Support/Fieldmark');
    expect(electronUserDataDir('win32', { APPDATA: 'C:\\Users\\ana\\AppData\\Roaming' }, 'C:\\Users\\ana')).toBe(
      'C:\\Users\\ana\\AppData\\Roaming\\Fieldmark',
    );
    expect(electronUserDataDir('win32', {}, 'C:\\Users\\ana')).toBe('C:\\Users\\ana\\AppData\\Roaming\\Fieldmark');
  });
});
