import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('./fake-electron'));
const fake = await import('./fake-electron');
const { hardenSession, hardenWebContents, isAllowedRequest } = await import('../../../main/electron/security');

type Listener = (...args: unknown[]) => unknown;

describe('web contents hardening', () => {
  const contents = new fake.FakeWebContents();
  hardenWebContents(contents as never);

  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect', 'will-attach-webview'])('cancels %s', (event) => {
    const e = new fake.FakeEvent();
    contents.emit(event, e, 'https://evil.example/');
    expect(e.defaultPrevented).toBe(true);
  });

  it('cancels navigation even to our own origin (the app never navigates)', () => {
    const e = new fake.FakeEvent();
    contents.emit('will-navigate', e, 'app://fieldmark/index.html');
    expect(e.defaultPrevented).toBe(true);
  });

  it('denies every window.open', () => {
    expect(contents.windowOpenHandler!({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler!({ url: 'app://fieldmark/index.html' })).toEqual({ action: 'deny' });
  });
});

describe('session hardening', () => {
  const session = fake.session.defaultSession;
  hardenSession(session as never, { allowDevtools: false });
  const ours = new fake.FakeWebContents('app://fieldmark/index.html');
  const foreign = new fake.FakeWebContents('https://evil.example/');

  const request = (contents: unknown, permission: string) => {
    const callback = vi.fn();
    (session.permissionRequestHandler as unknown as Listener)(contents, permission, callback, {});
    return callback.mock.calls[0]![0] as boolean;
  };

  it.each(['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read', 'fullscreen', 'display-capture', 'midiSysex', 'unknown'])(
    'denies the %s permission request',
    (permission) => {
      expect(request(ours, permission)).toBe(false);
    },
  );

  it('grants clipboard writes to our own page only (for Copy Markdown)', () => {
    expect(request(ours, 'clipboard-sanitized-write')).toBe(true);
    expect(request(foreign, 'clipboard-sanitized-write')).toBe(false);
    const check = session.permissionCheckHandler as unknown as Listener;
    expect(check(ours, 'clipboard-sanitized-write', 'app://fieldmark', {})).toBe(true);
    expect(check(foreign, 'clipboard-sanitized-write', 'https://evil.example', {})).toBe(false);
    expect(check(ours, 'clipboard-read', 'app://fieldmark', {})).toBe(false);
    expect(check(ours, 'media', 'app://fieldmark', {})).toBe(false);
  });

  it('denies device permissions', () => {
    expect((session.devicePermissionHandler as unknown as Listener)({ deviceType: 'usb' })).toBe(false);
  });

  it('cancels every request that is not for app://fieldmark or an inline data: image', () => {
    const decide = (url: string) => {
      const callback = vi.fn();
      (session.beforeRequest as unknown as Listener)({ url }, callback);
      return callback.mock.calls[0]![0];
    };
    expect(decide('app://fieldmark/assets/index.js')).toEqual({ cancel: false });
    expect(decide('data:image/png;base64,AAAA')).toEqual({ cancel: false });
    expect(decide('DATA:image/svg+xml,%3Csvg/%3E')).toEqual({ cancel: false });
    for (const url of ['data:text/html,<script>alert(1)</script>', 'data:application/javascript,alert(1)', 'data:,hello', 'data:font/woff2;base64,AAAA', 'https://example.org/x.js', 'http://127.0.0.1:8080/', 'ws://evil/', 'wss://evil/', 'file:///etc/passwd', 'app://other/x', 'devtools://devtools/bundled/inspector.html']) {
      expect(decide(url), url).toEqual({ cancel: true });
    }
  });

  it('lets devtools:// through only in development', () => {
    expect(isAllowedRequest('devtools://devtools/bundled/inspector.html', true)).toBe(true);
    expect(isAllowedRequest('devtools://devtools/bundled/inspector.html', false)).toBe(false);
    expect(isAllowedRequest('https://example.org/', true)).toBe(false);
  });
});
