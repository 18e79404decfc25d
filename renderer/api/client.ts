/**
 * The one client the view uses. In Electron the preload has already put a typed
 * client on `window.fieldmark`; in a plain browser we build one over HTTP and
 * assign it there, so scripts and tests call `window.fieldmark.getReport()` the
 * same way in both hosts.
 */
import { contract, type Contract } from '../../preload/contract';
import { createClient, type Client } from '../../preload/rpc';
import { createHttpTransport } from './http-transport';
import { readAfterWrite } from './read-after-write';
import { takeToken } from './token';

export type FieldmarkClient = Client<Contract>;

declare global {
  interface Window {
    fieldmark?: FieldmarkClient;
  }
}

/** Returns window.fieldmark, creating the HTTP client first when no preload provided one. */
export function installClient(): FieldmarkClient {
  if (window.fieldmark) return window.fieldmark;
  let storage: Storage | null;
  try {
    storage = window.sessionStorage;
  } catch {
    // Storage access can throw when the browser blocks it; the token then lives only in this page view.
    storage = null;
  }
  const token = takeToken({
    location: window.location,
    storage,
    replaceUrl: (url) => window.history.replaceState(window.history.state, '', url),
  });
  // A read waits for the writes sent before it, as the view shows some changes before their answer.
  const client = createClient(contract, readAfterWrite(createHttpTransport({ token })));
  Object.defineProperty(window, 'fieldmark', { value: client, writable: false, configurable: false, enumerable: true });
  return client;
}
