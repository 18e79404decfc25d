import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { METHOD_NAMES, DEFAULT_SETTINGS, type Contract } from '../../../preload/contract';
import { FieldmarkError, type Envelope, type Implementation } from '../../../preload/rpc';

vi.mock('electron', () => import('./fake-electron'));
const fake = await import('./fake-electron');
const { startDesktopApp } = await import('../../../main/electron/app');

const REPO = path.resolve(import.meta.dirname, '../../..');
const BUILT = path.join(REPO, 'out', 'main');

let dataDir: string;
let stderr: string[];
beforeEach(async () => {
  fake.resetFakeElectron();
  dataDir = await mkdtemp(path.join(tmpdir(), 'fieldmark-app-'));
  stderr = [];
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    stderr.push(String(chunk));
    return true;
  });
});
afterEach(async () => {
  vi.restoreAllMocks();
  await rm(dataDir, { recursive: true, force: true });
});

function launch(overrides: { openService?: Parameters<typeof startDesktopApp>[0]['openService']; argv?: string[] } = {}) {
  const events: string[] = [];
  const impl = {
    getSettings: async () => DEFAULT_SETTINGS,
    updateSettings: async (patch: object) => {
      events.push('write');
      return { ...DEFAULT_SETTINGS, ...patch };
    },
  } as unknown as Implementation<Contract>;
  const openService = vi.fn(
    overrides.openService ??
      (async () => ({
        impl,
        close: async () => {
          events.push('service closed');
        },
      })),
  );
  const quitOnSignal: Array<() => void> = [];
  const started = startDesktopApp({
    openService,
    builtDir: BUILT,
    argv: overrides.argv ?? ['/usr/bin/electron', REPO, '--data-dir', dataDir],
    env: {},
    cwd: REPO,
    flushGraceMs: 0,
    flushTimeoutMs: 1000,
    onStopSignal: (quit) => quitOnSignal.push(quit),
  });
  return { started, openService, events, quitOnSignal };
}

async function ready(run: ReturnType<typeof launch>) {
  fake.app.becomeReady();
  await run.started;
  return fake.BrowserWindow.instances[0]!;
}

