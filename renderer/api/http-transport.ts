/**
 * The browser host's transport: `POST /api/<method>` on the page's own origin,
 * with the per-launch token in `X-Fieldmark-Token`. Every outcome, including a
 * network failure or a reply that is not an envelope, becomes an envelope so the
 * client can turn it into a typed FieldmarkError.
 */
import { isEnvelope, type Envelope, type Transport } from '../../preload/rpc';

/**
 * Bodies up to this many UTF-8 bytes are sent with `keepalive`, so a save started
 * while the page unloads still arrives. Browsers cap keepalive bodies at 64 KiB in
 * total across all requests in flight, so stay well below it.
 */
export const KEEPALIVE_LIMIT = 16 * 1024;

const encoder = new TextEncoder();

export interface HttpTransportOptions {
  token: string;
  fetch?: typeof fetch;
  /** Prefix of the API routes, `/api/` on the page's own origin. */
  base?: string;
}

const UNREACHABLE =
  'Fieldmark’s browser host is not reachable. Check that `npm run web` is still running, then try again; nothing was changed.';

/** Builds a Transport that talks to the loopback host. */
export function createHttpTransport(options: HttpTransportOptions): Transport {
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const base = options.base ?? '/api/';
  return async (method: string, input: unknown): Promise<Envelope> => {
    const body = JSON.stringify(input ?? null);
    const send = (keepalive: boolean) =>
      doFetch(base + encodeURIComponent(method), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Fieldmark-Token': options.token },
        body,
        credentials: 'same-origin',
        cache: 'no-store',
        keepalive,
      });
    // A UTF-16 length undercounts non-ASCII text up to 3×: measure the bytes.
    const keepalive = body.length <= KEEPALIVE_LIMIT && encoder.encode(body).length <= KEEPALIVE_LIMIT;
    const unreachable: Envelope = { ok: false, error: { code: 'INTERNAL', message: UNREACHABLE } };
    let response: Response;
    try {
      response = await send(keepalive);
    } catch {
      // A keepalive request can be refused when others in flight fill the browser's quota: retry without it.
      if (!keepalive) return unreachable;
      try {
        response = await send(false);
      } catch {
        return unreachable;
      }
    }
    let payload: unknown;
    try {
      payload = await response.json();
    } catch {
      payload = undefined;
    }
    if (isEnvelope(payload)) return payload;
    if (response.status === 401 || response.status === 403) {
      return {
        ok: false,
        error: {
          code: response.status === 401 ? 'UNAUTHORIZED' : 'FORBIDDEN',
          message: 'This page is not allowed to talk to Fieldmark. Open the link that `npm run web` printed (it contains a one-time token).',
        },
      };
    }
    return {
      ok: false,
      error: { code: 'INTERNAL', message: `Fieldmark’s host sent an unexpected reply (HTTP ${response.status}). Try again; nothing was changed.` },
    };
  };
}
