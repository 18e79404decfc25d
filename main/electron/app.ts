/**
 * The desktop app's lifecycle: one instance per data folder (a second launch
 * focuses the first window), the app:// protocol and session hardening before
 * anything loads, the service opened on the data folder, IPC, the window and
 * the menu; and on quit, the page's pending note flushed and the service closed
 * so every pending write is finished.
 */
import { app, dialog, ipcMain, Menu, screen, session, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { FLUSH_CHANNEL, MENU_CHANNEL, type MenuEvent } from '../../preload/bridge';
import { contract } from '../../preload/contract';
import { createDispatcher, FieldmarkError } from '../../preload/rpc';
import { canonicalOutputChecks } from '../core/service/output-checks';
import { assetsDirCandidates, findAssetsDir } from '../core/hosting/assets-dir';
import { resolveDataDir } from '../core/hosting/data-dir';
import { portableDataDir } from '../core/hosting/portable-data-dir';
import type { Service, ServiceOptions } from '../core/service/service';
import { loadDesktopState, saveDesktopState, type DesktopState } from './desktop-state';
import { createFileActions } from './file-actions';
import { isTrustedSender, registerIpcHandlers, type IpcRegistration } from './ipc';
import { buildMenuTemplate } from './menu';
import { APP_ENTRY_URL, handleAppProtocol, registerAppScheme } from './protocol';
import { hardenSession, hardenWebContents } from './security';
import { clampWindowBounds, createMainWindow, currentBounds } from './window';

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

/**
 * Asks the page to save a pending note, gives it `graceMs` to start, then waits
 * (at most `timeoutMs`) for every IPC call in flight to finish.
 */
async function flushPage(
  window: BrowserWindow | null,
  ipc: Pick<IpcRegistration, 'idle'>,
  graceMs: number,
  timeoutMs: number,
): Promise<void> {
  if (!window || window.isDestroyed()) return;
  window.webContents.send(FLUSH_CHANNEL);
  await delay(graceMs);
  const cap = new AbortController();
  await Promise.race([ipc.idle(), delay(timeoutMs, undefined, { signal: cap.signal }).catch(() => undefined)]);
  cap.abort();
}

/** Starts the desktop app; resolves once the window is loading (or the launch was refused). */
export async function startDesktopApp(options: DesktopOptions): Promise<void> {
  registerAppScheme();

  let dataDir: string;
  try {
    // A portable copy (a fieldmark-data/ folder beside the app) comes before the per-user folder.
    const portable = () => portableDataDir({ executable: app.getPath('exe'), env: options.env, platform: process.platform });
    dataDir = resolveDataDir({ argv: options.argv, env: options.env, cwd: options.cwd, fallback: () => portable() ?? app.getPath('userData') });
  } catch (error) {
    failToStart(plainMessage(error));
    return;
  }
  // Chromium's own files follow the data folder too, so portable use leaves nothing behind.
  if (dataDir !== app.getPath('userData')) app.setPath('userData', dataDir);

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
  const allowDevtools = !app.isPackaged;
  hardenSession(session.defaultSession, { allowDevtools });
  handleAppProtocol(session.defaultSession.protocol, path.resolve(options.builtDir, '..', 'renderer'));

  let service: HostedService;
  try {
    await mkdir(dataDir, { recursive: true });
    const assetsDir = findAssetsDir(assetsDirCandidates(options.builtDir, app.isPackaged ? process.resourcesPath : undefined));
    service = await options.openService({ assetsDir, dataDir });
  } catch (error) {
    failToStart(plainMessage(error));
    return;
  }

  const dispatcher = createDispatcher(
    contract,
    service.impl,
    (method, error) => process.stderr.write(`Internal error in ${method}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`),
    canonicalOutputChecks(contract),
  );
  const ipc = registerIpcHandlers(ipcMain, dispatcher, (event: IpcMainInvokeEvent) => isTrustedSender(event, mainWindow));

  let state: DesktopState = await loadDesktopState(dataDir);
  const remember = async (patch: Partial<DesktopState>) => {
    state = { ...state, ...patch };
    await saveDesktopState(dataDir, state).catch(() => undefined);
  };

  const bounds = clampWindowBounds(
    state.window,
    screen.getAllDisplays().map((d) => d.workArea),
    screen.getPrimaryDisplay().workArea,
  );
  const window = createMainWindow({ preload: path.resolve(options.builtDir, '..', 'preload', 'index.cjs'), bounds, isPackaged: app.isPackaged });
  mainWindow = window;
  if (bounds.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());

  const send = (event: MenuEvent) => {
    if (!window.isDestroyed()) window.webContents.send(MENU_CHANNEL, event);
  };
  const files = createFileActions({
    dispatch: dispatcher,
    dialog: {
      showSaveDialog: (opts) => dialog.showSaveDialog(window, opts),
      showOpenDialog: (opts) => dialog.showOpenDialog(window, opts),
    },
    showError: (opts) => dialog.showMessageBox(window, opts),
    send,
    lastFolder: () => state.lastFolder,
    rememberFolder: (folder) => remember({ lastFolder: folder }),
    defaultFolder: () => app.getPath('documents'),
    fs: { writeFile, readFile, stat },
  });
  const report = (task: Promise<void>) => task.catch((error: unknown) => process.stderr.write(`${String(error)}\n`));
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      buildMenuTemplate({
        platform: process.platform,
        isPackaged: app.isPackaged,
        actions: {
          exportMarkdown: () => report(files.exportFile('markdown')),
          exportAnnotations: () => report(files.exportFile('annotations')),
          backUp: () => report(files.exportFile('backup')),
          importFile: () => report(files.openFile('import')),
          restore: () => report(files.openFile('restore')),
          zoom: (direction) => send({ action: 'zoom', direction }),
          about: () =>
            void dialog.showMessageBox(window, {
              type: 'info',
              title: 'About Fieldmark',
              message: `Fieldmark ${app.getVersion()}`,
              detail: 'An offline reader and annotator for the 2021 Trafficking in Persons Report: Japan. Your annotations stay on this computer.',
            }),
        },
      }),
    ),
  );

  // Quitting (menu, closing the window, or a signal): flush the page, stop IPC,
  // close the service so pending writes finish, then really quit.
  let finished = false;
  let shutdown: Promise<void> | null = null;
  const shutDown = () =>
    (shutdown ??= (async () => {
      if (!window.isDestroyed()) await remember({ window: currentBounds(window) });
      await flushPage(window, ipc, options.flushGraceMs ?? 300, options.flushTimeoutMs ?? 3000);
      ipc.stopAccepting();
      await ipc.idle();
      await service.close();
    })());
  app.on('before-quit', (event) => {
    if (finished) return;
    event.preventDefault();
    void shutDown()
      .catch((error: unknown) => process.stderr.write(`Fieldmark could not finish saving: ${plainMessage(error)}\n`))
      .finally(() => {
        finished = true;
        ipc.dispose();
        app.quit();
      });
  });
  window.on('close', (event) => {
    if (finished) return;
    event.preventDefault();
    app.quit();
  });
  app.on('window-all-closed', () => app.quit());
  options.onStopSignal(() => app.quit());

  await window.loadURL(APP_ENTRY_URL);
}
