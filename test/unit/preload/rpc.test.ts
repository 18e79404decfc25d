import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { contract, METHOD_NAMES } from '../../../preload/contract';
import {
  createClient,
  createDispatcher,
  describeZodError,
  FieldmarkError,
  isEnvelope,
  type Envelope,
  type Implementation,
} from '../../../preload/rpc';

const mini = {
  echo: { input: z.object({ text: z.string().max(10) }), output: z.object({ text: z.string() }) },
  nothing: { input: z.union([z.undefined(), z.null(), z.strictObject({})]), output: z.number() },
  broken: { input: z.undefined(), output: z.string() },
} as const;

function miniImpl(overrides: Partial<Implementation<typeof mini>> = {}): Implementation<typeof mini> {
  return {
    echo: ({ text }) => ({ text: text.toUpperCase() }),
    nothing: () => 42,
    broken: () => 'fine',
    ...overrides,
  };
}

describe('createDispatcher', () => {
  it('calls the implementation with parsed input and wraps the value', async () => {
    const dispatch = createDispatcher(mini, miniImpl());
    expect(await dispatch('echo', { text: 'hi' })).toEqual({ ok: true, value: { text: 'HI' } });
    expect(await dispatch('nothing', null)).toEqual({ ok: true, value: 42 });
    expect(await dispatch('nothing', undefined)).toEqual({ ok: true, value: 42 });
  });

  it('refuses an unknown method with UNKNOWN_METHOD, without calling anything', async () => {
    const echo = vi.fn();
    const dispatch = createDispatcher(mini, miniImpl({ echo }));
    for (const method of ['nope', 'toString', '__proto__', 'constructor', 'hasOwnProperty']) {
      const envelope = await dispatch(method, {});
      expect(envelope).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    }
    expect(await dispatch(42 as unknown as string, {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    expect(echo).not.toHaveBeenCalled();
  });

  it('cuts a long unknown method name in its message', async () => {
    const envelope = await createDispatcher(mini, miniImpl())('x'.repeat(5000), null);
    expect(envelope.ok).toBe(false);
    expect((envelope as { error: { message: string } }).error.message.length).toBeLessThan(120);
  });

  it('refuses malformed input with INVALID_INPUT naming the field, without calling the implementation', async () => {
    const echo = vi.fn();
    const dispatch = createDispatcher(mini, miniImpl({ echo }));
    for (const input of [{ text: 5 }, { text: 'far too long text' }, 'text', null, [], { other: 'x' }]) {
      const envelope = await dispatch('echo', input);
      expect(envelope).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
    const named = await dispatch('echo', { text: 5 });
    expect((named as { error: { message: string } }).error.message).toMatch(/^echo: text: /);
    expect(await dispatch('nothing', { extra: true })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(echo).not.toHaveBeenCalled();
  });

  it('turns a FieldmarkError into its envelope', async () => {
    const dispatch = createDispatcher(
      mini,
      miniImpl({
        echo: () => {
          throw new FieldmarkError('OUT_OF_RANGE', 'The selection is outside the text.');
        },
      }),
    );
    expect(await dispatch('echo', { text: 'a' })).toEqual({ ok: false, error: { code: 'OUT_OF_RANGE', message: 'The selection is outside the text.' } });
  });

  it('turns an async FieldmarkError into its envelope too', async () => {
    const dispatch = createDispatcher(
      mini,
      miniImpl({
        echo: async () => {
          await Promise.resolve();
          throw new FieldmarkError('DISK_FULL', 'The disk is full.');
        },
      }),
    );
    expect(await dispatch('echo', { text: 'a' })).toEqual({ ok: false, error: { code: 'DISK_FULL', message: 'The disk is full.' } });
  });

  it('reports an unexpected throw as INTERNAL without leaking its message, and tells the logger', async () => {
    const secret = new Error('EACCES /home/analyst/secret-notes.txt token=abc123');
    const log = vi.fn();
    const dispatch = createDispatcher(
      mini,
      miniImpl({
        echo: () => {
          throw secret;
        },
      }),
      log,
    );
    const envelope = await dispatch('echo', { text: 'a' });
    expect(envelope).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(envelope)).not.toMatch(/secret|abc123|EACCES/);
    expect(log).toHaveBeenCalledWith('echo', secret);
  });

  it('does not tell the logger about typed errors', async () => {
    const log = vi.fn();
    const dispatch = createDispatcher(
      mini,
      miniImpl({
        echo: () => {
          throw new FieldmarkError('NOT_FOUND', 'Gone.');
        },
      }),
      log,
    );
    await dispatch('echo', { text: 'a' });
    expect(log).not.toHaveBeenCalled();
  });

  it('never passes on output that breaks the contract, and reports it as internal, not as bad input', async () => {
    const log = vi.fn();
    const dispatch = createDispatcher(mini, miniImpl({ echo: () => ({ text: 7 }) as unknown as { text: string } }), log);
    const envelope = await dispatch('echo', { text: 'a' });
    expect(envelope).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(envelope).not.toHaveProperty('value');
    expect(log).toHaveBeenCalledOnce();
  });
});

describe('createClient', () => {
  it('returns the value of a successful envelope and sends null for no input', async () => {
    const transport = vi.fn(async (): Promise<Envelope> => ({ ok: true, value: 42 }));
    const client = createClient(mini, transport);
    expect(await client.nothing()).toBe(42);
    expect(transport).toHaveBeenCalledWith('nothing', null);
  });

  it('throws a FieldmarkError with the code and message of an error envelope', async () => {
    const client = createClient(mini, async () => ({ ok: false, error: { code: 'READ_ONLY', message: 'The data folder is read-only.' } }));
    const error = await client.echo({ text: 'a' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FieldmarkError);
    expect(error).toMatchObject({ code: 'READ_ONLY', message: 'The data folder is read-only.', name: 'FieldmarkError' });
  });

  it('round-trips through a dispatcher, typed errors included', async () => {
    const dispatch = createDispatcher(mini, miniImpl());
    const client = createClient(mini, (method, input) => dispatch(method, input));
    expect(await client.echo({ text: 'abc' })).toEqual({ text: 'ABC' });
    await expect(client.echo({ text: 'much too long for it' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('has exactly one frozen function per contract method', () => {
    const client = createClient(contract, async () => ({ ok: true, value: null }));
    expect(Object.keys(client).sort()).toEqual([...METHOD_NAMES].sort());
    expect(Object.isFrozen(client)).toBe(true);
  });
});

describe('isEnvelope', () => {
  it('accepts only well-formed envelopes', () => {
    expect(isEnvelope({ ok: true, value: 1 })).toBe(true);
    expect(isEnvelope({ ok: true, value: undefined })).toBe(true);
    expect(isEnvelope({ ok: false, error: { code: 'INTERNAL', message: 'x' } })).toBe(true);
    for (const bad of [null, 1, 'ok', {}, { ok: true }, { ok: false }, { ok: false, error: { code: 1, message: 'x' } }, { ok: 'true', value: 1 }]) {
      expect(isEnvelope(bad)).toBe(false);
    }
  });
});

describe('describeZodError', () => {
  it('names the path of the first problem', () => {
    const result = z.object({ a: z.object({ b: z.number() }) }).safeParse({ a: { b: 'x' } });
    expect(result.success).toBe(false);
    expect(describeZodError(result.error!)).toMatch(/^a\.b: /);
  });
});
