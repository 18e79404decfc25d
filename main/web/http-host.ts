/**
 * The browser host's HTTP server: the built renderer and `POST /api/<method>`
 * on 127.0.0.1 only. This file owns the server's life (listening, requests in
 * flight, closing); routes.ts decides what each request gets, request-guards.ts
 * what is refused. Responses are always the contract's envelope: 200 for
 * results and typed errors, 4xx/5xx (still envelope-shaped) when the transport
 * itself refuses a request.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MAX_IMPORT_BYTES } from '../../preload/contract';
import type { Dispatcher } from '../../preload/rpc';
import { refuse } from './http-reply';
import { route, type RouteOptions } from './routes';

/**
 * Body cap: the contract caps imported content at 50 MB of text; JSON string
 * escaping (quotes, backslashes, line breaks) of a file near that size adds
 * some 10–20 %, so the transport allows a little more and the contract decides.
 */
const MAX_BODY_BYTES = MAX_IMPORT_BYTES + 10 * 1024 * 1024;

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

/** A server that answers through `route` and keeps the requests in flight, so closing can wait for them. */
function createTrackedServer(options: RouteOptions, inFlight: Set<Promise<void>>): Server {
  const server = createServer((req, res) => {
    const task = route(req, res, options).catch((error: unknown) => {
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
  return server;
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    // Loopback only: never reachable from another machine.
    server.listen({ host: '127.0.0.1', port, exclusive: true }, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/** Starts the host on 127.0.0.1:<port> and resolves once it is listening. */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const inFlight = new Set<Promise<void>>();
  let closing = false;
  let port = options.port;
  const server = createTrackedServer(
    {
      dispatcher: options.dispatcher,
      token: options.token,
      maxBodyBytes: options.maxBodyBytes ?? MAX_BODY_BYTES,
      closing: () => closing,
      onError: options.onError,
      rendererDir: options.rendererDir,
      port: () => port,
    },
    inFlight,
  );
  port = await listen(server, options.port);
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
