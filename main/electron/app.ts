/**
 * The desktop app's lifecycle: one instance per data folder (a second launch
 * focuses the first window), the app:// protocol and session hardening before
 * anything loads, the service opened on the data folder, IPC, the window and
 * the menu (app-menu.ts); and on quit, the page's pending note flushed and the
 * service closed so every pending write is finished (quit-sequence.ts).
 */
import { app, dialog, ipcMain, powerMonitor, screen, session, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { MENU_CHANNEL } from '../../preload/bridge';
import { contract } from '../../preload/contract';
import { createDispatcher, FieldmarkError, type Dispatcher } from '../../preload/rpc';
import { canonicalOutputChecks } from '../core/service/output-checks';
import { assetsDirCandidates, findAssetsDir } from '../core/hosting/assets-dir';
import { resolveDataDir } from '../core/hosting/data-dir';
import { portableDataDir } from '../core/hosting/portable-data-dir';
import type { Service, ServiceOptions } from '../core/service/service';
import { installAppMenu } from './app-menu';
import { loadDesktopState, saveDesktopState, type DesktopState } from './desktop-state';
import { isTrustedSender, registerIpcHandlers } from './ipc';
import { lockOnSleep } from './power-lock';
import { APP_ENTRY_URL, handleAppProtocol, registerAppScheme } from './protocol';
import { installQuitSequence } from './quit-sequence';
import { hardenSession, hardenWebContents } from './security';
import { crashDumpsDir, sessionDataDir } from './session-data';
import { clampWindowBounds, createMainWindow } from './window';

/** What the host needs of the service (main/core/service/service.ts). */
export type HostedService = Pick<Service, 'impl' | 'close'>;
export type OpenService = (options: Pick<ServiceOptions, 'assetsDir' | 'dataDir'>) => Promise<HostedService>;

export interface DesktopOptions {
  openService: OpenService;
  /** Folder of the built main file (out/main). */
  builtDir: string;
  argv: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  /** How long the page gets to start saving a pending note, and the cap on waiting for it (ms). */
  flushGraceMs?: number;
  flushTimeoutMs?: number;
  /** Calls `quit` on SIGINT/SIGTERM (the entry passes process signals; tests pass a spy). */
  onStopSignal(quit: () => void): void;
}

function plainMessage(error: unknown): string {
  if (error instanceof FieldmarkError) return error.message;
  return `Fieldmark could not start: ${error instanceof Error ? error.message : String(error)}`;
}

/** Prints the reason, shows it in a native box and exits non-zero. */
function failToStart(message: string): void {
  process.stderr.write(`${message}\n`);
  dialog.showErrorBox('Fieldmark cannot start', message);
  app.exit(1);
}

/** The data folder, or null (after saying why) when it cannot be decided. */
function chooseDataDir(options: DesktopOptions): string | null {
  try {
    // A portable copy (a fieldmark-data/ folder beside the app) comes before the per-user folder.
    const portable = () => portableDataDir({ executable: app.getPath('exe'), env: options.env, platform: process.platform });
    return resolveDataDir({ argv: options.argv, env: options.env, cwd: options.cwd, fallback: () => portable() ?? app.getPath('userData') });
  } catch (error) {
    failToStart(plainMessage(error));
    return null;
  }
}

/** Opens the service on the data folder, or null (after saying why) when it cannot open. */
async function openDesktopService(options: DesktopOptions, dataDir: string): Promise<HostedService | null> {
  try {
    await mkdir(dataDir, { recursive: true });
    const assetsDir = findAssetsDir(assetsDirCandidates(options.builtDir, app.isPackaged ? process.resourcesPath : undefined));
    return await options.openService({ assetsDir, dataDir });
  } catch (error) {
    failToStart(plainMessage(error));
    return null;
  }
}

function createAppDispatcher(service: HostedService): Dispatcher {
  return createDispatcher(
    contract,
    service.impl,
    (method, error) => process.stderr.write(`Internal error in ${method}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`),
    canonicalOutputChecks(contract),
  );
}

/** The main window where it was last left (kept on a screen that still exists). */
function openMainWindow(options: DesktopOptions, saved: DesktopState): BrowserWindow {
  const bounds = clampWindowBounds(
    saved.window,
    screen.getAllDisplays().map((d) => d.workArea),
    screen.getPrimaryDisplay().workArea,
  );
  const window = createMainWindow({ preload: path.resolve(options.builtDir, '..', 'preload', 'index.cjs'), bounds, isPackaged: app.isPackaged });
  if (bounds.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  return window;
}

/** Starts the desktop app; resolves once the window is loading (or the launch was refused). */
export async function startDesktopApp(options: DesktopOptions): Promise<void> {
  registerAppScheme();
  const dataDir = chooseDataDir(options);
  if (dataDir === null) return;
  if (dataDir !== app.getPath('userData')) app.setPath('userData', dataDir);
  // Chromium's own files go beside the data folder, not in it (issue 16): a protected folder then holds
  // only encrypted files, and portable use still leaves nothing behind. Settable only before 'ready'.
  const sessionDir = sessionDataDir(dataDir, app.getPath('temp'));
  app.setPath('sessionData', sessionDir);
  app.setPath('crashDumps', crashDumpsDir(sessionDir));
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }

  let mainWindow: BrowserWindow | null = null;
  app.on('second-instance', () => {
    if (!mainWindow || mainWindow.isDestroyed()) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));

  await app.whenReady();
  hardenSession(session.defaultSession, { allowDevtools: !app.isPackaged });
  handleAppProtocol(session.defaultSession.protocol, path.resolve(options.builtDir, '..', 'renderer'));
  const service = await openDesktopService(options, dataDir);
  if (!service) return;
  const dispatcher = createAppDispatcher(service);
  const ipc = registerIpcHandlers(ipcMain, dispatcher, (event: IpcMainInvokeEvent) => isTrustedSender(event, mainWindow));

  let state = await loadDesktopState(dataDir);
  const remember = async (patch: Partial<DesktopState>) => {
    state = { ...state, ...patch };
    await saveDesktopState(dataDir, state).catch(() => undefined);
  };
  const window = openMainWindow(options, state);
  mainWindow = window;
  const menu = installAppMenu({ window, dispatcher, lastFolder: () => state.lastFolder, rememberFolder: (folder) => remember({ lastFolder: folder }) });
  lockOnSleep(powerMonitor, dispatcher, () => {
    if (!window.isDestroyed()) window.webContents.send(MENU_CHANNEL, { action: 'lock' });
  });
  installQuitSequence({
    window,
    // The page's Save as PDF channel goes with the contract's handlers.
    ipc: { ...ipc, dispose: () => (ipc.dispose(), menu.dispose()) },
    service,
    rememberBounds: (bounds) => remember({ window: bounds }),
    flushGraceMs: options.flushGraceMs ?? 300,
    flushTimeoutMs: options.flushTimeoutMs ?? 3000,
    describe: plainMessage,
  });
  app.on('window-all-closed', () => app.quit());
  options.onStopSignal(() => app.quit());
  await window.loadURL(APP_ENTRY_URL);
}
