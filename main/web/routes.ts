/**
 * Routing of the browser host: every request first passes the Host and Origin
 * checks (DNS rebinding, cross-site requests), then /api and /api/… go to the
 * dispatcher and every other path to the built renderer's files.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { handleApi, type ApiRouteOptions } from './api-route';
import { refuse } from './http-reply';
import { checkHost, checkOrigin } from './request-guards';
import { serveStatic } from './static-route';

export interface RouteOptions extends ApiRouteOptions {
  rendererDir: string | null;
  /** The port actually listened on (known only once listening). */
  port(): number;
}

/** The path of a request target, without its query or fragment. */
function pathOf(target: string): string {
  const end = target.search(/[?#]/);
  return end === -1 ? target : target.slice(0, end);
}

/** Answers one request. */
export async function route(req: IncomingMessage, res: ServerResponse, options: RouteOptions): Promise<void> {
  const port = options.port();
  const refusal = checkHost(req.headers, port) ?? checkOrigin(req.headers, port);
  if (refusal) return refuse(res, refusal, { Connection: 'close' });
  const rawPath = pathOf(req.url ?? '/');
  if (rawPath === '/api' || rawPath.startsWith('/api/')) return handleApi(req, res, rawPath.slice('/api/'.length), options);
  return serveStatic(req, res, rawPath, options.rendererDir);
}
