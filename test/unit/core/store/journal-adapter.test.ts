import { crc32 } from 'node:zlib';
import { Low } from 'lowdb';
import { describe, expect, it } from 'vitest';
import { encodeJournalLine, JournalAdapter, replayJournal, scanJournal } from '../../../../main/core/store/journal-adapter';
import { emptyDoc, STORE_VERSION, StoreDoc, type StoreOp } from '../../../../main/core/store/store-schema';
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
    const json = Buffer.from(JSON.stringify({ v: STORE_VERSION + 1, ops: [] }));
    const newer = Buffer.concat([Buffer.from(`J1 ${json.length} ${crc32(json).toString(16).padStart(8, '0')} `), json, Buffer.from('\n')]);
    const result = replayJournal(emptyDoc(), scanJournal(Buffer.concat([encodeJournalLine([put(makeAnnotation(1))]), newer, encodeJournalLine([put(makeAnnotation(2))])])));
    expect(result.newerVersion).toBe(STORE_VERSION + 1);
    expect(result.doc.annotations).toHaveLength(1);
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
