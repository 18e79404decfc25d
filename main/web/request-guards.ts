/**
 * The browser host's checks on every request. Any web page the user visits can
 * send requests to 127.0.0.1, so the host trusts nothing it did not hand out:
 * the Host header must name this host (DNS rebinding), the Origin must be its
 * own (cross-site requests), and /api needs the per-launch secret. Each check
 * returns the refusal to send, or null; the routes decide which apply where.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { ErrorCodeT } from '../../preload/rpc';

const TOKEN_HEADER = 'x-fieldmark-token';

export interface Refusal {
  status: number;
  code: ErrorCodeT;
  message: string;
}

type Headers = Readonly<Record<string, string | string[] | undefined>>;

/** A fresh per-launch secret: 32 random bytes, base64url. */
export function createToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The Host values this host answers to. */
function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? undefined : value;
}

/** Refuses a request whose Host header is not 127.0.0.1:<port> or localhost:<port>. */
export function checkHost(headers: Headers, port: number): Refusal | null {
  const host = single(headers.host)?.toLowerCase();
  if (host !== undefined && allowedHosts(port).includes(host)) return null;
  return {
    status: 403,
    code: 'FORBIDDEN',
    message: 'This request was not addressed to the Fieldmark host (wrong Host header), so it was refused.',
  };
}

/** Refuses a request that carries an Origin other than the host's own. */
export function checkOrigin(headers: Headers, port: number): Refusal | null {
  const origin = headers.origin;
  if (origin === undefined) return null;
  const own = allowedHosts(port).map((h) => `http://${h}`);
  if (typeof origin === 'string' && own.includes(origin.toLowerCase())) return null;
  return { status: 403, code: 'FORBIDDEN', message: 'Requests from other web pages are not allowed.' };
}

/** For /api: the browser's own Sec-Fetch-Site, when sent, must say same-origin. */
export function checkFetchSite(headers: Headers): Refusal | null {
  const site = headers['sec-fetch-site'];
  if (site === undefined || site === 'same-origin') return null;
  return { status: 403, code: 'FORBIDDEN', message: 'Requests from other web pages are not allowed.' };
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

/** Checks the secret in X-Fieldmark-Token in constant time: missing → 401, wrong → 403. */
export function checkToken(headers: Headers, token: string): Refusal | null {
  const sent = headers[TOKEN_HEADER];
  if (sent === undefined || sent === '') {
    return {
      status: 401,
      code: 'UNAUTHORIZED',
      message: 'This request has no Fieldmark token. Open the address Fieldmark printed when it started.',
    };
  }
  // Hashing first gives equal-length buffers, so the comparison time does not depend on the secret.
  if (typeof sent === 'string' && timingSafeEqual(digest(sent), digest(token))) return null;
  return {
    status: 403,
    code: 'FORBIDDEN',
    message: 'This request has a wrong Fieldmark token. Open the address Fieldmark printed when it last started.',
  };
}

/** Accepts `application/json` with optional parameters (e.g. charset=utf-8). */
export function checkJsonContentType(headers: Headers): Refusal | null {
  const type = single(headers['content-type']);
  const essence = type?.split(';')[0]?.trim().toLowerCase();
  if (essence === 'application/json') return null;
  return { status: 415, code: 'INVALID_INPUT', message: 'Send the request body as JSON (Content-Type: application/json).' };
}

/** Refuses a request whose method is not among `allowed` (405, naming them in Allow). */
export function checkMethod(method: string | undefined, allowed: readonly string[], message: string): Refusal | null {
  if (method !== undefined && allowed.includes(method)) return null;
  return { status: 405, code: 'INVALID_INPUT', message };
}

/** The refusal of a body over `maxBytes`. */
export function bodyTooLarge(maxBytes: number): Refusal {
  return {
    status: 413,
    code: 'INVALID_INPUT',
    message: `The request is larger than ${Math.floor(maxBytes / (1024 * 1024))} MB, so it was refused. Files can be at most 50 MB.`,
  };
}

/** Refuses a body whose declared Content-Length is already over `maxBytes` (before reading it). */
export function checkDeclaredLength(headers: Headers, maxBytes: number): Refusal | null {
  const declared = Number(headers['content-length'] ?? 0);
  return Number.isFinite(declared) && declared > maxBytes ? bodyTooLarge(maxBytes) : null;
}
