/**
 * The desktop app's menu and what its File items do: export, back up, import
 * and restore through native dialogs (file-actions.ts), Print… and Save Briefing
 * as PDF… (briefing-pdf.ts), zoom and About. A failed action is logged; the
 * dialogs themselves tell the user.
 */
import { app, dialog, ipcMain, Menu, type BrowserWindow } from 'electron';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { MENU_CHANNEL, type MenuEvent } from '../../preload/bridge';
import type { Dispatcher } from '../../preload/rpc';
import { registerSavePdf } from './briefing-pdf';
import { createFileActions } from './file-actions';
import { isTrustedSender } from './ipc';
import { buildMenuTemplate, type MenuActions } from './menu';

export interface AppMenuDeps {
  window: BrowserWindow;
  dispatcher: Dispatcher;
  /** The folder last used in a File dialog, and how to remember a new one. */
  lastFolder(): string | null;
  rememberFolder(folder: string): Promise<void>;
}

function showAbout(window: BrowserWindow): void {
  void dialog.showMessageBox(window, {
    type: 'info',
    title: 'About Fieldmark',
    message: `Fieldmark ${app.getVersion()}`,
    detail: 'An offline reader and annotator for the 2021 Trafficking in Persons Report: Japan. Your annotations stay on this computer.',
  });
}

/** Builds the menu for `window` and makes it the application menu; `dispose` removes the page's Save as PDF handler. */
export function installAppMenu({ window, dispatcher, lastFolder, rememberFolder }: AppMenuDeps): { dispose(): void } {
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
    lastFolder,
    rememberFolder,
    defaultFolder: () => app.getPath('documents'),
    fs: { writeFile, readFile, stat },
  });
  const report = (task: Promise<void>) => task.catch((error: unknown) => process.stderr.write(`${String(error)}\n`));
  const actions: MenuActions = {
    exportMarkdown: () => report(files.exportFile('markdown')),
    exportAnnotations: () => report(files.exportFile('annotations')),
    saveBriefingPdf: () => send({ action: 'save-briefing-pdf' }),
    print: () => {
      if (!window.isDestroyed()) window.webContents.print({ printBackground: true });
    },
    backUp: () => report(files.exportFile('backup')),
    importFile: () => report(files.openFile('import')),
    restore: () => report(files.openFile('restore')),
    zoom: (direction) => send({ action: 'zoom', direction }),
    lock: () => send({ action: 'lock' }),
    about: () => showAbout(window),
  };
  const dispose = registerSavePdf(ipcMain, (event) => isTrustedSender(event, window), {
    webContents: window.webContents,
    dialog: { showSaveDialog: (opts) => dialog.showSaveDialog(window, opts) },
    writeFile: (file, data) => writeFile(file, data),
    locale: () => app.getLocale(),
    folder: () => lastFolder() ?? app.getPath('documents'),
    rememberFolder,
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate({ platform: process.platform, isPackaged: app.isPackaged, actions })));
  return { dispose };
}
