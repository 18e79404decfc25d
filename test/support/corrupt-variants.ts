/**
 * Damaged or hostile store files, each with what the store must do with it:
 * `aside` — move it aside untouched and open the newest good backup, with a
 * notice giving `reason`; `accept` — the content is valid and is opened as is.
 */
import { randomBytes } from 'node:crypto';
import { DEFAULT_SETTINGS } from '../../preload/contract';

export interface CorruptVariant {
  name: string;
  /** Builds the damaged bytes from a valid snapshot of the same store. */
  build(valid: Buffer): Buffer;
  expect: 'aside' | 'accept';
  /** For `aside`: what the notice says is wrong. */
  reason?: RegExp;
}

const settings = JSON.stringify(DEFAULT_SETTINGS);
const deep = (n: number) => '['.repeat(n) + ']'.repeat(n);

/** Replaces the first `note` value's characters with raw bytes (to plant invalid UTF-8 or escapes). */
function withNoteBytes(valid: Buffer, bytes: Buffer): Buffer {
  const at = valid.indexOf('"note":"') + '"note":"'.length;
  return Buffer.concat([valid.subarray(0, at), bytes, valid.subarray(at)]);
}

export const CORRUPT_VARIANTS: CorruptVariant[] = [
  { name: 'an empty file', build: () => Buffer.alloc(0), expect: 'aside', reason: /it is empty/ },
  { name: 'a file truncated in the middle', build: (v) => v.subarray(0, Math.floor(v.length / 2)), expect: 'aside', reason: /cut off/ },
  { name: 'a file truncated to its first byte', build: (v) => v.subarray(0, 1), expect: 'aside', reason: /cut off/ },
  { name: 'a file missing only its closing brace', build: (v) => v.subarray(0, v.length - 1), expect: 'aside', reason: /cut off/ },
  { name: 'a NUL-filled file', build: (v) => Buffer.alloc(v.length), expect: 'aside', reason: /only zero bytes/ },
  { name: 'valid JSON followed by NUL bytes', build: (v) => Buffer.concat([v, Buffer.alloc(512)]), expect: 'aside', reason: /not valid JSON/ },
  { name: 'a UTF-8 BOM in front of valid JSON', build: (v) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), v]), expect: 'accept' },
  { name: 'a UTF-8 BOM in front of nothing else', build: () => Buffer.from([0xef, 0xbb, 0xbf]), expect: 'aside', reason: /cut off/ },
  { name: 'a UTF-16 file', build: (v) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(v.toString('utf8'), 'utf16le')]), expect: 'aside', reason: /not UTF-8/ },
  { name: 'the JSON value null', build: () => Buffer.from('null'), expect: 'aside', reason: /holds null where an annotations document was expected/ },
  { name: 'an array at the root', build: () => Buffer.from('[{"version":1}]'), expect: 'aside', reason: /holds a list where/ },
  { name: 'a string at the root', build: () => Buffer.from('"fieldmark"'), expect: 'aside', reason: /holds a string where/ },
  { name: 'a number at the root', build: () => Buffer.from('1'), expect: 'aside', reason: /holds a number where/ },
  { name: 'an object without a version', build: () => Buffer.from(`{"settings":${settings},"annotations":[],"imports":[]}`), expect: 'aside', reason: /no valid format version/ },
  { name: 'a version given as a string', build: () => Buffer.from(`{"version":"1","settings":${settings},"annotations":[],"imports":[]}`), expect: 'aside', reason: /no valid format version/ },
  { name: 'wrong field types', build: () => Buffer.from('{"version":1,"settings":"dark","annotations":{},"imports":3}'), expect: 'aside', reason: /does not match the expected format: settings/ },
  { name: 'an annotation with a wrong field type', build: (v) => Buffer.from(v.toString('utf8').replace('"deletedAt":null', '"deletedAt":42')), expect: 'aside', reason: /annotations\.0\.deletedAt/ },
  { name: 'an annotation with an id that is not a UUID', build: (v) => Buffer.from(v.toString('utf8').replace(/"id":"[^"]+"/, '"id":"../../etc/passwd"')), expect: 'aside', reason: /annotations\.0\.id/ },
  { name: 'a lone surrogate as raw (CESU-8) bytes', build: (v) => withNoteBytes(v, Buffer.from([0xed, 0xa0, 0x80])), expect: 'aside', reason: /not UTF-8/ },
  { name: 'a lone surrogate as a JSON escape', build: (v) => withNoteBytes(v, Buffer.from('\\udc00')), expect: 'accept' },
  { name: 'arrays nested 100,000 deep at the root', build: () => Buffer.from(deep(100_000)), expect: 'aside', reason: /holds a list where/ },
  {
    name: 'arrays nested 100,000 deep inside the annotations',
    build: () => Buffer.from(`{"version":1,"settings":${settings},"annotations":[${deep(100_000)}],"imports":[]}`),
    expect: 'aside',
    reason: /annotations\.0/,
  },
  {
    name: 'objects nested 100,000 deep inside an import record',
    build: () => Buffer.from(`{"version":1,"settings":${settings},"annotations":[],"imports":[{"id":"x","committedAt":"t","before":[],"undoneAt":${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}}]}`),
    expect: 'aside',
    reason: /imports\.0\.undoneAt/,
  },
  { name: 'text that is not JSON', build: () => Buffer.from('Fieldmark annotations, exported by hand\n- a note\n'), expect: 'aside', reason: /not valid JSON/ },
  { name: 'a sealed file with one flipped byte that breaks the JSON', build: (v) => Buffer.from(v.toString('utf8').replace('"annotations":[', '"annotations":{')), expect: 'aside', reason: /not valid JSON/ },
  { name: '100 MB of random bytes', build: () => randomBytes(100 * 1024 * 1024), expect: 'aside', reason: /not UTF-8/ },
  { name: '100 MB of printable junk', build: () => Buffer.alloc(100 * 1024 * 1024, 'fieldmark!'), expect: 'aside', reason: /not valid JSON/ },
];
