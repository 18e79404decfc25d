import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../../main/core/hosting/content-security-policy';
import { mimeType, parseStaticPath, readStaticFile } from '../../../../main/core/hosting/static-files';
import { TRAVERSAL_PATHS } from '../../../support/traversal-paths';


describe('static path checks', () => {
  it('maps / to index.html and splits ordinary paths', () => {
    expect(parseStaticPath('/')).toEqual({ ok: true, segments: ['index.html'] });
    expect(parseStaticPath('/assets/index-abc.js')).toEqual({ ok: true, segments: ['assets', 'index-abc.js'] });
  });

  it.each(TRAVERSAL_PATHS)('refuses %j before touching the disk', (raw) => {
    const result = parseStaticPath(raw);
    expect(result.ok).toBe(false);
  });

  it('refuses empty segments and malformed percent-encoding', () => {
    expect(parseStaticPath('/assets//x.js')).toMatchObject({ ok: false, status: 404 });
    expect(parseStaticPath('/%E0%A4%A')).toMatchObject({ ok: false, status: 400 });
    expect(parseStaticPath('assets/x.js')).toMatchObject({ ok: false, status: 400 });
  });

  it('gives the right MIME types', () => {
    expect(mimeType('index.html')).toBe('text/html; charset=utf-8');
    expect(mimeType('a.JS')).toBe('text/javascript; charset=utf-8');
    expect(mimeType('a.css')).toBe('text/css; charset=utf-8');
    expect(mimeType('a.svg')).toBe('image/svg+xml');
    expect(mimeType('a.woff2')).toBe('font/woff2');
    expect(mimeType('a.unknown')).toBe('application/octet-stream');
  });
});

describe('reading static files', () => {
  let dir: string;
  let root: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'fieldmark-static-'));
    root = path.join(dir, 'renderer');
    await mkdir(path.join(root, 'assets'), { recursive: true });
    await writeFile(path.join(root, 'index.html'), '<!doctype html><title>Fieldmark</title>');
    await writeFile(path.join(root, 'assets', 'app.js'), 'console.log(1)');
    await writeFile(path.join(dir, 'secret.txt'), 'TOP SECRET');
    await symlink(path.join(dir, 'secret.txt'), path.join(root, 'assets', 'link.txt'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('reads a file inside the root with its type', async () => {
    const file = await readStaticFile(root, ['assets', 'app.js']);
    expect(file?.body.toString()).toBe('console.log(1)');
    expect(file?.contentType).toBe('text/javascript; charset=utf-8');
  });

  it('returns nothing for folders, missing files, symlinks and segments that leave the root', async () => {
    expect(await readStaticFile(root, ['assets'])).toBeNull();
    expect(await readStaticFile(root, ['missing.js'])).toBeNull();
    expect(await readStaticFile(root, ['assets', 'link.txt'])).toBeNull();
    expect(await readStaticFile(root, ['..', 'secret.txt'])).toBeNull();
    expect(await readStaticFile(root, [path.join(dir, 'secret.txt')])).toBeNull();
  });
});

describe('content security policy', () => {
  it('allows nothing but our own origin and inline data: images', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; object-src 'none'",
    );
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe|https?:|\*/);
  });
});
