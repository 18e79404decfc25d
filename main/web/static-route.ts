/**
 * GET and HEAD of the built renderer's files. The path checks and the reading
 * are shared with the desktop app's app:// protocol (core/hosting/static-files.ts);
 * this adds the HTTP answers. The files hold no data, so they need no token.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseStaticPath, readStaticFile } from '../core/hosting/static-files';
import { refuse, sendFile } from './http-reply';
import { checkMethod } from './request-guards';

/** Serves `rawPath` (no query or fragment) from `rendererDir`, null when the page has not been built. */
export async function serveStatic(req: IncomingMessage, res: ServerResponse, rawPath: string, rendererDir: string | null): Promise<void> {
  const wrongMethod = checkMethod(req.method, ['GET', 'HEAD'], 'Only GET and HEAD are served here.');
  if (wrongMethod) return refuse(res, wrongMethod, { Allow: 'GET, HEAD' });
  const parsed = parseStaticPath(rawPath);
  if (!parsed.ok) {
    return refuse(res, { status: parsed.status, code: parsed.status === 404 ? 'NOT_FOUND' : 'FORBIDDEN', message: parsed.reason });
  }
  if (rendererDir === null) {
    return refuse(res, { status: 404, code: 'NOT_FOUND', message: 'The Fieldmark page has not been built; run `npm run build`.' });
  }
  const file = await readStaticFile(rendererDir, parsed.segments);
  if (!file) return refuse(res, { status: 404, code: 'NOT_FOUND', message: 'No such file.' });
  sendFile(res, req.method, file.contentType, file.body);
}
