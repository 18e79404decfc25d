import { describe, expect, it } from 'vitest';
import { takeToken } from '../../../../renderer/api/token';

function env(href: string, stored: Record<string, string> = {}) {
  const storage = new Map(Object.entries(stored));
  const replaced: string[] = [];
  return {
    storage,
    replaced,
    value: {
      location: { href },
      storage: { getItem: (k: string) => storage.get(k) ?? null, setItem: (k: string, v: string) => void storage.set(k, v) },
      replaceUrl: (url: string) => void replaced.push(url),
    },
  };
}

describe('per-launch token', () => {
  it('takes the token from the URL, keeps it for this tab and strips it from the address bar', () => {
    const e = env('http://127.0.0.1:5000/?token=abc123');
    expect(takeToken(e.value)).toBe('abc123');
    expect(e.storage.get('fieldmark.token')).toBe('abc123');
    expect(e.replaced).toEqual(['/']);
  });

  it('keeps other query parameters and the hash when stripping the token', () => {
    const e = env('http://127.0.0.1:5000/index.html?x=1&token=abc#fm-heading-protection');
    expect(takeToken(e.value)).toBe('abc');
    expect(e.replaced).toEqual(['/index.html?x=1#fm-heading-protection']);
  });

  it('falls back to the stored token after a reload without it', () => {
    const e = env('http://127.0.0.1:5000/', { 'fieldmark.token': 'kept' });
    expect(takeToken(e.value)).toBe('kept');
    expect(e.replaced).toEqual([]);
  });

  it('prefers a new token in the URL over an old stored one (the host was restarted)', () => {
    const e = env('http://127.0.0.1:5001/?token=new', { 'fieldmark.token': 'old' });
    expect(takeToken(e.value)).toBe('new');
    expect(e.storage.get('fieldmark.token')).toBe('new');
  });

  it('returns an empty token when there is none, and survives storage that throws', () => {
    const throwing = {
      location: { href: 'http://127.0.0.1:5000/' },
      storage: {
        getItem: () => {
          throw new Error('denied');
        },
        setItem: () => {
          throw new Error('denied');
        },
      },
      replaceUrl: () => undefined,
    };
    expect(takeToken(throwing)).toBe('');
    expect(takeToken({ ...throwing, location: { href: 'http://127.0.0.1:5000/?token=z' } })).toBe('z');
  });
});
