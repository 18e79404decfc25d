/**
 * The Linux .desktop entry as electron-builder writes it for AppImage and deb
 * (https://specifications.freedesktop.org/desktop-entry-spec/latest/).
 */

/** The keys of the [Desktop Entry] group. */
export function parseDesktopEntry(text: string): Map<string, string> {
  const keys = new Map<string, string>();
  let inEntry = false;
  for (const line of text.split('\n')) {
    if (line.startsWith('[')) inEntry = line.trim() === '[Desktop Entry]';
    else if (inEntry && line.includes('=')) keys.set(line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1));
  }
  return keys;
}

/** What the entry must say: the value, or a test for free text. */
export const REQUIRED_DESKTOP_KEYS: ReadonlyArray<[string, (value: string) => boolean, string]> = [
  ['Name', (v) => v === 'Fieldmark', 'Fieldmark'],
  ['Comment', (v) => v.trim().length > 0, 'a description'],
  ['Categories', (v) => v === 'Office;Viewer;', 'Office;Viewer;'],
  ['StartupWMClass', (v) => v === 'Fieldmark', 'Fieldmark (the window class Electron gives the app)'],
  ['Type', (v) => v === 'Application', 'Application'],
  ['Icon', (v) => v === 'fieldmark', 'fieldmark (the hicolor icon name)'],
];
