/** Test helpers for the browser host: raw HTTP requests with full control over every header. */
import { connect } from 'node:net';
import { request as httpRequest } from 'node:http';
import { DEFAULT_SETTINGS, type Contract } from '../../../../preload/contract';
import type { Implementation } from '../../../../preload/rpc';

export interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** An HTTP/1.1 request to 127.0.0.1:port; `headers.host` defaults to the right one unless set (null removes it). */
export function send(
  port: number,
  options: { method?: string; path?: string; headers?: Record<string, string | null>; body?: string },
): Promise<Reply> {
  const headers: Record<string, string> = {};
  const given = { host: `127.0.0.1:${port}`, ...options.headers };
  for (const [key, value] of Object.entries(given)) if (value !== null) headers[key] = value;
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path ?? '/', headers, setHost: false, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

/** A token-bearing JSON call to /api/<method>, with overridable headers. */
export function callApi(port: number, token: string, method: string, input: unknown, headers: Record<string, string | null> = {}): Promise<Reply> {
  return send(port, {
    method: 'POST',
    path: `/api/${method}`,
    headers: { 'content-type': 'application/json', 'x-fieldmark-token': token, ...headers },
    body: JSON.stringify(input),
  });
}

/** Sends bytes exactly as given (for request targets an HTTP client would refuse to send). */
export function sendRaw(port: number, requestText: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let text = '';
    socket.on('data', (c: Buffer) => (text += c.toString('latin1')));
    socket.on('end', () => resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0), text }));
    socket.on('error', reject);
    socket.write(requestText);
  });
}

/** A fake service that records every call; only settings really work. */
export function recordingImpl(): { impl: Implementation<Contract>; calls: Array<{ method: string; input: unknown }>; settings: typeof DEFAULT_SETTINGS } {
  const calls: Array<{ method: string; input: unknown }> = [];
  const state = { settings: structuredClone(DEFAULT_SETTINGS) };
  const handlers: Record<string, (input: unknown) => unknown> = {
    getSettings: () => state.settings,
    updateSettings: (patch) => {
      state.settings = { ...state.settings, ...(patch as object) };
      return state.settings;
    },
  };
  const impl = new Proxy({} as Implementation<Contract>, {
    get: (_target, method: string) => (input: unknown) => {
      calls.push({ method, input });
      const handler = handlers[method];
      if (!handler) throw new Error(`fake service has no ${method}`);
      return handler(input);
    },
  });
  return {
    impl,
    calls,
    get settings() {
      return state.settings;
    },
  };
}
