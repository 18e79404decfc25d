/**
 * The end-to-end tests' offline guarantee, one module for both fixtures (the
 * browser host's context and the Electron app's context): every request the
 * context makes is seen, and any that is not for the app's own origin is
 * recorded and aborted before it leaves. Recording happens where the request
 * is reported, not where it is routed, so a request the router never sees (a
 * custom scheme, a service worker) still counts.
 */
import type { BrowserContext, Page, Request, Route, WebSocket } from 'playwright-core';

/** Schemes whose URLs hold their content, or point into the page's own memory: nothing goes out. */
const INLINE_SCHEMES = new Set(['data:', 'blob:']);

/**
 * Whether `url` is for `origin` ("http://127.0.0.1:5173", "app://fieldmark"):
 * same scheme, host and port, no credentials. Compared by parts because
 * `URL.origin` is "null" for a custom scheme such as app://.
 */
export function isOwnOrigin(url: string, origin: string): boolean {
  let target: URL;
  let own: URL;
  try {
    target = new URL(url);
    own = new URL(origin);
  } catch {
    return false;
  }
  if (INLINE_SCHEMES.has(target.protocol)) return true;
  return target.protocol === own.protocol && target.host === own.host && target.username === '' && target.password === '';
}

export interface RequestGuard {
  /** URLs of requests (and WebSockets) for another origin, in the order they were made. */
  readonly foreign: string[];
  /** Foreign requests the router aborted. */
  readonly blocked: number;
  /** Requests for the app's own origin that the router let through. */
  readonly allowed: number;
}

/** The app's origin, or a function giving it now (a restarted browser host listens on a new port). */
export type OriginSource = string | (() => string);

/**
 * Guards `context` for `origin`: records every foreign request into `foreign`
 * (the fixture's list, which each test requires to stay empty) and aborts it.
 */
export async function guardRequests(context: BrowserContext, origin: OriginSource, foreign: string[] = []): Promise<RequestGuard> {
  const counts = { blocked: 0, allowed: 0 };
  const own = (url: string) => isOwnOrigin(url, typeof origin === 'string' ? origin : origin());
  const onRequest = (request: Request) => {
    if (!own(request.url())) foreign.push(request.url());
  };
  // A WebSocket handshake is not reported as a request; it is seen (and failed by the test) here.
  const onWebSocket = (socket: WebSocket) => {
    if (!own(socket.url())) foreign.push(socket.url());
  };
  const watchPage = (page: Page) => page.on('websocket', onWebSocket);
  context.on('request', onRequest);
  context.on('page', watchPage);
  context.pages().forEach(watchPage);
  await context.route('**/*', (route: Route) => {
    if (own(route.request().url())) {
      counts.allowed++;
      return route.continue();
    }
    counts.blocked++;
    return route.abort('blockedbyclient');
  });
  return {
    foreign,
    get blocked() {
      return counts.blocked;
    },
    get allowed() {
      return counts.allowed;
    },
  };
}

/**
 * Records the requests `page` made before its context was guarded (an
 * Electron window can start loading while the app launches), read back from
 * the page's Resource Timing entries. URLs the guard already recorded are not
 * counted again. Returns how many were added.
 */
export async function auditEarlierRequests(page: Page, origin: string, foreign: string[]): Promise<number> {
  const loaded = await page.evaluate(() =>
    performance
      .getEntries()
      .filter((entry) => entry.entryType === 'navigation' || entry.entryType === 'resource')
      .map((entry) => entry.name),
  );
  const known = new Set(foreign);
  const earlier = [...new Set(loaded)].filter((url) => !isOwnOrigin(url, origin) && !known.has(url));
  foreign.push(...earlier);
  return earlier.length;
}
