import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { networkInterfaces, tmpdir } from 'node:os';
import { connect } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract } from '../../../preload/contract';
import { createDispatcher, type Implementation } from '../../../preload/rpc';
import type { Contract } from '../../../preload/contract';
import { CONTENT_SECURITY_POLICY } from '../../../main/core/hosting/content-security-policy';
import { startWebHost, type WebHost } from '../../../main/web/http-host';
import { createToken } from '../../../main/web/request-guards';
import { TRAVERSAL_PATHS } from '../../support/traversal-paths';
import { callApi, recordingImpl, send, sendRaw } from './support/http';

let dir: string;
let rendererDir: string;
let host: WebHost;
let token: string;
const fake = recordingImpl();

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'fieldmark-web-'));
  rendererDir = path.join(dir, 'renderer');
  await mkdir(path.join(rendererDir, 'assets'), { recursive: true });
  await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>Fieldmark</title>');
  await writeFile(path.join(rendererDir, 'assets', 'app.js'), 'console.log("app")');
  await writeFile(path.join(dir, 'secret.txt'), 'TOP SECRET');
  token = createToken();
  host = await startWebHost({ dispatcher: createDispatcher(contract, fake.impl), rendererDir, port: 0, token, maxBodyBytes: 64 * 1024 });
});
afterAll(async () => {
  await host.close();
  await rm(dir, { recursive: true, force: true });
});

function callsSoFar(): number {
  return fake.calls.length;
}

