/**
 * The renderer is served from a custom `app://fieldmark/` scheme, never from
 * file:// (Electron security checklist item 18). The scheme is standard (so
 * relative URLs and 'self' work) and secure; it is not `corsEnabled`, so no
 * other origin can read from it. Every response carries the app's CSP.
 */
import { protocol, type Protocol } from 'electron';
import { SECURITY_HEADERS } from '../core/hosting/content-security-policy';
import { parseStaticPath, readStaticFile } from '../core/hosting/static-files';

export const APP_SCHEME = 'app';
export const APP_ORIGIN = 'app://fieldmark';
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** The privileges the scheme is registered with (before the app is ready). */
export const APP_SCHEME_PRIVILEGES = { standard: true, secure: true, supportFetchAPI: true } as const;

/** Registers app:// as a privileged scheme; must run before app 'ready'. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { ...APP_SCHEME_PRIVILEGES } }]);
}

/** True for URLs of our own origin, compared on the raw string (no lenient parsing). */
export function isAppUrl(url: string): boolean {
  return url.startsWith(`${APP_ORIGIN}/`);
}

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' } });
}

/** The app:// handler: files under `rendererDir`, traversal refused, CSP on every response. */
export function createAppProtocolHandler(rendererDir: string): (request: { url: string; method: string }) => Promise<Response> {
  return async (request) => {
    if (!isAppUrl(request.url)) return plain(404, 'Not found.');
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Only GET and HEAD are served.');
    const rest = request.url.slice(APP_ORIGIN.length);
    const end = rest.search(/[?#]/);
    const parsed = parseStaticPath(end === -1 ? rest : rest.slice(0, end));
    if (!parsed.ok) return plain(parsed.status, parsed.reason);
    const file = await readStaticFile(rendererDir, parsed.segments);
    if (!file) return plain(404, 'Not found.');
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(file.body), {
      status: 200,
      headers: { ...SECURITY_HEADERS, 'Content-Type': file.contentType },
    });
  };
}

/** Serves the renderer on app:// in the given session's protocol registry. */
export function handleAppProtocol(target: Pick<Protocol, 'handle'>, rendererDir: string): void {
  target.handle(APP_SCHEME, createAppProtocolHandler(rendererDir));
}