describe('desktop app start', () => {
  it('registers app:// as privileged, points userData at the data folder and Chromium\'s own files beside it, before ready', () => {
    launch();
    expect(fake.protocol.privileged).toHaveLength(1);
    const session = `${dataDir}-session`;
    expect(fake.app.setPathCalls).toEqual([
      ['userData', dataDir],
      ['sessionData', session],
      ['crashDumps', path.join(session, 'Crashpad')],
    ]);
    expect(path.relative(dataDir, session).startsWith('..')).toBe(true);
  });

  it('quits at once when another instance holds the lock, opening nothing', async () => {
    fake.app.singleInstance = false;
    const run = launch();
    fake.app.becomeReady();
    await run.started;
    expect(fake.app.quitCalls).toBe(1);
    expect(run.openService).not.toHaveBeenCalled();
    expect(fake.BrowserWindow.instances).toHaveLength(0);
  });

  it('hardens the session, serves app://, opens the service, registers IPC and loads the page', async () => {
    const run = launch();
    const window = await ready(run);
    const session = fake.session.defaultSession;
    expect(session.permissionRequestHandler).toBeTypeOf('function');
    expect(session.permissionCheckHandler).toBeTypeOf('function');
    expect(session.beforeRequest).toBeTypeOf('function');
    expect([...session.protocol.handlers.keys()]).toEqual(['app']);
    expect(run.openService).toHaveBeenCalledWith({ assetsDir: path.join(REPO, 'assets'), dataDir });
    // One per contract method, and the page's Save as PDF (issue 15).
    expect(fake.ipcMain.handlers.size).toBe(METHOD_NAMES.length + 1);
    expect(fake.ipcMain.handlers.has('fieldmark:save-pdf')).toBe(true);
    expect(window.loadedUrl).toBe('app://fieldmark/index.html');
    expect(window.options.webPreferences).toMatchObject({
      preload: path.join(REPO, 'out', 'preload', 'index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      devTools: true,
    });
    expect(fake.Menu.applied).not.toBeNull();
  });

  it('hardens every web contents that is created', async () => {
    launch();
    const contents = new fake.FakeWebContents('https://evil.example/');
    fake.app.emit('web-contents-created', new fake.FakeEvent(), contents);
    expect(contents.windowOpenHandler!({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
  });

  it('turns DevTools off in the packaged app', async () => {
    fake.app.isPackaged = true;
    const window = await ready(launch());
    expect((window.options.webPreferences as { devTools: boolean }).devTools).toBe(false);
    const cancel = vi.fn();
    (fake.session.defaultSession.beforeRequest as unknown as (d: object, cb: typeof cancel) => void)({ url: 'devtools://devtools/x' }, cancel);
    expect(cancel).toHaveBeenCalledWith({ cancel: true });
  });

  it('focuses (and restores) the first window on a second launch', async () => {
    const window = await ready(launch());
    window.minimized = true;
    fake.app.emit('second-instance', new fake.FakeEvent(), ['electron', '.'], '/');
    expect(window.restored).toBe(1);
    expect(window.focused).toBe(1);
  });

  it('prints the lock message, shows it and exits 1 when another host holds the data folder', async () => {
    const message = 'Another Fieldmark is already using this data folder. Close it first, or choose another folder with --data-dir.';
    const run = launch({
      openService: async () => {
        throw new FieldmarkError('CONFLICT', message);
      },
    });
    fake.app.becomeReady();
    await run.started;
    expect(stderr.join('')).toBe(`${message}\n`);
    expect(fake.dialog.errorBoxes).toEqual([['Fieldmark cannot start', message]]);
    expect(fake.app.exitCodes).toEqual([1]);
    expect(fake.BrowserWindow.instances).toHaveLength(0);
  });

  it('refuses an empty --data-dir plainly and exits 1', async () => {
    const run = launch({ argv: ['electron', '.', '--data-dir='] });
    await run.started;
    expect(stderr.join('')).toMatch(/--data-dir was given an empty folder name/);
    expect(fake.app.exitCodes).toEqual([1]);
  });

  it('locks the store when the computer sleeps or its screen locks, then tells the page', async () => {
    const locks: string[] = [];
    const run = launch({
      openService: async () => ({
        impl: {
          lock: async () => {
            locks.push('lock');
            return { dataDir, readOnly: false, notices: [], encrypted: true, locked: true };
          },
        } as unknown as Implementation<Contract>,
        close: async () => undefined,
      }),
    });
    const window = await ready(run);
    fake.powerMonitor.emit('suspend');
    await vi.waitFor(() => expect(window.webContents.sent).toHaveLength(1));
    fake.powerMonitor.emit('lock-screen');
    await vi.waitFor(() => expect(window.webContents.sent).toHaveLength(2));
    expect(locks).toEqual(['lock', 'lock']);
    expect(window.webContents.sent[0]).toEqual({ channel: 'fieldmark:menu', args: [{ action: 'lock' }] });
  });

  it('tells the page nothing when the service refuses to lock (a plain store)', async () => {
    const window = await ready(launch());
    fake.powerMonitor.emit('suspend');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(window.webContents.sent).toEqual([]);
  });

  it('sends File → Lock to the page as a menu message', async () => {
    const window = await ready(launch());
    const template = (fake.Menu.applied as { template: Array<{ label: string; submenu: Array<{ label?: string; click?: () => void }> }> }).template;
    template.find((m) => m.label === '&File')!.submenu.find((i) => i.label === 'Lock')!.click!();
    expect(window.webContents.sent).toEqual([{ channel: 'fieldmark:menu', args: [{ action: 'lock' }] }]);
  });

  it('sends View zoom to the page as a menu message', async () => {
    const window = await ready(launch());
    const template = (fake.Menu.applied as { template: Array<{ label: string; submenu: Array<{ label?: string; click?: () => void }> }> }).template;
    template.find((m) => m.label === '&View')!.submenu.find((i) => i.label === 'Zoom In')!.click!();
    expect(window.webContents.sent).toEqual([{ channel: 'fieldmark:menu', args: [{ action: 'zoom', direction: 'in' }] }]);
  });
});

describe('desktop app quit', () => {
  it('asks the page to flush, lets its save finish, closes the service, remembers the window, then quits', async () => {
    const run = launch();
    const window = await ready(run);
    window.bounds = { x: 40, y: 50, width: 1000, height: 700 };
    // The page answers the flush request by saving its pending note over IPC.
    let saved: Promise<Envelope> | null = null;
    window.webContents.send = (channel: string) => {
      if (channel === 'fieldmark:flush') {
        const handler = fake.ipcMain.handlers.get('fieldmark:updateSettings') as unknown as (e: object, input: unknown) => Promise<Envelope>;
        saved = handler({ sender: window.webContents, senderFrame: window.webContents.mainFrame }, { fontSize: 22 });
      }
    };
    fake.app.quit();
    await vi.waitFor(() => expect(fake.app.quitCalls).toBe(2));
    expect(await saved).toMatchObject({ ok: true });
    expect(run.events).toEqual(['write', 'service closed']);
    expect(fake.app.quitCalls).toBe(2);
    expect(fake.ipcMain.handlers.size).toBe(0);
    const state = JSON.parse(await readFile(path.join(dataDir, 'desktop-state.json'), 'utf8'));
    expect(state.window).toEqual({ x: 40, y: 50, width: 1000, height: 700, maximized: false });
  });

  it('closing the window quits through the same path instead of closing at once', async () => {
    const run = launch();
    const window = await ready(run);
    const close = new fake.FakeEvent();
    window.emit('close', close);
    expect(close.defaultPrevented).toBe(true);
    await vi.waitFor(() => expect(run.events).toEqual(['service closed']));
    expect(fake.app.quitCalls).toBe(2);
  });

  it('quits gracefully on SIGINT/SIGTERM', async () => {
    const run = launch();
    await ready(run);
    expect(run.quitOnSignal).toHaveLength(1);
    run.quitOnSignal[0]!();
    await vi.waitFor(() => expect(run.events).toEqual(['service closed']));
  });
});
