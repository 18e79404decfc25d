/**
 * The browser host's per-launch token: it arrives as `?token=` in the URL the
 * host prints. We keep it in sessionStorage (this tab only) and strip it from the
 * address bar so it does not end up in bookmarks, history or screenshots.
 */

const STORAGE_KEY = 'fieldmark.token';

export interface TokenEnvironment {
  location: Pick<Location, 'href'>;
  storage: Pick<Storage, 'getItem' | 'setItem'> | null;
  replaceUrl(url: string): void;
}

/** Reads the token from the URL (then removes it) or from this tab's storage; '' when there is none. */
export function takeToken(env: TokenEnvironment): string {
  const url = new URL(env.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    try {
      env.storage?.setItem(STORAGE_KEY, fromUrl);
    } catch {
      // Storage can be disabled; the token still works for this page view.
    }
    url.searchParams.delete('token');
    env.replaceUrl(url.pathname + (url.search === '?' ? '' : url.search) + url.hash);
    return fromUrl;
  }
  try {
    return env.storage?.getItem(STORAGE_KEY) ?? '';
  } catch {
    return '';
  }
}
