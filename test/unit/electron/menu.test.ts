import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { buildMenuTemplate, type MenuActions } from '../../../main/electron/menu';

function actions(): MenuActions {
  return {
    exportMarkdown: vi.fn(),
    exportAnnotations: vi.fn(),
    saveBriefingPdf: vi.fn(),
    print: vi.fn(),
    importFile: vi.fn(),
    backUp: vi.fn(),
    restore: vi.fn(),
    zoom: vi.fn(),
    lock: vi.fn(),
    about: vi.fn(),
  };
}

const items = (menu: MenuItemConstructorOptions) => menu.submenu as MenuItemConstructorOptions[];
const names = (menu: MenuItemConstructorOptions) => items(menu).map((i) => i.label ?? i.role ?? i.type);
const find = (template: MenuItemConstructorOptions[], label: string) => template.find((m) => m.label === label)!;
const click = (item: MenuItemConstructorOptions) => (item.click as () => void)();

describe('application menu', () => {
  it('has File, Edit, View and Help on Windows and Linux', () => {
    const template = buildMenuTemplate({ platform: 'linux', isPackaged: true, actions: actions() });
    expect(template.map((m) => m.label)).toEqual(['&File', '&Edit', '&View', '&Help']);
  });

  it('lists the File actions in order, ending with Quit', () => {
    const file = find(buildMenuTemplate({ platform: 'win32', isPackaged: true, actions: actions() }), '&File');
    expect(names(file)).toEqual([
      'Export Markdown…',
      'Export Web Annotations…',
      'separator',
      'Save Briefing as PDF…',
      'Print…',
      'separator',
      'Import…',
      'separator',
      'Back up…',
      'Restore…',
      'separator',
      'Lock',
      'separator',
      'Quit',
    ]);
    expect(items(file).at(-1)!.role).toBe('quit');
  });

  it('wires each File item to its action', () => {
    const a = actions();
    const file = items(find(buildMenuTemplate({ platform: 'linux', isPackaged: true, actions: a }), '&File'));
    for (const item of file.filter((i) => i.click)) click(item);
    expect(a.exportMarkdown).toHaveBeenCalledOnce();
    expect(a.exportAnnotations).toHaveBeenCalledOnce();
    expect(a.saveBriefingPdf).toHaveBeenCalledOnce();
    expect(a.print).toHaveBeenCalledOnce();
    expect(a.importFile).toHaveBeenCalledOnce();
    expect(a.backUp).toHaveBeenCalledOnce();
    expect(a.restore).toHaveBeenCalledOnce();
    expect(a.lock).toHaveBeenCalledOnce();
  });

  it('offers File → Lock on Ctrl/Cmd+L, left to the page like zoom (it saves the note being typed first)', () => {
    const file = items(find(buildMenuTemplate({ platform: 'linux', isPackaged: true, actions: actions() }), '&File'));
    const lock = file.find((i) => i.label === 'Lock')!;
    expect([lock.accelerator, lock.registerAccelerator]).toEqual(['CmdOrCtrl+L', false]);
  });

  it('prints on Ctrl/Cmd+P, as browsers do', () => {
    const file = items(find(buildMenuTemplate({ platform: 'darwin', isPackaged: true, actions: actions() }), '&File'));
    expect(file.find((i) => i.label === 'Print…')!.accelerator).toBe('CmdOrCtrl+P');
  });

  it('uses the standard Edit roles', () => {
    const edit = find(buildMenuTemplate({ platform: 'linux', isPackaged: true, actions: actions() }), '&Edit');
    expect(items(edit).filter((i) => i.role).map((i) => i.role)).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'pasteAndMatchStyle', 'delete', 'selectAll']);
  });

  it('asks the page to zoom (its font size) and leaves the shortcuts to the page', () => {
    const a = actions();
    const view = items(find(buildMenuTemplate({ platform: 'linux', isPackaged: true, actions: a }), '&View'));
    const zoom = view.filter((i) => i.label && /Zoom|Actual/.test(i.label));
    expect(zoom.map((i) => [i.label, i.accelerator, i.registerAccelerator])).toEqual([
      ['Zoom In', 'CmdOrCtrl+=', false],
      ['Zoom Out', 'CmdOrCtrl+-', false],
      ['Actual Size', 'CmdOrCtrl+0', false],
    ]);
    zoom.forEach(click);
    expect(vi.mocked(a.zoom).mock.calls).toEqual([['in'], ['out'], ['reset']]);
    expect(view.map((i) => i.role).filter(Boolean)).toEqual(['togglefullscreen']);
  });

  it('offers DevTools and reload only in development', () => {
    const dev = items(find(buildMenuTemplate({ platform: 'linux', isPackaged: false, actions: actions() }), '&View'));
    expect(dev.map((i) => i.role).filter(Boolean)).toEqual(['togglefullscreen', 'reload', 'toggleDevTools']);
  });

  it('has Help → About Fieldmark', () => {
    const a = actions();
    const help = find(buildMenuTemplate({ platform: 'linux', isPackaged: true, actions: a }), '&Help');
    expect(names(help)).toEqual(['About Fieldmark']);
    click(items(help)[0]!);
    expect(a.about).toHaveBeenCalledOnce();
  });

  it('follows macOS conventions: an app menu with About and Quit, Close Window in File', () => {
    const template = buildMenuTemplate({ platform: 'darwin', isPackaged: true, actions: actions() });
    expect(template.map((m) => m.label)).toEqual(['Fieldmark', '&File', '&Edit', '&View', '&Help']);
    expect(names(template[0]!)).toContain('About Fieldmark');
    expect(items(template[0]!).at(-1)!.role).toBe('quit');
    expect(items(find(template, '&File')).at(-1)!.role).toBe('close');
  });
});
