/**
 * The snapshot codec: a store document to the bytes of `fieldmark.json` (and of
 * every backup) and back. Decoding turns any bytes into a valid, migrated
 * document or a SnapshotProblem saying in plain words what is wrong.
 *
 * Snapshot seal: the snapshot starts with `{"integrity":"crc32:<8 hex>",` followed
 * by the rest of `JSON.stringify(doc)`; the checksum covers exactly that
 * stringified document. The seal is a content fingerprint (it lets the launch
 * backup copy the bytes instead of serializing again), never a reason to skip
 * validation: every file goes through migrations and the full `StoreDoc` schema
 * on load (store-validate.ts: a check compiled from the zod schema, with zod
 * itself for anything that check cannot prove). The `integrity` key is removed
 * before validation, so the file stays a plain, valid store document.
 *
 * In a protected store (issue 16) those bytes are sealed whole as one unit
 * (crypto/envelope.ts) under the name `fieldmark.json`; the seal's checksum
 * stays the fingerprint of the plain document. A unit that fails
 * authentication, or a plain file where an encrypted one belongs, is a
 * SnapshotProblem like any damage: moved aside, never accepted.
 */
import { isUtf8 } from 'node:buffer';
import { crc32 } from 'node:zlib';
import { describeZodError } from '../../../preload/rpc';
import { crc32Hex } from './crc32-hex';
import { isSealed, SealBroken } from './crypto/envelope';
import type { StoreCipher } from './crypto/store-cipher';
import { MIGRATIONS, migrateDoc, UnknownFormatError, type Migration } from './store-migrations';
import type { StoreDoc } from './store-schema';
import { parseStoreDoc } from './store-validate';

const SEAL_HEAD = '{"integrity":"crc32:';
const SEAL_LENGTH = SEAL_HEAD.length + 8 + 2; // head, 8 hex digits, `",`
const SEAL_HEAD_BYTES = Buffer.from(SEAL_HEAD, 'latin1');
const OPEN_BRACE_CRC = crc32('{');
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

export interface EncodedSnapshot {
  bytes: Buffer;
  /** CRC-32 (8 hex) of the stringified document: a cheap content fingerprint. */
  crc: string;
}

/** The snapshot file's name, bound into its encryption. */
export const SNAPSHOT_UNIT = 'fieldmark.json';

/** Serializes a (valid) document as a sealed snapshot, encrypted when a cipher is given. */
export function encodeSnapshot(doc: StoreDoc, cipher: StoreCipher | null = null): EncodedSnapshot {
  const body = Buffer.from(JSON.stringify(doc), 'utf8');
  const crc = crc32Hex(body);
  const plain = Buffer.concat([Buffer.from(`${SEAL_HEAD}${crc}",`, 'latin1'), body.subarray(1)]);
  return { bytes: cipher ? cipher.seal(plain, SNAPSHOT_UNIT) : plain, crc };
}

export type SnapshotProblemKind =
  | 'empty'
  | 'zeros'
  | 'not-utf8'
  | 'cut-off'
  | 'not-json'
  | 'invalid'
  | 'unreadable'
  | 'tampered'
  | 'encrypted'
  | 'not-encrypted';

/** The snapshot cannot be used; `reason` completes "Your annotations file could not be read (…)". */
export class SnapshotProblem extends Error {
  constructor(
    readonly kind: SnapshotProblemKind,
    readonly reason: string,
  ) {
    super(`The annotations file could not be read (${reason}).`);
    this.name = 'SnapshotProblem';
  }
}

export interface DecodedSnapshot {
  doc: StoreDoc;
  /** The seal matched: the bytes are exactly what Fieldmark wrote (the document was still validated). */
  sealed: boolean;
  /** Content fingerprint from the seal; null for an unsealed file. */
  crc: string | null;
  /** The on-disk version when a migration ran, else null. */
  migratedFrom: number | null;
  /** The bytes were encrypted (a plain file read while a conversion is finished says false). */
  encrypted: boolean;
}

/**
 * The plain bytes of a snapshot: decrypted when sealed (with the store's cipher),
 * as they are when plain and the store is plain (or finishing a conversion).
 */
