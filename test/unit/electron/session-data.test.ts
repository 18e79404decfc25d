import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { crashDumpsDir, sessionDataDir } from '../../../main/electron/session-data';

describe("Chromium's session folder (issue 16)", () => {
  it('is the data folder\'s sibling, never inside it', () => {
    const data = path.resolve('/home/user/.config/Fieldmark');
    const session = sessionDataDir(data, '/tmp');
    expect(session).toBe(path.resolve('/home/user/.config/Fieldmark-session'));
    expect(path.relative(data, session).startsWith('..')).toBe(true);
  });

  it('follows a portable data folder onto its stick', () => {
    expect(sessionDataDir('/media/stick/fieldmark-data/', '/tmp')).toBe(path.resolve('/media/stick/fieldmark-data-session'));
  });

  it('goes under the temp folder when the data folder is a drive root', () => {
    expect(sessionDataDir('/', '/tmp')).toBe(path.join('/tmp', 'fieldmark-session'));
  });

  it('keeps crash dumps inside the session folder', () => {
    expect(crashDumpsDir('/a/b-session')).toBe(path.join('/a/b-session', 'Crashpad'));
  });
});
