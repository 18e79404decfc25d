import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { listZip, MAX_UNZIPPED_BYTES, readZipEntry, UnzipBudget, type ZipEntry } from '../../../../../main/core/exchange/refi/safe-zip';
import { readQdpx } from '../../../../../main/core/exchange/refi/qdpx-read';
import { zipOf } from './refi-fixtures';

/** Sets a 32-bit field of the first central-directory record (APPNOTE.TXT §4.3.12). */
function patchCentral(zip: Uint8Array, field: number, value: number, bytes: 2 | 4 = 4): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  for (let i = out.length - 22; i >= 0; i--) {
    if (view.getUint32(i, true) === 0x02014b50) {
      if (bytes === 4) view.setUint32(i + field, value, true);
      else view.setUint16(i + field, value, true);
      return out;
    }
  }
  throw new Error('no central directory');
}

/** A budget that remembers how far each entry had got at every chunk. */
class CountingBudget extends UnzipBudget {
  readonly produced: number[] = [];
  override add(entry: ZipEntry, producedInEntry: number, chunk: number): void {
    this.produced.push(producedInEntry);
    super.add(entry, producedInEntry, chunk);
  }
}

function readAll(zip: Uint8Array): number {
  const budget = new UnzipBudget();
  return listZip(zip).reduce((n, e) => n + readZipEntry(zip, e, budget).byteLength, 0);
}

/** Text that deflates about 3:1, so its ratio stays far below the limit. */
function looseText(size: number): Uint8Array {
  const out = new Uint8Array(size);
  let seed = 7;
  for (let i = 0; i < size; i++) {
    seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff;
    out[i] = 97 + ((seed >>> 16) % 8);
  }
  return out;
}

describe('safe zip reading', () => {
  it('reads an ordinary archive', () => {
    expect(readAll(zipOf({ 'project.qde': '<x/>', 'sources/a.txt': 'hello' }))).toBe(9);
  });

  it.each([
    ['plain text', new TextEncoder().encode('this is not a zip at all, just some text')],
    ['an empty file', new Uint8Array(0)],
    ['bytes that start like a zip', new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0])],
  ])('refuses %s as not a zip', (_, bytes) => {
    expect(() => listZip(bytes)).toThrow(/not a zip archive/);
  });

  it.each(['../evil.txt', 'sources/../../evil.txt', '/etc/passwd', 'C:\\Windows\\evil.txt', '..\\evil.txt'])('refuses the path %s that leaves the archive', (name) => {
    expect(() => listZip(zipOf({ [name]: 'x' }))).toThrow(/path that leaves it/);
  });

  it('refuses an entry whose declared ratio is over 100 before inflating anything', () => {
    const bomb = zipOf({ 'project.qde': new Uint8Array(5_000_000) });
    expect(() => listZip(bomb)).toThrow(/compression ratio over 100/);
  });

  it('refuses more than 50 MB declared in total, even stored without compression', () => {
    const big = zipSync({ 'a.bin': [new Uint8Array(30 * 1024 * 1024), { level: 0 }], 'b.bin': [new Uint8Array(21 * 1024 * 1024), { level: 0 }] });
    expect(() => listZip(big)).toThrow(/more than 50 MB/);
  });

  it('stops inflating an entry that produces more than it declared', () => {
    const honest = zipOf({ 'project.qde': looseText(2_000_000) });
    const lying = patchCentral(honest, 24, 100_000);
    expect(() => readAll(lying)).toThrow(/more than its declared size/);
  });

  it('stops at the ratio limit when the declared size hides a bomb', () => {
    const honest = zipOf({ 'project.qde': new Uint8Array(3_000_000) });
    const compressed = listZip(patchCentral(honest, 24, 1000))[0]!.compressedSize;
    const lying = patchCentral(honest, 24, 100 * compressed);
    expect(listZip(lying)[0]!.size).toBe(100 * compressed);
    expect(() => readAll(lying)).toThrow(/expands more than 100 times/);
  });

  it('stops inflating at the first chunk over a limit rather than unpacking everything', () => {
    const lying = patchCentral(zipOf({ 'project.qde': looseText(3_000_000) }), 24, 1000);
    const entry = listZip(lying)[0]!;
    const counting = new CountingBudget();
    expect(() => readZipEntry(lying, entry, counting)).toThrow(/more than its declared size/);
    expect(counting.produced.at(-1)!).toBeLessThan(3_000_000);
  });

  it('counts the bytes actually produced against the 50 MB total', () => {
    const budget = new UnzipBudget();
    const entry = { name: 'x', method: 8, compressedSize: MAX_UNZIPPED_BYTES, size: MAX_UNZIPPED_BYTES + 10, localOffset: 0 };
    expect(() => budget.add(entry, MAX_UNZIPPED_BYTES + 1, MAX_UNZIPPED_BYTES + 1)).toThrow(/more than 50 MB/);
  });

  it('refuses an encrypted entry', () => {
    expect(() => listZip(patchCentral(zipOf({ 'a.txt': 'x' }), 8, 1, 2))).toThrow(/encrypted/);
  });

  it('refuses through readQdpx with INVALID_IMPORT', () => {
    expect(() => readQdpx(new TextEncoder().encode('not a zip'), { reportText: '', importedAt: '2026-01-01T00:00:00.000Z' })).toThrow(
      expect.objectContaining({ code: 'INVALID_IMPORT', message: expect.stringMatching(/not a zip archive.*Nothing was imported/) }),
    );
  });
});

describe('REFI-QDA readers write nothing', () => {
  it('no module of main/core/exchange/refi imports the file system', () => {
    const dir = path.resolve(import.meta.dirname, '../../../../../main/core/exchange/refi');
    const offenders = readdirSync(dir).filter((f) => /from ['"](node:)?fs(\/promises)?['"]/u.test(readFileSync(path.join(dir, f), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
