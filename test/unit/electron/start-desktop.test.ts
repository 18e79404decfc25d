import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { electronBinary, launchDesktop, RUNTIME_MISSING, type LaunchDeps } from '../../../main/electron/start-desktop';

const PKG = '/repo/node_modules/electron';
const BINARY = path.join(PKG, 'dist', 'electron');

function harness(opts: { installed?: boolean; installWorks?: boolean; packagePresent?: boolean; env?: Record<string, string> } = {}) {
  const files = new Set<string>();
  const texts = new Map<string, string>();
  const install = () => {
    texts.set(path.join(PKG, 'path.txt'), 'electron');
    files.add(BINARY);
  };
  files.add(path.join(PKG, 'install.js'));
  if (opts.installed) install();
  const errors: string[] = [];
  const deps: LaunchDeps = {
    electronPackageDir: () => (opts.packagePresent === false ? null : PKG),
    env: { PATH: '/usr/bin', ELECTRON_RUN_AS_NODE: '1', ...opts.env },
    exists: (file) => files.has(file),
    readText: (file) => texts.get(file) ?? null,
    runInstall: vi.fn(() => {
      if (opts.installWorks) install();
      return opts.installWorks ?? false;
    }),
    runElectron: vi.fn(async () => 0),
    printError: (line) => errors.push(line),
  };
  return { deps, errors };
}

describe('npm start launcher', () => {
  it('launches the installed runtime on the app folder with the arguments, without ELECTRON_RUN_AS_NODE', async () => {
    const h = harness({ installed: true });
    expect(await launchDesktop('/repo', ['--data-dir', '/tmp/fm'], h.deps)).toBe(0);
    expect(h.deps.runInstall).not.toHaveBeenCalled();
    expect(h.deps.runElectron).toHaveBeenCalledWith(BINARY, ['/repo', '--data-dir', '/tmp/fm'], { PATH: '/usr/bin' });
    expect(h.errors).toEqual([]);
  });

  it('fetches the runtime once when it is missing, then launches it', async () => {
    const h = harness({ installWorks: true });
    expect(await launchDesktop('/repo', [], h.deps)).toBe(0);
    expect(h.deps.runInstall).toHaveBeenCalledExactlyOnceWith(path.join(PKG, 'install.js'), PKG);
    expect(h.deps.runElectron).toHaveBeenCalledOnce();
  });

  it('says in one plain sentence that the runtime cannot be had and points to npm run web', async () => {
    const h = harness({ installWorks: false });
    expect(await launchDesktop('/repo', [], h.deps)).toBe(1);
    expect(h.deps.runInstall).toHaveBeenCalledOnce();
    expect(h.deps.runElectron).not.toHaveBeenCalled();
    expect(h.errors).toEqual([RUNTIME_MISSING]);
    expect(RUNTIME_MISSING).toMatch(/^The Electron runtime is not available on this machine.*run `npm run web`.*instead\.$/);
    expect(RUNTIME_MISSING.split(/\.\s/)).toHaveLength(1);
  });

  it('says the same when the electron package itself is not installed', async () => {
    const h = harness({ packagePresent: false });
    expect(await launchDesktop('/repo', [], h.deps)).toBe(1);
    expect(h.errors).toEqual([RUNTIME_MISSING]);
  });

  it('passes the exit code of the app through', async () => {
    const h = harness({ installed: true });
    vi.mocked(h.deps.runElectron).mockResolvedValueOnce(3);
    expect(await launchDesktop('/repo', [], h.deps)).toBe(3);
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH like the electron package does', () => {
    const exists = (file: string) => file === '/opt/electron/electron';
    expect(electronBinary(PKG, { env: { ELECTRON_OVERRIDE_DIST_PATH: '/opt/electron' }, exists, readText: () => null })).toBe('/opt/electron/electron');
    expect(electronBinary(PKG, { env: {}, exists, readText: () => null })).toBeNull();
  });
});
