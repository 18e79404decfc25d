import { describe, expect, it } from 'vitest';
import { contract } from '../../../../preload/contract';
import { createClient, FieldmarkError } from '../../../../preload/rpc';
import { createHttpTransport, KEEPALIVE_LIMIT } from '../../../../renderer/api/http-transport';

type Call = { url: string; init: RequestInit };

function fakeFetch(reply: (call: Call) => Response | Promise<Response>) {
  const calls: Call[] = [];
  const fn = (async (url: string, init: RequestInit) => {
    const call = { url, init };
    calls.push(call);
    return reply(call);
  }) as unknown as typeof fetch;
  return { fn, calls };
}

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

describe('HTTP transport', () => {
  it('posts the input as JSON to /api/<method> with the token header', async () => {
    const { fn, calls } = fakeFetch(() => json({ ok: true, value: { fontSize: 20 } }));
    const transport = createHttpTransport({ token: 'secret-1', fetch: fn });
    const envelope = await transport('updateSettings', { fontSize: 20 });
    expect(envelope).toEqual({ ok: true, value: { fontSize: 20 } });
    expect(calls).toHaveLength(1);
    expect(calls[0]!.url).toBe('/api/updateSettings');
    expect(calls[0]!.init.method).toBe('POST');
    expect(calls[0]!.init.body).toBe('{"fontSize":20}');
    const headers = calls[0]!.init.headers as Record<string, string>;
    expect(headers['X-Fieldmark-Token']).toBe('secret-1');
    expect(headers['Content-Type']).toBe('application/json');
  });

  it('sends null for a method without input', async () => {
    const { fn, calls } = fakeFetch(() => json({ ok: true, value: null }));
    await createHttpTransport({ token: 't', fetch: fn })('getStatus', undefined);
    expect(calls[0]!.init.body).toBe('null');
  });

  it('uses keepalive for small bodies only, so saves survive unload and large imports are not refused', async () => {
    const { fn, calls } = fakeFetch(() => json({ ok: true, value: null }));
    const transport = createHttpTransport({ token: 't', fetch: fn });
    await transport('updateSettings', { readingPosition: { offset: 10, progress: 0.1 } });
    await transport('previewImport', { content: 'x'.repeat(KEEPALIVE_LIMIT + 1) });
    expect(calls[0]!.init.keepalive).toBe(true);
    expect(calls[1]!.init.keepalive).toBe(false);
  });

  it('measures the keepalive limit in bytes, so a long non-ASCII note is not refused by the browser', async () => {
    const { fn, calls } = fakeFetch(() => json({ ok: true, value: null }));
    const transport = createHttpTransport({ token: 't', fetch: fn });
    const note = '人'.repeat(Math.floor(KEEPALIVE_LIMIT / 2));
    expect(note.length).toBeLessThan(KEEPALIVE_LIMIT);
    await transport('updateAnnotation', { id: '00000000-0000-4000-8000-000000000001', note });
    expect(calls[0]!.init.keepalive).toBe(false);
  });

  it('retries without keepalive when the browser refuses a keepalive request', async () => {
    const { fn, calls } = fakeFetch((call) => (call.init.keepalive ? Promise.reject(new TypeError('Failed to fetch')) : json({ ok: true, value: 1 })));
    const envelope = await createHttpTransport({ token: 't', fetch: fn })('updateSettings', { fontSize: 20 });
    expect(envelope).toEqual({ ok: true, value: 1 });
    expect(calls.map((c) => c.init.keepalive)).toEqual([true, false]);
  });

  it('passes error envelopes through, also on 4xx replies', async () => {
    const error = { ok: false, error: { code: 'INVALID_INPUT', message: 'fontSize: too big' } };
    const { fn } = fakeFetch(() => json(error, 400));
    expect(await createHttpTransport({ token: 't', fetch: fn })('updateSettings', { fontSize: 99 })).toEqual(error);
  });

  it('turns a network failure into an error that says what to do', async () => {
    const { fn } = fakeFetch(() => Promise.reject(new TypeError('Failed to fetch')));
    const envelope = await createHttpTransport({ token: 't', fetch: fn })('getReport', null);
    expect(envelope.ok).toBe(false);
    if (!envelope.ok) {
      expect(envelope.error.code).toBe('INTERNAL');
      expect(envelope.error.message).toMatch(/npm run web/);
    }
  });

  it('explains a refused token when the reply is not an envelope', async () => {
    const { fn } = fakeFetch(() => new Response('Forbidden', { status: 403 }));
    const envelope = await createHttpTransport({ token: '', fetch: fn })('getReport', null);
    expect(envelope).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    if (!envelope.ok) expect(envelope.error.message).toMatch(/one-time token/);
  });

  it('reports a reply that is not an envelope with its HTTP status', async () => {
    const { fn } = fakeFetch(() => new Response('<html>oops</html>', { status: 502 }));
    const envelope = await createHttpTransport({ token: 't', fetch: fn })('getReport', null);
    expect(envelope).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    if (!envelope.ok) expect(envelope.error.message).toMatch(/HTTP 502/);
  });

  it('lets the contract client reject with a typed FieldmarkError', async () => {
    const { fn } = fakeFetch(() => json({ ok: false, error: { code: 'READ_ONLY', message: 'Opened read-only.' } }, 409));
    const client = createClient(contract, createHttpTransport({ token: 't', fetch: fn }));
    const failure = await client.updateSettings({ theme: 'dark' }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(FieldmarkError);
    expect(failure).toMatchObject({ code: 'READ_ONLY', message: 'Opened read-only.' });
  });
});
