import { describe, expect, it } from 'vitest';
import { decodeSnapshot, encodeSnapshot, SnapshotProblem } from '../../../../main/core/store/snapshot-codec';
import { NewerVersionError } from '../../../../main/core/store/store-migrations';
import { STORE_VERSION, StoreDoc } from '../../../../main/core/store/store-schema';
import { docWith } from '../../../support/store-fixtures';

describe('snapshot encoding', () => {
  it('round-trips a document through a sealed snapshot', () => {
    const doc = docWith(3);
    const encoded = encodeSnapshot(doc);
    expect(encoded.bytes.toString('utf8').startsWith(`{"integrity":"crc32:${encoded.crc}",`)).toBe(true);
    const decoded = decodeSnapshot(encoded.bytes);
    expect(decoded.sealed).toBe(true);
    expect(decoded.crc).toBe(encoded.crc);
    expect(decoded.doc).toEqual(doc);
  });

  it('is still a plain store document that the zod schema accepts', () => {
    const doc = docWith(2);
    const raw: unknown = JSON.parse(encodeSnapshot(doc).bytes.toString('utf8'));
    expect(StoreDoc.parse(raw)).toEqual(doc);
  });

  it('validates fully when the seal does not match (a file edited by hand) and accepts it if valid', () => {
    const text = encodeSnapshot(docWith(2)).bytes.toString('utf8').replace('note 1', 'note X');
    const decoded = decodeSnapshot(Buffer.from(text));
    expect(decoded.sealed).toBe(false);
    expect(decoded.doc.annotations[1]!.note).toBe('note X');
  });

  it('refuses a hand-edited file whose content breaks the schema, naming the field', () => {
    const text = encodeSnapshot(docWith(2)).bytes.toString('utf8').replace('"color":"gap"', '"color":"purple"');
    expect(() => decodeSnapshot(Buffer.from(text))).toThrow(/annotations\.1\.color/);
  });

  it('does not trust a seal over a document of another version', () => {
    const doc = { ...docWith(1), version: STORE_VERSION + 1 } as unknown as StoreDoc;
    expect(() => decodeSnapshot(encodeSnapshot(doc).bytes)).toThrow(NewerVersionError);
  });

  it('validates a sealed file too: a matching seal over a broken record is refused, naming the field', () => {
    const doc = docWith(2);
    const broken = { ...doc, annotations: [doc.annotations[0], { ...doc.annotations[1], target: undefined }] } as unknown as StoreDoc;
    const encoded = encodeSnapshot(broken);
    expect(encoded.bytes.toString('utf8').startsWith(`{"integrity":"crc32:${encoded.crc}",`)).toBe(true);
    expect(() => decodeSnapshot(encoded.bytes)).toThrow(/annotations\.1\.target/);
  });

  it('accepts and drops a UTF-8 byte-order mark in front of valid JSON', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), encodeSnapshot(docWith(1)).bytes]);
    expect(decodeSnapshot(bytes).doc.annotations).toHaveLength(1);
  });

  it('keeps a lone surrogate written as a JSON escape exactly as it was', () => {
    const doc = docWith(1);
    doc.annotations[0]!.note = 'half a pair: \ud83d end';
    const bytes = encodeSnapshot(doc).bytes;
    expect(bytes.toString('utf8')).toContain('\\ud83d');
    expect(decodeSnapshot(bytes).doc.annotations[0]!.note).toBe('half a pair: \ud83d end');
  });

  it('refuses bytes that are not valid UTF-8, such as a raw encoded surrogate', () => {
    const text = JSON.stringify(docWith(1)).replace('note 0', 'note @');
    const bytes = Buffer.from(text);
    const at = bytes.indexOf('@');
    const broken = Buffer.concat([bytes.subarray(0, at), Buffer.from([0xed, 0xa0, 0xbd]), bytes.subarray(at + 1)]);
    expect(() => decodeSnapshot(broken)).toThrow(SnapshotProblem);
    expect(() => decodeSnapshot(broken)).toThrow(/not UTF-8/);
  });
});
