/**
 * Denials for everything the app never needs (Electron security checklist
 * items 5, 11–14): navigation, redirects, new windows, <webview>, and
 * permission requests; plus a request filter that cancels every request that
 * is not for our own app:// origin, so nothing can leave the machine.
 */
import type { Session, WebContents } from 'electron';
import { APP_ORIGIN, isAppUrl } from './protocol';

/**
 * The one permission granted: writing (never reading) the clipboard, from our
 * own page, for "Copy Markdown". Chromium asks the permission handlers for it.
 */
const CLIPBOARD_WRITE = 'clipboard-sanitized-write';

/**
 * Whether a request may proceed: our own origin and inline `data:image/…` URLs
 * (the only kind the CSP's `img-src 'self' data:` lets the page use); devtools
 * only in development. Other `data:` URLs (scripts, documents, fonts) are never
 * needed, so they are cancelled too.
 */
export function isAllowedRequest(url: string, allowDevtools: boolean): boolean {
  if (isAppUrl(url) || /^data:image\//i.test(url)) return true;
  return allowDevtools && url.startsWith('devtools://');
}

/** Denies navigation, redirects, window.open and <webview> for a web contents. */
export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-frame-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** Permission handlers that deny everything (but clipboard writes from our page) and the request filter. */
export function hardenSession(session: Session, options: { allowDevtools: boolean }): void {
  session.setPermissionRequestHandler((contents, permission, callback) => {
    callback(permission === CLIPBOARD_WRITE && isAppUrl(contents.getURL()));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) => {
    return permission === CLIPBOARD_WRITE && requestingOrigin === APP_ORIGIN;
  });
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequest(details.url, options.allowDevtools) });
  });
}
