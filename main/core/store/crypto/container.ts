/**
 * The self-contained encrypted file: a sealed unit together with the wrapped
 * keys of the day it was made, as one JSON text. Backups (automatic and
 * exported), and encrypted exchange files, are containers, so each one opens
 * with the passphrase (or recovery key) that protected the store when it was
 * written, even after the passphrase has changed since.
 *
 *   {"format":"fieldmark-encrypted","version":1,"name":<what it holds>,"keys":<keyfile>,"data":<base64 sealed unit>}
 *
 * `name` is also bound into the sealed unit's additional data (envelope.ts).
 */
import { z } from 'zod';
import { FieldmarkError } from '../../../../preload/rpc';
import { isSealed, open, SealBroken, seal } from './envelope';
import { createKeys, Keyfile, unwrapWithPassphrase, unwrapWithRecoveryKey } from './keyfile';

export const CONTAINER_FORMAT = 'fieldmark-encrypted';
const CONTAINER_HEAD = Buffer.from(`{"format":"${CONTAINER_FORMAT}"`, 'latin1');

export const Container = z.strictObject({
  format: z.literal(CONTAINER_FORMAT),
  version: z.literal(1),
  name: z.string().min(1).max(200),
  keys: Keyfile,
  data: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/),
});
export type Container = z.infer<typeof Container>;

/** Wraps an already sealed unit (sealed for `name`) with the keys that open it. */
export function containerOfSealed(keys: Keyfile, sealed: Uint8Array, name: string): string {
  const { pending: _pending, ...plainKeys } = keys;
  const file: Container = { format: CONTAINER_FORMAT, version: 1, name, keys: plainKeys, data: Buffer.from(sealed).toString('base64') };
  return JSON.stringify(file);
}

/** Seals `plain` under the data key and wraps it with `keys`. */
export function renderContainer(keys: Keyfile, dataKey: Buffer, plain: Uint8Array, name: string): string {
  return containerOfSealed(keys, seal(dataKey, plain, name), name);
}

/** Whether text or bytes start like a container (cheap; parseContainer decides). */
export function looksLikeContainer(content: string | Uint8Array): boolean {
  const head = typeof content === 'string' ? Buffer.from(content.slice(0, CONTAINER_HEAD.length + 1).replace(/^\uFEFF/, ''), 'utf8') : Buffer.from(content);
  return head.subarray(0, CONTAINER_HEAD.length).equals(CONTAINER_HEAD);
}

/** The container in text or bytes; null when it is not one. */
export function parseContainer(content: string | Uint8Array): Container | null {
  if (!looksLikeContainer(content)) return null;
  try {
    const text = typeof content === 'string' ? content : Buffer.from(content).toString('utf8');
    const parsed = Container.safeParse(JSON.parse(text.replace(/^\uFEFF/, '')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The sealed unit a container carries. */
export function sealedOf(container: Container): Buffer {
  return Buffer.from(container.data, 'base64');
}

/** Decrypts with a known data key; throws SealBroken when it is not that key's, or was altered. */
export function openWithDataKey(container: Container, dataKey: Buffer): Buffer {
  const sealed = sealedOf(container);
  if (!isSealed(sealed)) throw new SealBroken(container.name);
  return open(dataKey, sealed, container.name);
}

export interface Secret {
  passphrase?: string;
  recoveryKey?: string;
}

/** The data key a passphrase or recovery key unwraps from the container's keys; typed errors otherwise. */
export async function dataKeyFor(keys: Keyfile, secret: Secret, what: string): Promise<Buffer> {
  if (!secret.passphrase && !secret.recoveryKey) {
    throw new FieldmarkError('PASSPHRASE_REQUIRED', `${what} is protected with a passphrase. Enter its passphrase or recovery key to open it.`);
  }
  const key =
    (secret.recoveryKey ? unwrapWithRecoveryKey(keys, secret.recoveryKey) : null) ??
    (secret.passphrase ? unwrapWithRecoveryKey(keys, secret.passphrase) : null) ??
    (secret.passphrase ? await unwrapWithPassphrase(keys, secret.passphrase) : null);
  if (!key) {
    throw new FieldmarkError('WRONG_PASSPHRASE', `That passphrase or recovery key does not open ${what}. Check it and try again; nothing was changed.`);
  }
  return key;
}

/**
 * Opens a container with a passphrase or recovery key (a recovery key typed in
 * the passphrase field is recognised too). `expectedName` refuses a container
 * holding something else. Typed errors: PASSPHRASE_REQUIRED, WRONG_PASSPHRASE, INVALID_IMPORT.
 */
export async function openWithSecret(container: Container, secret: Secret, what: string, expectedName?: string): Promise<Buffer> {
  if (expectedName !== undefined && container.name !== expectedName) {
    throw new FieldmarkError('INVALID_IMPORT', `${what} holds something else (${container.name}), so it was not opened.`);
  }
  const key = await dataKeyFor(container.keys, secret, what);
  try {
    return openWithDataKey(container, key);
  } catch (error) {
    if (error instanceof SealBroken) {
      throw new FieldmarkError('INVALID_IMPORT', `${what} is damaged or was altered: its encrypted content failed its authenticity check. Nothing was changed.`);
    }
    throw error;
  }
}

/** Encrypts a text under a passphrase of its own (fresh data key and salt, no recovery key): exchange files. */
export async function sealWithPassphrase(plain: string, passphrase: string, name: string): Promise<string> {
  const made = await createKeys(passphrase, { recovery: false });
  return renderContainer(made.keys, made.dataKey, Buffer.from(plain, 'utf8'), name);
}
