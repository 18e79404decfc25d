import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../main/core/hosting/content-security-policy';
import { TRAVERSAL_PATHS } from '../../support/traversal-paths';

vi.mock('electron', () => import('./fake-electron'));
const fake = await import('./fake-electron');
const { createAppProtocolHandler, handleAppProtocol, registerAppScheme, APP_ENTRY_URL } = await import('../../../main/electron/protocol');

let dir: string;
let handler: ReturnType<typeof createAppProtocolHandler>;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'fieldmark-protocol-'));
  const root = path.join(dir, 'renderer');
  await mkdir(path.join(root, 'assets'), { recursive: true });
  await writeFile(path.join(root, 'index.html'), '<!doctype html><title>Fieldmark</title>');
  await writeFile(path.join(root, 'assets', 'index-abc.js'), 'export {}');
  await writeFile(path.join(root, 'assets', 'index-abc.css'), 'body{}');
  await writeFile(path.join(dir, 'secret.txt'), 'TOP SECRET');
  handler = createAppProtocolHandler(root);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const get = (url: string, method = 'GET') => handler({ url, method });

describe('app:// scheme', () => {
  it('is registered as standard and secure, without CORS or a CSP bypass', () => {
    registerAppScheme();
    expect(fake.protocol.privileged).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
  });

  it('is handled in the session it is given', () => {
    const registry = { handle: vi.fn() };
    handleAppProtocol(registry, dir);
    expect(registry.handle).toHaveBeenCalledWith('app', expect.any(Function));
  });

  it('serves the entry page with the CSP and the security headers', async () => {
    const response = await get(APP_ENTRY_URL);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>Fieldmark</title>');
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves / as the entry page and scripts and styles with their MIME types', async () => {
    expect(await (await get('app://fieldmark/')).text()).toContain('Fieldmark');
    expect((await get('app://fieldmark/assets/index-abc.js?v=1')).headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await get('app://fieldmark/assets/index-abc.css#x')).headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await get(APP_ENTRY_URL, 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    expect((await get(APP_ENTRY_URL, 'POST')).status).toBe(405);
  });

  it('puts the CSP on error responses too', async () => {
    const missing = await get('app://fieldmark/missing.js');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it.each(['app://other/index.html', 'app://fieldmark.evil/index.html', 'app://fieldmark', 'file:///etc/passwd', 'https://fieldmark/index.html'])(
    'serves nothing for %s',
    async (url) => {
      expect((await get(url)).status).toBe(404);
    },
  );

  it.each(TRAVERSAL_PATHS)('never serves a file outside the renderer for %j', async (raw) => {
    const response = await get(`app://fieldmark${raw}`);
    expect([400, 403, 404]).toContain(response.status);
    expect(await response.text()).not.toContain('TOP SECRET');
  });
});