export function plainSnapshotBytes(input: Buffer, cipher: StoreCipher | null): { bytes: Buffer; encrypted: boolean } {
  if (isSealed(input)) {
    if (!cipher) throw new SnapshotProblem('encrypted', 'it is encrypted, but your notes are not protected with a passphrase here');
    try {
      return { bytes: cipher.open(input, SNAPSHOT_UNIT), encrypted: true };
    } catch (error) {
      if (error instanceof SealBroken) throw new SnapshotProblem('tampered', 'its encrypted content failed its authenticity check: it is damaged or was altered');
      throw error;
    }
  }
  if (cipher && !cipher.acceptPlain && input.length > 0) {
    throw new SnapshotProblem('not-encrypted', 'it is not encrypted, although your notes are protected with a passphrase');
  }
  return { bytes: input, encrypted: false };
}

function sealOf(bytes: Buffer): string | null {
  if (bytes.length <= SEAL_LENGTH || !bytes.subarray(0, SEAL_HEAD_BYTES.length).equals(SEAL_HEAD_BYTES)) return null;
  const claimed = bytes.toString('latin1', SEAL_HEAD_BYTES.length, SEAL_HEAD_BYTES.length + 8);
  if (bytes.toString('latin1', SEAL_HEAD_BYTES.length + 8, SEAL_LENGTH) !== '",') return null;
  const actual = crc32Hex(bytes.subarray(SEAL_LENGTH), OPEN_BRACE_CRC);
  return claimed === actual ? actual : null;
}

/** Whether JSON.parse failed because the text stopped before the document ended (V8's messages). */
function endedEarly(message: string, length: number): boolean {
  if (/end of JSON input|Unterminated string/i.test(message)) return true;
  const at = /at position (\d+)/.exec(message);
  return at !== null && Number(at[1]) >= length;
}

function isAllZero(bytes: Buffer): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i] !== 0) return false;
  return true;
}

/**
 * Decodes snapshot (or backup) bytes into a valid document, or throws a
 * SnapshotProblem saying in plain words what is wrong (or NewerVersionError).
 * A UTF-8 byte-order mark in front of otherwise valid JSON is accepted and
 * dropped: editors such as Notepad add one when a user saves the file by hand.
 * A lone surrogate written as a JSON escape (`\ud800`) is valid JSON and is kept;
 * bytes that are not valid UTF-8 (including CESU-8 surrogates) make the file unusable.
 */
export function decodeSnapshot(
  input: Buffer,
  options: { migrations?: readonly Migration[]; cipher?: StoreCipher | null } = {},
): DecodedSnapshot {
  const plain = plainSnapshotBytes(input, options.cipher ?? null);
  let bytes = plain.bytes;
  if (bytes.length === 0) throw new SnapshotProblem('empty', 'it is empty');
  if (bytes[0] === 0 && isAllZero(bytes)) throw new SnapshotProblem('zeros', 'it contains only zero bytes');
  if (bytes.subarray(0, 3).equals(UTF8_BOM)) bytes = bytes.subarray(3);
  if (!isUtf8(bytes)) throw new SnapshotProblem('not-utf8', 'it is not UTF-8 text');
  const crc = sealOf(bytes);
  let raw: unknown;
  const text = bytes.toString('utf8');
  try {
    raw = JSON.parse(text);
  } catch (error) {
    if (endedEarly(error instanceof Error ? error.message : '', text.length)) throw new SnapshotProblem('cut-off', 'it ends abruptly, as if cut off');
    throw new SnapshotProblem('not-json', 'it is not valid JSON');
  }
  if (typeof raw === 'object' && raw !== null && !Array.isArray(raw)) delete (raw as Record<string, unknown>).integrity;
  let migrated;
  try {
    migrated = migrateDoc(raw, options.migrations ?? MIGRATIONS);
  } catch (error) {
    if (error instanceof UnknownFormatError) throw new SnapshotProblem('invalid', error.reason);
    throw error;
  }
  const parsed = parseStoreDoc(migrated.doc);
  if (!parsed.success) {
    throw new SnapshotProblem('invalid', `it does not match the expected format: ${describeZodError(parsed.error)}`);
  }
  return { doc: parsed.data, sealed: crc !== null, crc, migratedFrom: migrated.steps > 0 ? migrated.from : null, encrypted: plain.encrypted };
}
