/**
 * The browser host's transport: `POST /api/<method>` on the page's own origin,
 * with the per-launch token in `X-Fieldmark-Token`. Every outcome, including a
 * network failure or a reply that is not an envelope, becomes an envelope so the
 * client can turn it into a typed FieldmarkError.
 */
import { isEnvelope, type Envelope, type Transport } from '../../preload/rpc';

/** Bodies up to this size are sent with `keepalive`, so a save started while the page unloads still arrives. */
export const KEEPALIVE_LIMIT = 60_000;

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
    let response: Response;
    try {
      response = await doFetch(base + encodeURIComponent(method), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Fieldmark-Token': options.token },
        body,
        credentials: 'same-origin',
        cache: 'no-store',
        keepalive: body.length <= KEEPALIVE_LIMIT,
      });
    } catch {
      return { ok: false, error: { code: 'INTERNAL', message: UNREACHABLE } };
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
