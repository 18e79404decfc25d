import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runElectronegativity, toFinding, unexpectedFindings, type Allowlist } from '../../security/electronegativity-check';
import { findUrls, isAllowedUrl, scanRenderer, type UrlAllowEntry } from '../../security/renderer-url-scan';
import urlAllowlistFile from '../../security/renderer-url-allowlist.json';

const urlAllowlist = urlAllowlistFile.allowed as UrlAllowEntry[];

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'fieldmark-sec-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('renderer URL scan', () => {
  it('finds absolute and protocol-relative URLs of other hosts', () => {
    expect(findUrls('fetch("https://tracker.example/p?x=1");new WebSocket(`wss://evil.example/s`);a.src="//cdn.example.com/x.js"')).toEqual([
      'https://tracker.example/p?x=1',
      'wss://evil.example/s',
      '//cdn.example.com/x.js',
    ]);
    expect(findUrls('url(//fonts.example.org/a.woff2)')).toEqual(['//fonts.example.org/a.woff2']);
  });

  it('does not take comments or regexes with // for URLs', () => {
    expect(findUrls('a=b//c\nx=/\\/\\//g;// comment')).toEqual([]);
  });

  it('allows only whole-string matches of the reasoned list', () => {
    expect(isAllowedUrl('http://www.w3.org/2000/svg', urlAllowlist)).toBe(true);
    expect(isAllowedUrl('https://react.dev/errors/', urlAllowlist)).toBe(true);
    expect(isAllowedUrl('http://www.w3.org/2000/svg.evil.example/x', urlAllowlist)).toBe(false);
    expect(isAllowedUrl('https://react.dev/errors/collect?x', urlAllowlist)).toBe(false);
    expect(isAllowedUrl('https://example.org/', urlAllowlist)).toBe(false);
    for (const entry of urlAllowlist) expect(entry.reason.length).toBeGreaterThan(20);
  });

  it('fails a build that contains a request to another host', async () => {
    await mkdir(path.join(dir, 'assets'));
    await writeFile(path.join(dir, 'index.html'), '<script src="./assets/a.js"></script>');
    await writeFile(path.join(dir, 'assets', 'a.js'), 'document.createElementNS("http://www.w3.org/2000/svg","svg");fetch("https://telemetry.example/v1")');
    const scan = await scanRenderer(dir, urlAllowlist);
    expect(scan.files).toBe(2);
    expect(scan.urls).toHaveLength(2);
    expect(scan.unexpected).toEqual([{ file: path.join('assets', 'a.js'), url: 'https://telemetry.example/v1' }]);
  });
});

describe('Electronegativity check', () => {
  const allowlist: Allowlist = {
    excludedChecks: [{ check: 'AvailableSecurityFixesGlobalCheck', reason: 'network' }],
    allowed: [{ id: 'PRELOAD_JS_CHECK', file: 'main/electron/window.ts', reason: 'reviewed' }],
  };

  it('matches allowlist entries on check and file', () => {
    const findings = [
      toFinding({ id: 'PRELOAD_JS_CHECK', file: 'main/electron/window.ts', location: { line: 3, column: 1 }, description: 'd' }),
      toFinding({ id: 'PRELOAD_JS_CHECK', file: 'main/electron/other.ts', location: { line: 3, column: 1 }, description: 'd' }),
      toFinding({ id: 'CSP_GLOBAL_CHECK', file: 'N/A', location: { line: 0, column: 0 }, description: 'd' }),
    ];
    expect(unexpectedFindings(findings, allowlist).map((f) => [f.id, f.file])).toEqual([
      ['PRELOAD_JS_CHECK', 'main/electron/other.ts'],
      ['CSP_GLOBAL_CHECK', null],
    ]);
  });

  it('flags an insecure window in the sources', async () => {
    await mkdir(path.join(dir, 'main'), { recursive: true });
    await mkdir(path.join(dir, 'preload'), { recursive: true });
    await writeFile(
      path.join(dir, 'main', 'bad.ts'),
      "import { BrowserWindow } from 'electron';\nexport const w = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, webSecurity: false } });\n",
    );
    const result = await runElectronegativity(dir, allowlist);
    expect(result.checks).toBeGreaterThan(30);
    expect(result.parseErrors).toEqual([]);
    const ids = result.unexpected.map((f) => f.id);
    expect(ids).toEqual(expect.arrayContaining(['NODE_INTEGRATION_JS_CHECK', 'CONTEXT_ISOLATION_JS_CHECK', 'WEB_SECURITY_JS_CHECK']));
  });
});
