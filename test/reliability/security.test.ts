/**
 * Security checks counted in the reliability summary (issue 6, item 8): the
 * static checks (Electronegativity over the sources, no external URL in the
 * built renderer) and probes of the BUILT browser host (out/main/web.js) as an
 * attacker's page would send them: DNS rebinding, cross-site requests, a
 * missing or wrong secret, and path traversal. Every refused request must
 * also change nothing in the store.
 */
import { connect } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSecurityChecks } from '../security/run-security-checks';
import { startWebHost, stopWebHost } from '../e2e/support/fixtures';
import { readStoreFromDisk } from '../e2e/support/read-store';
import { recordCounts } from '../support/reliability-counts';
import { REPO_ROOT, tempDir } from '../support/store-fixtures';
import { TRAVERSAL_PATHS } from '../support/traversal-paths';

interface Answer {
  status: number;
  body: string;
}

/** A raw HTTP/1.1 request over a socket: no URL normalization, any Host header, any bytes in the path. */
function send(port: number, options: { method?: string; path: string; headers?: Record<string, string>; body?: string }): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const body = Buffer.from(options.body ?? '', 'utf8');
    const headers = { Connection: 'close', ...(options.body === undefined ? {} : { 'Content-Length': String(body.length) }), ...options.headers };
    const head = [`${options.method ?? 'GET'} ${options.path} HTTP/1.1`, ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`), '', ''].join('\r\n');
    const socket = connect({ host: '127.0.0.1', port }, () => socket.write(Buffer.concat([Buffer.from(head, 'latin1'), body])));
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(raw)?.[1] ?? 0);
      resolve({ status, body: raw.slice(raw.indexOf('\r\n\r\n') + 4) });
    });
  });
}

let host: Awaited<ReturnType<typeof startWebHost>>;
let port: number;
let token: string;
let dataDir: string;
let cleanup: () => Promise<void>;
let checksPassed = 0;

beforeAll(async () => {
  ({ dir: dataDir, cleanup } = await tempDir('fieldmark-security-'));
  host = await startWebHost(dataDir);
  const url = new URL(host.url);
  port = Number(url.port);
  token = url.searchParams.get('token')!;
}, 60_000);

afterAll(async () => {
  expect(await stopWebHost(host)).toBe(0);
  await cleanup();
  recordCounts('security', { securityChecksPassed: checksPassed });
});

const createBody = JSON.stringify({ start: 58, end: 120, color: 'key', note: 'attack' });
const own = () => `127.0.0.1:${port}`;
const storedCount = async () => (await readStoreFromDisk(dataDir)).annotations.length;

describe('security checks', () => {
  it('passes Electronegativity (reasoned allowlist only) and finds no external URL in the built renderer', async () => {
    const summary = await runSecurityChecks(REPO_ROOT);
    expect(summary.lines.join('\n')).not.toContain('FAILED');
    expect(summary.failed).toBe(0);
    checksPassed += summary.passed;
  }, 300_000);

  it('refuses a foreign Host header (DNS rebinding), for the API and static files, changing nothing', async () => {
    for (const badHost of ['evil.example:' + port, 'attacker.test', `127.0.0.1.nip.io:${port}`, `localhost:${port + 1}`, '']) {
      const api = await send(port, { method: 'POST', path: '/api/createAnnotation', headers: { Host: badHost, 'Content-Type': 'application/json', 'X-Fieldmark-Token': token }, body: createBody });
      expect(api.status, `Host ${badHost}`).toBeGreaterThanOrEqual(400);
      const page = await send(port, { path: '/', headers: { Host: badHost } });
      expect(page.status, `Host ${badHost}`).toBeGreaterThanOrEqual(400);
      checksPassed += 2;
    }
    expect(await storedCount()).toBe(0);
  });

  it('refuses cross-site requests (Origin, Sec-Fetch-Site) even with the secret, changing nothing', async () => {
    const crossSite: Array<Record<string, string>> = [{ Origin: 'https://evil.example' }, { Origin: 'null' }, { Origin: `http://localhost:${port + 1}` }, { 'Sec-Fetch-Site': 'cross-site' }];
    for (const headers of crossSite) {
      const answer = await send(port, { method: 'POST', path: '/api/createAnnotation', headers: { Host: own(), 'Content-Type': 'application/json', 'X-Fieldmark-Token': token, ...headers }, body: createBody });
      expect(answer.status, JSON.stringify(headers)).toBe(403);
      checksPassed++;
    }
    expect(await storedCount()).toBe(0);
  });

  it('requires the per-launch secret on the API, changing nothing without it', async () => {
    const without = await send(port, { method: 'POST', path: '/api/createAnnotation', headers: { Host: own(), 'Content-Type': 'application/json' }, body: createBody });
    expect(without.status).toBe(401);
    const wrong = await send(port, { method: 'POST', path: '/api/createAnnotation', headers: { Host: own(), 'Content-Type': 'application/json', 'X-Fieldmark-Token': token.slice(1) + 'A' }, body: createBody });
    expect(wrong.status).toBe(403);
    const inQuery = await send(port, { method: 'POST', path: `/api/createAnnotation?token=${token}`, headers: { Host: own(), 'Content-Type': 'application/json' }, body: createBody });
    expect(inQuery.status).toBeGreaterThanOrEqual(401);
    checksPassed += 3;
    expect(await storedCount()).toBe(0);
    // The same request with the secret is accepted: the refusals above were about the secret.
    const right = await send(port, { method: 'POST', path: '/api/createAnnotation', headers: { Host: own(), 'Content-Type': 'application/json', 'X-Fieldmark-Token': token }, body: createBody });
    expect(right.status).toBe(200);
    expect(JSON.parse(right.body)).toMatchObject({ ok: true });
    expect(await storedCount()).toBe(1);
  });

  it('never serves a file from outside the renderer folder', async () => {
    const secretMarkers = ['"name": "fieldmark"', 'Trafficking in Persons', '[fonts]', 'root:x:0:0'];
    for (const traversal of [...TRAVERSAL_PATHS, '/../package.json', '/%2e%2e/%2e%2e/etc/passwd', '/../assets/report/tip-2021-japan.txt']) {
      const answer = await send(port, { path: traversal, headers: { Host: own() } });
      for (const marker of secretMarkers) expect(answer.body, `${traversal} leaked ${marker}`).not.toContain(marker);
      if (answer.status === 200) expect(answer.body).toContain('<!doctype html');
      checksPassed++;
    }
    expect(path.isAbsolute(REPO_ROOT)).toBe(true);
  });
});