describe('browser host: static files', () => {
  it('serves index.html at / with the CSP and the other security headers', async () => {
    const reply = await send(host.port, { path: '/?token=abc' });
    expect(reply.status).toBe(200);
    expect(reply.body).toContain('<title>Fieldmark</title>');
    expect(reply.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(reply.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
    expect(reply.headers['referrer-policy']).toBe('no-referrer');
    expect(reply.headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(reply.headers['cross-origin-resource-policy']).toBe('same-origin');
  });

  it('serves scripts with a JavaScript type, and HEAD without a body', async () => {
    const reply = await send(host.port, { path: '/assets/app.js' });
    expect(reply.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(reply.body).toBe('console.log("app")');
    const head = await send(host.port, { method: 'HEAD', path: '/assets/app.js' });
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
  });

  it('falls back to index.html only for /, other unknown paths are 404 with the CSP', async () => {
    const reply = await send(host.port, { path: '/reader/protection' });
    expect(reply.status).toBe(404);
    expect(reply.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('refuses to change files with other methods', async () => {
    const reply = await send(host.port, { method: 'PUT', path: '/index.html', body: 'x' });
    expect(reply.status).toBe(405);
  });

  it.each(TRAVERSAL_PATHS)('never serves a file outside the renderer for %j', async (raw) => {
    const reply = await sendRaw(host.port, `GET ${raw} HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nConnection: close\r\n\r\n`);
    expect([400, 403, 404]).toContain(reply.status);
    expect(reply.text).not.toContain('TOP SECRET');
  });
});

describe('browser host: Host header (DNS rebinding)', () => {
  it.each([['evil.example:PORT'], ['127.0.0.1:1'], ['attacker.127.0.0.1.nip.io:PORT'], ['127.0.0.1'], ['[::1]:PORT']])(
    'refuses Host %s and changes nothing',
    async (hostHeader) => {
      const before = callsSoFar();
      const reply = await callApi(host.port, token, 'updateSettings', { fontSize: 24 }, { host: hostHeader.replace('PORT', String(host.port)) });
      expect(reply.status).toBe(403);
      expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(callsSoFar()).toBe(before);
      expect(fake.settings.fontSize).not.toBe(24);
    },
  );

  it('refuses a request without a Host header, static files included', async () => {
    // HTTP/1.1 requires Host (Node answers 400 itself); HTTP/1.0 does not, so our check answers.
    const modern = await send(host.port, { path: '/', headers: { host: null } });
    expect(modern.status).toBe(400);
    expect(modern.body).not.toContain('<title>');
    const old = await sendRaw(host.port, 'GET / HTTP/1.0\r\n\r\n');
    expect(old.text).toMatch(/^HTTP\/1\.1 403/);
    expect(old.text).not.toContain('<title>');
  });

  it('answers to localhost:<port> as well as 127.0.0.1:<port>', async () => {
    const reply = await callApi(host.port, token, 'getSettings', null, { host: `localhost:${host.port}` });
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: true });
  });
});

describe('browser host: cross-origin requests', () => {
  it.each(['https://evil.example', 'null', 'http://127.0.0.1:1', 'http://localhost.evil.example'])(
    'refuses Origin %s and changes nothing',
    async (origin) => {
      const before = callsSoFar();
      const reply = await callApi(host.port, token, 'updateSettings', { fontSize: 24 }, { origin });
      expect(reply.status).toBe(403);
      expect(callsSoFar()).toBe(before);
    },
  );

  it.each(['cross-site', 'same-site', 'none'])('refuses /api with Sec-Fetch-Site: %s', async (site) => {
    const before = callsSoFar();
    const reply = await callApi(host.port, token, 'updateSettings', { fontSize: 24 }, { 'sec-fetch-site': site });
    expect(reply.status).toBe(403);
    expect(callsSoFar()).toBe(before);
  });

  it('accepts its own origin with Sec-Fetch-Site: same-origin', async () => {
    const reply = await callApi(host.port, token, 'getSettings', null, {
      origin: `http://127.0.0.1:${host.port}`,
      'sec-fetch-site': 'same-origin',
    });
    expect(reply.status).toBe(200);
  });

  it('refuses a text/plain body, the kind of request a page can send without asking', async () => {
    const before = callsSoFar();
    const reply = await callApi(host.port, token, 'updateSettings', { fontSize: 24 }, { 'content-type': 'text/plain' });
    expect(reply.status).toBe(415);
    expect(callsSoFar()).toBe(before);
  });
});

describe('browser host: per-launch token', () => {
  it('answers 401 without the token and changes nothing', async () => {
    const before = callsSoFar();
    const reply = await callApi(host.port, token, 'updateSettings', { fontSize: 24 }, { 'x-fieldmark-token': null });
    expect(reply.status).toBe(401);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    expect(callsSoFar()).toBe(before);
  });

  it('answers 403 with a wrong token (or the token in the query string) and changes nothing', async () => {
    const before = callsSoFar();
    const wrong = await callApi(host.port, token, 'updateSettings', { fontSize: 24 }, { 'x-fieldmark-token': createToken() });
    expect(wrong.status).toBe(403);
    const truncated = await callApi(host.port, token, 'updateSettings', { fontSize: 24 }, { 'x-fieldmark-token': token.slice(0, -1) });
    expect(truncated.status).toBe(403);
    const inQuery = await send(host.port, {
      method: 'POST',
      path: `/api/updateSettings?token=${token}`,
      headers: { 'content-type': 'application/json' },
      body: '{"fontSize":24}',
    });
    expect(inQuery.status).toBe(401);
    expect(callsSoFar()).toBe(before);
  });

  it('dispatches with the right token', async () => {
    const reply = await callApi(host.port, token, 'updateSettings', { fontSize: 20 });
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: true, value: { fontSize: 20 } });
    expect(reply.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
  });
});

describe('browser host: API requests', () => {
  it('accepts POST only', async () => {
    const reply = await send(host.port, { path: '/api/getSettings', headers: { 'x-fieldmark-token': token } });
    expect(reply.status).toBe(405);
    expect(reply.headers.allow).toBe('POST');
  });

  it('gives a typed error (200) for an unknown method, including prototype names', async () => {
    for (const method of ['deleteEverything', '__proto__', 'constructor', 'toString']) {
      const reply = await callApi(host.port, token, method, null);
      expect(reply.status).toBe(200);
      expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    }
  });

  it('gives a typed error for input that breaks the contract, before the service runs', async () => {
    const before = callsSoFar();
    const reply = await callApi(host.port, token, 'updateSettings', { fontSize: 'huge' });
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(callsSoFar()).toBe(before);
  });

  it('treats an empty body as no input', async () => {
    const reply = await send(host.port, {
      method: 'POST',
      path: '/api/getSettings',
      headers: { 'content-type': 'application/json; charset=utf-8', 'x-fieldmark-token': token },
    });
    expect(JSON.parse(reply.body)).toMatchObject({ ok: true });
  });

  it('refuses a body that is not JSON', async () => {
    const reply = await send(host.port, {
      method: 'POST',
      path: '/api/updateSettings',
      headers: { 'content-type': 'application/json', 'x-fieldmark-token': token },
      body: '{fontSize: 20',
    });
    expect(reply.status).toBe(400);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: 'The request body is not valid JSON.' } });
  });

  it('refuses a body over the cap (413) and changes nothing', async () => {
    const before = callsSoFar();
    const reply = await callApi(host.port, token, 'previewImport', { content: 'x'.repeat(100 * 1024) });
    expect(reply.status).toBe(413);
    expect(callsSoFar()).toBe(before);
  });

  it('survives absurdly nested input with a typed refusal', async () => {
    const deep = '['.repeat(20_000) + ']'.repeat(20_000);
    const reply = await send(host.port, {
      method: 'POST',
      path: '/api/updateSettings',
      headers: { 'content-type': 'application/json', 'x-fieldmark-token': token },
      body: `{"legend":${deep}}`,
    });
    expect([200, 400]).toContain(reply.status);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const after = await callApi(host.port, token, 'getSettings', null);
    expect(after.status).toBe(200);
  });
});

describe('browser host: network exposure', () => {
  it('listens on 127.0.0.1 only', async () => {
    expect(host.server.address()).toMatchObject({ address: '127.0.0.1', family: 'IPv4' });
    const others = Object.values(networkInterfaces())
      .flat()
      .filter((a) => a && !a.internal)
      .map((a) => a!.address);
    for (const address of ['::1', ...others]) {
      const outcome = await new Promise<string>((resolve) => {
        const socket = connect({ host: address, port: host.port });
        socket.once('connect', () => {
          socket.destroy();
          resolve('connected');
        });
        socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
      });
      expect(outcome, address).not.toBe('connected');
    }
  });

  it('puts the token in the printed address', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=${token}`);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});

describe('browser host: shutting down', () => {
  it('finishes a call in flight before it closes', async () => {
    const events: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slow = {
      getSettings: async () => {
        events.push('call started');
        await gate;
        events.push('call finished');
        return structuredClone(fake.settings);
      },
    } as unknown as Implementation<Contract>;
    const own = createToken();
    const local = await startWebHost({ dispatcher: createDispatcher(contract, slow), rendererDir, port: 0, token: own });
    const pending = callApi(local.port, own, 'getSettings', null);
    while (!events.includes('call started')) await new Promise((r) => setImmediate(r));
    const closed = local.close().then(() => events.push('closed'));
    release();
    const reply = await pending;
    await closed;
    expect(reply.status).toBe(200);
    expect(events).toEqual(['call started', 'call finished', 'closed']);
  });
});
