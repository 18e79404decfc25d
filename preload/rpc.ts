/**
 * The RPC layer both transports share: a dispatcher that validates every payload
 * against the contract before the service sees it, a typed client, and one error
 * envelope so that failures look the same over Electron IPC and over HTTP.
 *
 * Pure on purpose: this file imports nothing from Node or the DOM.
 */
import { z } from 'zod';
import { ErrorCode } from './contract';

export type ErrorCodeT = z.infer<typeof ErrorCode>;
export type RpcError = { code: ErrorCodeT; message: string };
export type Envelope<T = unknown> = { ok: true; value: T } | { ok: false; error: RpcError };

type AnySchema = z.ZodType;
export type ContractShape = Record<string, { input: AnySchema; output: AnySchema }>;

/** A typed error thrown inside the service; the dispatcher turns it into the envelope. */
export class FieldmarkError extends Error {
  constructor(
    readonly code: ErrorCodeT,
    message: string,
  ) {
    super(message);
    this.name = 'FieldmarkError';
  }
}

type ArgOf<S extends AnySchema> = undefined extends z.input<S> ? [input?: z.input<S>] : [input: z.input<S>];

/** The service as the dispatcher needs it: one async function per method, taking parsed input. */
export type Implementation<C extends ContractShape> = {
  [M in keyof C]: (input: z.output<C[M]['input']>) => Promise<z.input<C[M]['output']>> | z.input<C[M]['output']>;
};

/** The client the view uses: one promise-returning function per method. */
export type Client<C extends ContractShape> = {
  [M in keyof C]: (...args: ArgOf<C[M]['input']>) => Promise<z.output<C[M]['output']>>;
};

export type Transport = (method: string, input: unknown) => Promise<Envelope>;
export type Dispatcher = (method: string, input: unknown) => Promise<Envelope>;

/** Readable one-line summary of a zod failure, naming the field. */
export function describeZodError(error: z.ZodError): string {
  const first = error.issues[0];
  if (!first) return 'The request was not valid.';
  const where = first.path.length > 0 ? `${first.path.map(String).join('.')}: ` : '';
  return `${where}${first.message}`;
}

function toRpcError(error: unknown): RpcError {
  if (error instanceof FieldmarkError) return { code: error.code, message: error.message };
  if (error instanceof z.ZodError) return { code: 'INVALID_INPUT', message: describeZodError(error) };
  return { code: 'INTERNAL', message: 'Something went wrong inside Fieldmark. Your data was not changed by this request.' };
}

/**
 * Builds the dispatcher: unknown methods and malformed input are refused with a
 * typed error before the implementation runs; any throw becomes an envelope.
 * `onInternalError` sees unexpected errors (for logging) without leaking them.
 * `isProvenOutput`, when given, may answer true only for a value that is already
 * exactly what the method's output schema would return (a compiled check); the
 * value is then passed on as it is, and anything it does not prove goes through
 * the schema as before.
 */
export function createDispatcher<C extends ContractShape>(
  contract: C,
  impl: Implementation<C>,
  onInternalError?: (method: string, error: unknown) => void,
  isProvenOutput?: (method: string, value: unknown) => boolean,
): Dispatcher {
  return async (method, input) => {
    if (typeof method !== 'string' || !Object.prototype.hasOwnProperty.call(contract, method)) {
      return { ok: false, error: { code: 'UNKNOWN_METHOD', message: `There is no method called "${String(method).slice(0, 60)}".` } };
    }
    const spec = contract[method]!;
    // JSON has no `undefined`, so both transports send `null` for "no input".
    const parsed = spec.input.safeParse(input === null ? undefined : input);
    if (!parsed.success) {
      return { ok: false, error: { code: 'INVALID_INPUT', message: `${method}: ${describeZodError(parsed.error)}` } };
    }
    try {
      const fn = impl[method as keyof C] as (input: unknown) => unknown;
      const value = await fn(parsed.data);
      if (isProvenOutput?.(method, value)) return { ok: true, value };
      const output = spec.output.safeParse(value);
      // An answer that breaks the contract is our bug, not the caller's: INTERNAL, never passed on.
      if (!output.success) throw new Error(`${method} returned output outside the contract: ${describeZodError(output.error)}`);
      return { ok: true, value: output.data };
    } catch (error) {
      const rpcError = toRpcError(error);
      if (rpcError.code === 'INTERNAL') onInternalError?.(method, error);
      return { ok: false, error: rpcError };
    }
  };
}

/** Builds the typed client over any transport; a failed call rejects with a FieldmarkError. */
export function createClient<C extends ContractShape>(contract: C, transport: Transport): Client<C> {
  const client = {} as Record<string, (input?: unknown) => Promise<unknown>>;
  for (const method of Object.keys(contract)) {
    client[method] = async (input?: unknown) => {
      const envelope = await transport(method, input === undefined ? null : input);
      if (envelope.ok) return envelope.value;
      throw new FieldmarkError(envelope.error.code, envelope.error.message);
    };
  }
  return Object.freeze(client) as Client<C>;
}

/** Checks that an unknown value is a well-formed envelope (what a transport received). */
export function isEnvelope(value: unknown): value is Envelope {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { ok?: unknown; error?: { code?: unknown; message?: unknown } };
  if (v.ok === true) return 'value' in v;
  return v.ok === false && typeof v.error?.code === 'string' && typeof v.error?.message === 'string';
}
