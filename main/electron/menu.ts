/**
 * The application menu: File (export, save briefing as PDF, print, import, back up,
 * restore, lock, quit), Edit
 * roles, View (zoom, full screen; DevTools only in development) and Help →
 * About. Zoom is the reader's font size, so the View items ask the page to step
 * it; their shortcuts are shown but left to the page on Windows and Linux
 * (registerAccelerator: false), which handles Ctrl +/− itself in both hosts.
 */
import type { MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  exportMarkdown(): void;
  exportAnnotations(): void;
  /** Asks the page to open the Briefing view and save its print view as a PDF (issue 15). */
  saveBriefingPdf(): void;
  /** Prints the page: the report, or the briefing's print view while the Briefing view is open. */
  print(): void;
  importFile(): void;
  backUp(): void;
  restore(): void;
  zoom(direction: 'in' | 'out' | 'reset'): void;
  /** Asks the page to lock (it saves the note being typed first); the page ignores it for a plain store. */
  lock(): void;
  about(): void;
}

/** The menu template for a platform; pure, so its structure can be tested. */
export function buildMenuTemplate(params: { platform: NodeJS.Platform; isPackaged: boolean; actions: MenuActions }): MenuItemConstructorOptions[] {
  const { actions } = params;
  const mac = params.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [];
  if (mac) {
    template.push({
      label: 'Fieldmark',
      submenu: [
        { label: 'About Fieldmark', click: () => actions.about() },
        { type: 'separator' },
        { role: 'services' },
        { type: 'separator' },
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        { type: 'separator' },
        { role: 'quit' },
      ],
    });
  }
  template.push({
    label: '&File',
    submenu: [
      { label: 'Export Markdown…', accelerator: 'CmdOrCtrl+Shift+E', click: () => actions.exportMarkdown() },
      { label: 'Export Web Annotations…', click: () => actions.exportAnnotations() },
      { type: 'separator' },
      { label: 'Save Briefing as PDF…', click: () => actions.saveBriefingPdf() },
      { label: 'Print…', accelerator: 'CmdOrCtrl+P', click: () => actions.print() },
      { type: 'separator' },
      { label: 'Import…', accelerator: 'CmdOrCtrl+O', click: () => actions.importFile() },
      { type: 'separator' },
      { label: 'Back up…', click: () => actions.backUp() },
      { label: 'Restore…', click: () => actions.restore() },
      { type: 'separator' },
      { label: 'Lock', accelerator: 'CmdOrCtrl+L', registerAccelerator: false, click: () => actions.lock() },
      { type: 'separator' },
      mac ? { role: 'close' } : { role: 'quit', label: 'Quit' },
    ],
  });
  template.push({
    label: '&Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'pasteAndMatchStyle' },
      { role: 'delete' },
      { type: 'separator' },
      { role: 'selectAll' },
    ],
  });
  const view: MenuItemConstructorOptions[] = [
    { label: 'Zoom In', accelerator: 'CmdOrCtrl+=', registerAccelerator: false, click: () => actions.zoom('in') },
    { label: 'Zoom Out', accelerator: 'CmdOrCtrl+-', registerAccelerator: false, click: () => actions.zoom('out') },
    { label: 'Actual Size', accelerator: 'CmdOrCtrl+0', registerAccelerator: false, click: () => actions.zoom('reset') },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  ];
  if (!params.isPackaged) view.push({ type: 'separator' }, { role: 'reload' }, { role: 'toggleDevTools' });
  template.push({ label: '&View', submenu: view });
  template.push({ role: 'help', label: '&Help', submenu: [{ label: 'About Fieldmark', click: () => actions.about() }] });
  return template;
}
