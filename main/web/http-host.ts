/**
 * The browser host's HTTP server: the built renderer and `POST /api/<method>`
 * on 127.0.0.1 only. Every request passes the Host and Origin checks; /api also
 * needs the per-launch token, a JSON body under the size cap, and is then
 * handed to the same dispatcher the desktop app uses. Responses are always the
 * contract's envelope: 200 for results and typed errors, 4xx/5xx (still
 * envelope-shaped) when the transport itself refuses a request.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MAX_IMPORT_BYTES } from '../../preload/contract';
import type { Dispatcher, Envelope } from '../../preload/rpc';
import { SECURITY_HEADERS } from '../core/hosting/content-security-policy';
import { parseStaticPath, readStaticFile } from '../core/hosting/static-files';
import {
  checkFetchSite,
  checkHost,
  checkJsonContentType,
  checkOrigin,
  checkToken,
  type Refusal,
} from './request-guards';

/**
 * Body cap: the contract caps imported content at 50 MB of text; JSON string
 * escaping (quotes, backslashes, line breaks) of a file near that size adds
 * some 10–20 %, so the transport allows a little more and the contract decides.
 */
export const MAX_BODY_BYTES = MAX_IMPORT_BYTES + 10 * 1024 * 1024;

export interface WebHostOptions {
  dispatcher: Dispatcher;
  /** The built renderer (out/renderer); null when it has not been built. */
  rendererDir: string | null;
  /** 0 picks a free port. */
  port: number;
  token: string;
  maxBodyBytes?: number;
  /** Sees unexpected errors (for the log), never sent to the client. */
  onError?: (error: unknown) => void;
}

export interface WebHost {
  readonly server: Server;
  readonly port: number;
  /** The address to open, with the token. */
  readonly url: string;
  /** Stops accepting requests, lets the ones in flight finish, then closes every connection. */
  close(): Promise<void>;
}

class BodyTooLarge extends Error {}

function send(res: ServerResponse, status: number, envelope: Envelope, extra: Record<string, string> = {}): void {
  const body = JSON.stringify(envelope);
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(body)),
    ...extra,
  });
  res.end(body);
}

function refuse(res: ServerResponse, refusal: Refusal, extra: Record<string, string> = {}): void {
  send(res, refusal.status, { ok: false, error: { code: refusal.code, message: refusal.message } }, extra);
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Starts the host on 127.0.0.1:<port> and resolves once it is listening. */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const maxBody = options.maxBodyBytes ?? MAX_BODY_BYTES;
  const inFlight = new Set<Promise<void>>();
  let closing = false;
  let port = options.port;

  const tooLarge: Refusal = {
    status: 413,
    code: 'INVALID_INPUT',
    message: `The request is larger than ${Math.floor(maxBody / (1024 * 1024))} MB, so it was refused. Files can be at most 50 MB.`,
  };

  async function handleApi(req: IncomingMessage, res: ServerResponse, method: string): Promise<void> {
    if (req.method !== 'POST') {
      refuse(res, { status: 405, code: 'INVALID_INPUT', message: 'Call Fieldmark methods with POST.' }, { Allow: 'POST' });
      return;
    }
    const refusal =
      checkFetchSite(req.headers) ?? checkToken(req.headers, options.token) ?? checkJsonContentType(req.headers);
    if (refusal) {
      refuse(res, refusal, { Connection: 'close' });
      return;
    }
    if (closing) {
      refuse(res, { status: 503, code: 'INTERNAL', message: 'Fieldmark is shutting down; nothing was changed.' }, { Connection: 'close' });
      return;
    }
    const declared = Number(req.headers['content-length'] ?? 0);
    if (Number.isFinite(declared) && declared > maxBody) {
      refuse(res, tooLarge, { Connection: 'close' });
      return;
    }
    let raw: Buffer;
    try {
      raw = await readBody(req, maxBody);
    } catch (error) {
      if (error instanceof BodyTooLarge) refuse(res, tooLarge, { Connection: 'close' });
      else refuse(res, { status: 400, code: 'INVALID_INPUT', message: 'The request body could not be read.' });
      return;
    }
    let input: unknown = null;
    const text = raw.toString('utf8');
    if (text.trim() !== '') {
      try {
        input = JSON.parse(text);
      } catch {
        refuse(res, { status: 400, code: 'INVALID_INPUT', message: 'The request body is not valid JSON.' });
        return;
      }
    }
    let envelope: Envelope;
    try {
      envelope = await options.dispatcher(method, input);
    } catch (error) {
      // The dispatcher turns service errors into envelopes; reaching here means
      // validation itself failed (e.g. a stack overflow on absurdly nested input).
      options.onError?.(error);
      refuse(res, { status: 400, code: 'INVALID_INPUT', message: `${method}: the request could not be checked (it is nested too deeply or too large).` });
      return;
    }
    send(res, 200, envelope);
  }

  async function handleStatic(req: IncomingMessage, res: ServerResponse, rawPath: string): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      refuse(res, { status: 405, code: 'INVALID_INPUT', message: 'Only GET and HEAD are served here.' }, { Allow: 'GET, HEAD' });
      return;
    }
    const parsed = parseStaticPath(rawPath);
    if (!parsed.ok) {
      refuse(res, { status: parsed.status, code: parsed.status === 404 ? 'NOT_FOUND' : 'FORBIDDEN', message: parsed.reason });
      return;
    }
    if (options.rendererDir === null) {
      refuse(res, { status: 404, code: 'NOT_FOUND', message: 'The Fieldmark page has not been built; run `npm run build`.' });
      return;
    }
    const file = await readStaticFile(options.rendererDir, parsed.segments);
    if (!file) {
      refuse(res, { status: 404, code: 'NOT_FOUND', message: 'No such file.' });
      return;
    }
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': file.contentType,
      'Content-Length': String(file.body.length),
    });
    res.end(req.method === 'HEAD' ? undefined : file.body);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const refusal = checkHost(req.headers, port) ?? checkOrigin(req.headers, port);
    if (refusal) {
      refuse(res, refusal, { Connection: 'close' });
      return;
    }
    const target = req.url ?? '/';
    const end = target.search(/[?#]/);
    const rawPath = end === -1 ? target : target.slice(0, end);
    if (rawPath === '/api' || rawPath.startsWith('/api/')) {
      await handleApi(req, res, rawPath.slice('/api/'.length));
    } else {
      await handleStatic(req, res, rawPath);
    }
  }

  const server = createServer((req, res) => {
    const task = handle(req, res).catch((error: unknown) => {
      options.onError?.(error);
      if (!res.headersSent) {
        refuse(res, { status: 500, code: 'INTERNAL', message: 'Something went wrong inside Fieldmark. Your data was not changed by this request.' });
      } else res.destroy();
    });
    inFlight.add(task);
    void task.finally(() => inFlight.delete(task));
  });
  server.headersTimeout = 30_000;
  server.requestTimeout = 120_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    // Loopback only: never reachable from another machine.
    server.listen({ host: '127.0.0.1', port: options.port, exclusive: true }, () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;

  const closed = new Promise<void>((resolve) => server.once('close', () => resolve()));
  return {
    server,
    port,
    url: `http://127.0.0.1:${port}/?token=${options.token}`,
    async close() {
      if (!closing) {
        closing = true;
        server.close();
        server.closeIdleConnections();
      }
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
      server.closeAllConnections();
      await closed;
    },
  };
}
