/**
 * How the browser host answers: every reply carries the security headers, and
 * every JSON reply is the contract's envelope (refusals too), so a client reads
 * errors the same way whatever refused the request.
 */
import type { ServerResponse } from 'node:http';
import type { Envelope } from '../../preload/rpc';
import { SECURITY_HEADERS } from '../core/hosting/content-security-policy';
import type { Refusal } from './request-guards';

export type ExtraHeaders = Record<string, string>;

/** Sends an envelope as JSON with `status`. */
export function sendEnvelope(res: ServerResponse, status: number, envelope: Envelope, extra: ExtraHeaders = {}): void {
  // Encoded once: Buffer.byteLength and then res.end(string) each walked the whole
  // string, about 50 ms apiece for a 10,000-annotation list (a CPU profile of the host).
  const body = Buffer.from(JSON.stringify(envelope), 'utf8');
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(body.length),
    ...extra,
  });
  res.end(body);
}

/** Sends a refusal as an error envelope with its status. */
export function refuse(res: ServerResponse, refusal: Refusal, extra: ExtraHeaders = {}): void {
  sendEnvelope(res, refusal.status, { ok: false, error: { code: refusal.code, message: refusal.message } }, extra);
}

/** Sends file bytes (no body for HEAD). */
export function sendFile(res: ServerResponse, method: string | undefined, contentType: string, body: Buffer): void {
  res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': contentType, 'Content-Length': String(body.length) });
  res.end(method === 'HEAD' ? undefined : body);
}
