/**
 * `POST /api/<method>`: the /api guards (same-origin fetch, the per-launch
 * token, a JSON content type, the size cap), then the same dispatcher the
 * desktop app uses. Results and typed errors are 200 with the envelope.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Dispatcher, Envelope } from '../../preload/rpc';
import { refuse, sendEnvelope } from './http-reply';
import { readJsonBody } from './request-body';
import { checkDeclaredLength, checkFetchSite, checkJsonContentType, checkMethod, checkToken } from './request-guards';

export interface ApiRouteOptions {
  dispatcher: Dispatcher;
  token: string;
  maxBodyBytes: number;
  /** True once the host is closing: new calls are refused so nothing starts that cannot finish. */
  closing(): boolean;
  onError?: (error: unknown) => void;
}

const CLOSE = { Connection: 'close' };

/** Checks an /api request and hands it to the dispatcher. */
export async function handleApi(req: IncomingMessage, res: ServerResponse, method: string, options: ApiRouteOptions): Promise<void> {
  const wrongMethod = checkMethod(req.method, ['POST'], 'Call Fieldmark methods with POST.');
  if (wrongMethod) return refuse(res, wrongMethod, { Allow: 'POST' });
  const refusal = checkFetchSite(req.headers) ?? checkToken(req.headers, options.token) ?? checkJsonContentType(req.headers);
  if (refusal) return refuse(res, refusal, CLOSE);
  if (options.closing()) {
    return refuse(res, { status: 503, code: 'INTERNAL', message: 'Fieldmark is shutting down; nothing was changed.' }, CLOSE);
  }
  const tooLarge = checkDeclaredLength(req.headers, options.maxBodyBytes);
  if (tooLarge) return refuse(res, tooLarge, CLOSE);
  const body = await readJsonBody(req, options.maxBodyBytes);
  if (!body.ok) return refuse(res, body.refusal, body.closeConnection ? CLOSE : {});
  let envelope: Envelope;
  try {
    envelope = await options.dispatcher(method, body.input);
  } catch (error) {
    // The dispatcher turns service errors into envelopes; reaching here means
    // validation itself failed (e.g. a stack overflow on absurdly nested input).
    options.onError?.(error);
    return refuse(res, { status: 400, code: 'INVALID_INPUT', message: `${method}: the request could not be checked (it is nested too deeply or too large).` });
  }
  sendEnvelope(res, 200, envelope);
}
