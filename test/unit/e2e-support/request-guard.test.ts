/**
 * The end-to-end network guard, tried on a real Chromium: a page served from
 * one loopback origin fetches from its own origin and from a server on another
 * loopback address (standing in for the internet). The foreign server counts
 * what reaches it, so "blocked" is what happened, not what the guard says.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../e2e/support/chromium';
import { auditEarlierRequests, guardRequests, isOwnOrigin, type OriginSource } from '../../e2e/support/request-guard';

interface Listening {
  origin: string;
  /** Paths requested so far. */
  hits: string[];
  close(): Promise<void>;
}

async function listen(host: string, respond: (req: IncomingMessage) => { type: string; body: string }): Promise<Listening> {
  const hits: string[] = [];
  const server: Server = createServer((req, res) => {
    hits.push(req.url ?? '');
    const { type, body } = respond(req);
    res.writeHead(200, { 'Content-Type': type, 'Access-Control-Allow-Origin': '*' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://${host}:${port}`,
    hits,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A page that fetches its own /same and the foreign /x and /pixel.png, then says what came back. */
function pageFor(foreignOrigin: string): string {
  return `<!doctype html><title>guard</title><script>
    window.done = Promise.allSettled([
      fetch('/same').then((r) => r.text()),
      fetch('${foreignOrigin}/x').then((r) => r.text()),
      new Promise((resolve, reject) => { const img = new Image(); img.onload = resolve; img.onerror = reject; img.src = '${foreignOrigin}/pixel.png'; }),
    ]).then((all) => all.map((r) => r.status));
  </script>`;
}

let browser: Browser;
let own: Listening;
let foreign: Listening;

beforeAll(async () => {
  foreign = await listen('127.0.0.2', () => ({ type: 'text/plain', body: 'foreign' }));
  own = await listen('127.0.0.1', (req) =>
    req.url === '/' ? { type: 'text/html; charset=utf-8', body: pageFor(foreign.origin) } : { type: 'text/plain', body: 'same' },
  );
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
});

afterAll(async () => {
  await browser?.close();
  await own?.close();
  await foreign?.close();
});

/** Opens the page in a fresh context (guarded or not) and returns the outcome of its three requests. */
async function visit(guarded: boolean, origin: OriginSource = () => own.origin, afterGuard = () => {}) {
  const context = await browser.newContext();
  try {
    const guard = guarded ? await guardRequests(context, origin) : null;
    afterGuard();
    const page = await context.newPage();
    await page.goto(`${own.origin}/`);
    const outcomes = await page.evaluate(() => (window as unknown as { done: Promise<string[]> }).done);
    return { guard, outcomes };
  } finally {
    await context.close();
  }
}

describe('request guard', () => {
  it('reaches the foreign server when no guard is installed (so the blocked check below can fail)', async () => {
    foreign.hits.length = 0;
    const { outcomes } = await visit(false);
    expect(outcomes).toEqual(['fulfilled', 'fulfilled', 'rejected']);
    expect(foreign.hits).toEqual(expect.arrayContaining(['/x', '/pixel.png']));
  });

  it('records and aborts every request for another origin, and lets the own origin through', async () => {
    foreign.hits.length = 0;
    own.hits.length = 0;
    const { guard, outcomes } = await visit(true);
    expect(outcomes).toEqual(['fulfilled', 'rejected', 'rejected']);
    expect(foreign.hits, 'nothing reached the foreign server').toEqual([]);
    expect([...guard!.foreign].sort()).toEqual([`${foreign.origin}/pixel.png`, `${foreign.origin}/x`]);
    expect(guard!.blocked).toBe(2);
    expect(own.hits).toEqual(['/', '/same']);
    expect(guard!.allowed).toBe(2);
  });

  it('asks for the origin at each request, so a host restarted on another port stays reachable', async () => {
    let current = 'http://127.0.0.1:1';
    const { guard, outcomes } = await visit(true, () => current, () => {
      current = own.origin;
    });
    expect(outcomes).toEqual(['fulfilled', 'rejected', 'rejected']);
    expect([...guard!.foreign].sort()).toEqual([`${foreign.origin}/pixel.png`, `${foreign.origin}/x`]);
  });

  it('finds the foreign requests a page made before its context was guarded, without counting one twice', async () => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${own.origin}/`);
      await page.evaluate(() => (window as unknown as { done: Promise<string[]> }).done);
      const foreignList = [`${foreign.origin}/x`];
      expect(await auditEarlierRequests(page, own.origin, foreignList)).toBe(1);
      expect(foreignList.sort()).toEqual([`${foreign.origin}/pixel.png`, `${foreign.origin}/x`]);
    } finally {
      await context.close();
    }
  });

  it('records a WebSocket to another origin, which is not reported as a request', async () => {
    const context = await browser.newContext();
    try {
      const guard = await guardRequests(context, own.origin);
      const page = await context.newPage();
      await page.goto(`${own.origin}/`);
      const opened = page.waitForEvent('websocket');
      await page.evaluate((url) => void new WebSocket(url), `ws://127.0.0.2:9/socket`);
      await opened;
      expect(guard.foreign).toContain('ws://127.0.0.2:9/socket');
    } finally {
      await context.close();
    }
  });
});

describe('own origin', () => {
  it('is the same scheme, host and port, for http and for the app:// scheme', () => {
    expect(isOwnOrigin('http://127.0.0.1:5173/api/x?y=1', 'http://127.0.0.1:5173')).toBe(true);
    expect(isOwnOrigin('app://fieldmark/index.html', 'app://fieldmark')).toBe(true);
    expect(isOwnOrigin('data:image/png;base64,AAAA', 'app://fieldmark')).toBe(true);
    expect(isOwnOrigin('blob:http://127.0.0.1:5173/1b4e', 'http://127.0.0.1:5173')).toBe(true);
  });

  it('is not another port, host, scheme, a look-alike host or a URL with credentials', () => {
    for (const url of [
      'http://127.0.0.1:5174/',
      'http://127.0.0.2:5173/',
      'https://127.0.0.1:5173/',
      'http://localhost:5173/',
      'http://127.0.0.1:5173@192.0.2.1/',
      'app://fieldmark.example/',
      'app://other/index.html',
      'file:///etc/hosts',
      'not a url',
    ]) {
      expect(isOwnOrigin(url, url.startsWith('app:') ? 'app://fieldmark' : 'http://127.0.0.1:5173'), url).toBe(false);
    }
  });
});
