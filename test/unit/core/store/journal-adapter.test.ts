import { crc32 } from 'node:zlib';
import { Low } from 'lowdb';
import { describe, expect, it } from 'vitest';
import {
  decodeSnapshot,
  encodeJournalLine,
  encodeSnapshot,
  JournalAdapter,
  replayJournal,
  scanJournal,
  SnapshotProblem,
} from '../../../../main/core/store/journal-adapter';
import { NewerVersionError } from '../../../../main/core/store/store-migrations';
import { emptyDoc, StoreDoc, type StoreOp } from '../../../../main/core/store/store-schema';
import { MemoryFs } from '../../../support/memory-fs';
import { docWith, makeAnnotation, put } from '../../../support/store-fixtures';

function journalOf(batches: StoreOp[][]): Buffer {
  return Buffer.concat(batches.map(encodeJournalLine));
}

describe('journal lines', () => {
  it('reads back every batch it wrote, in order', () => {
    const batches = [[put(makeAnnotation(1))], [put(makeAnnotation(2)), put(makeAnnotation(3))]];
    const scan = scanJournal(journalOf(batches));
    expect(scan.tornTail).toBe(false);
    expect(scan.corruptLines).toBe(0);
    expect(scan.batches.map((b) => b.ops)).toEqual(batches);
  });

  it('drops a last line cut off at any byte, keeping every complete line', () => {
    const first = encodeJournalLine([put(makeAnnotation(1))]);
    const last = encodeJournalLine([put(makeAnnotation(2))]);
    for (let cut = 1; cut < last.length; cut++) {
      const scan = scanJournal(Buffer.concat([first, last.subarray(0, cut)]));
      expect(scan.batches).toHaveLength(1);
      expect(scan.tornTail).toBe(true);
      expect(scan.corruptLines).toBe(0);
    }
  });

  it('drops a tail of zero bytes left by a power cut', () => {
    const scan = scanJournal(Buffer.concat([encodeJournalLine([put(makeAnnotation(1))]), Buffer.alloc(300)]));
    expect(scan.batches).toHaveLength(1);
    expect(scan.tornTail).toBe(true);
  });

  it('counts a damaged line in the middle as damage and keeps the good lines after it', () => {
    const good = encodeJournalLine([put(makeAnnotation(1))]);
    const damaged = Buffer.from(encodeJournalLine([put(makeAnnotation(2))]));
    damaged[40] = damaged[40] === 0x41 ? 0x42 : 0x41;
    const scan = scanJournal(Buffer.concat([good, damaged, encodeJournalLine([put(makeAnnotation(3))])]));
    expect(scan.batches).toHaveLength(2);
    expect(scan.corruptLines).toBe(1);
    expect(scan.tornTail).toBe(false);
  });

  it('rejects a line whose declared length does not match', () => {
    const line = encodeJournalLine([put(makeAnnotation(1))]).toString('utf8');
    const wrongLength = line.replace(/^J1 (\d+)/, (_m, n: string) => `J1 ${Number(n) + 1}`);
    expect(scanJournal(Buffer.from(wrongLength)).batches).toHaveLength(0);
  });
});

describe('replayJournal', () => {
  it('applies each batch to the document', () => {
    const a = makeAnnotation(1);
    const edited = { ...a, note: 'edited' };
    const result = replayJournal(emptyDoc(), scanJournal(journalOf([[put(a)], [put(makeAnnotation(2))], [put(edited)]])));
    expect(result.applied).toBe(3);
    expect(result.doc.annotations.map((x) => x.note)).toEqual(['edited', 'note 2']);
  });

  it('changes nothing when replayed over a snapshot that already contains it', () => {
    const scan = scanJournal(
      journalOf([
        [put(makeAnnotation(1))],
        [{ op: 'putSettings', value: { ...emptyDoc().settings, fontSize: 22 } }],
        [{ op: 'replace', value: docWith(2) }],
        [put(makeAnnotation(9))],
      ]),
    );
    const once = replayJournal(emptyDoc(), scan).doc;
    const twice = replayJournal(structuredClone(once), scan).doc;
    expect(twice).toEqual(once);
  });

  it('skips a checksummed line whose ops are not valid, and counts it', () => {
    const bad = encodeJournalLine([{ op: 'putAnnotation', value: { id: 'not-a-uuid' } } as unknown as StoreOp]);
    const result = replayJournal(emptyDoc(), scanJournal(Buffer.concat([bad, encodeJournalLine([put(makeAnnotation(1))])])));
    expect(result.invalid).toBe(1);
    expect(result.applied).toBe(1);
  });

  it('stops before a batch written by a newer Fieldmark and says which format', () => {
    const json = Buffer.from(JSON.stringify({ v: 2, ops: [] }));
    const newer = Buffer.concat([Buffer.from(`J1 ${json.length} ${crc32(json).toString(16).padStart(8, '0')} `), json, Buffer.from('\n')]);
    const result = replayJournal(emptyDoc(), scanJournal(Buffer.concat([encodeJournalLine([put(makeAnnotation(1))]), newer, encodeJournalLine([put(makeAnnotation(2))])])));
    expect(result.newerVersion).toBe(2);
    expect(result.doc.annotations).toHaveLength(1);
  });
});

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
    const doc = { ...docWith(1), version: 2 } as unknown as StoreDoc;
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

describe('JournalAdapter', () => {
  it('serves as a lowdb adapter: Low reads the snapshot and journal, and write() compacts', async () => {
    const fs = new MemoryFs();
    await fs.mkdir('/data');
    const adapter = new JournalAdapter({ fs, dir: '/data' });
    const db = new Low<StoreDoc>(adapter, emptyDoc());
    await db.read();
    expect(db.data).toEqual(emptyDoc());
    db.data.annotations.push(makeAnnotation(1));
    await db.write();
    await adapter.append([[put(makeAnnotation(2))]]);
    const again = new Low<StoreDoc>(new JournalAdapter({ fs, dir: '/data' }), emptyDoc());
    await again.read();
    expect(again.data.annotations.map((a) => a.note)).toEqual(['note 1', 'note 2']);
  });

  it('appends a batch with one write and one fsync', async () => {
    const fs = new MemoryFs();
    await fs.mkdir('/data');
    const adapter = new JournalAdapter({ fs, dir: '/data' });
    await adapter.compact(emptyDoc());
    await adapter.append([[put(makeAnnotation(1))]]);
    const before = fs.calls.length;
    await adapter.append([[put(makeAnnotation(2))], [put(makeAnnotation(3))]]);
    expect(fs.calls.slice(before).map((c) => c.op)).toEqual(['write', 'fsync']);
  });

  it('asks for compaction once the journal outgrows its threshold, and compaction empties it', async () => {
    const fs = new MemoryFs();
    await fs.mkdir('/data');
    const adapter = new JournalAdapter({ fs, dir: '/data', compactAfterBytes: 2000 });
    await adapter.compact(emptyDoc());
    while (!adapter.needsCompaction()) await adapter.append([[put(makeAnnotation(adapter.journalSize))]]);
    expect(adapter.journalSize).toBeGreaterThan(2000);
    await adapter.compact(docWith(1));
    expect(adapter.journalSize).toBe(0);
    expect(fs.peek('/data/fieldmark.journal')?.length).toBe(0);
  });
});
