/**
 * Reads a .qdpx archive defensively. The central directory (APPNOTE.TXT §4.3.12,
 * §4.3.16) gives each entry's name and declared sizes; fflate inflates the data.
 * Refused: a file that is not a zip; encrypted, ZIP64 or unknown-method entries;
 * names that leave the archive (`..`, absolute or drive paths); more than
 * MAX_UNZIPPED_BYTES in total or an entry that expands more than MAX_RATIO
 * times, judged first on the declared sizes and again on the bytes actually
 * produced while inflating, which stops at the first byte over a limit.
 */
import { Inflate } from 'fflate';
import { refuseImport } from './refi-import-error';

export const MAX_UNZIPPED_BYTES = 50 * 1024 * 1024;
export const MAX_RATIO = 100;

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const CHUNK = 64 * 1024;

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

function findEndRecord(view: DataView): number {
  const earliest = Math.max(0, view.byteLength - 22 - 0xffff);
  for (let i = view.byteLength - 22; i >= earliest; i--) {
    if (view.getUint32(i, true) === EOCD) return i;
  }
  throw refuseImport('The file is not a zip archive, so it is not a .qdpx project.');
}

function checkName(name: string): void {
  const path = name.replace(/\\/gu, '/');
  if (path.startsWith('/') || /^[a-zA-Z]:/u.test(path) || path.includes('\u0000') || path.split('/').includes('..')) {
    throw refuseImport(`The archive holds a path that leaves it ("${name}").`);
  }
}

/** The entries the central directory lists, with their names and sizes checked. */
export function listZip(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < 22) throw refuseImport('The file is not a zip archive, so it is not a .qdpx project.');
  const end = findEndRecord(view);
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  if (count === 0xffff || at === 0xffffffff) throw refuseImport('The archive uses ZIP64, which a .qdpx of this size never needs.');
  const entries: ZipEntry[] = [];
  let declared = 0;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.byteLength || view.getUint32(at, true) !== CENTRAL) throw refuseImport('The zip archive is damaged (its directory is cut short).');
    const flags = view.getUint16(at + 8, true);
    const nameLength = view.getUint16(at + 28, true);
    const entry: ZipEntry = {
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      localOffset: view.getUint32(at + 42, true),
      name: new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength)),
    };
    checkName(entry.name);
    if (flags & 1) throw refuseImport(`The archive entry "${entry.name}" is encrypted.`);
    if (entry.method !== 0 && entry.method !== 8) throw refuseImport(`The archive entry "${entry.name}" uses a compression method Fieldmark does not read.`);
    declared += entry.size;
    if (declared > MAX_UNZIPPED_BYTES) throw refuseImport('The archive would unpack to more than 50 MB, so it is refused as a possible zip bomb.');
    if (entry.size > MAX_RATIO * Math.max(entry.compressedSize, 1)) {
      throw refuseImport(`The archive entry "${entry.name}" claims a compression ratio over ${MAX_RATIO}, so it is refused as a possible zip bomb.`);
    }
    entries.push(entry);
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return entries;
}

/** Where an entry's compressed data starts (after its local header). */
function dataStart(bytes: Uint8Array, entry: ZipEntry): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localOffset;
  if (at + 30 > bytes.byteLength || view.getUint32(at, true) !== LOCAL) throw refuseImport(`The zip archive is damaged (entry "${entry.name}").`);
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  if (start + entry.compressedSize > bytes.byteLength) throw refuseImport(`The zip archive is damaged (entry "${entry.name}" is cut short).`);
  return start;
}

/** Tracks the bytes produced across one archive, against the limits. */
export class UnzipBudget {
  private total = 0;
  add(entry: ZipEntry, producedInEntry: number, chunk: number): void {
    this.total += chunk;
    if (this.total > MAX_UNZIPPED_BYTES) throw refuseImport('The archive unpacks to more than 50 MB, so it is refused as a possible zip bomb.');
    if (producedInEntry > MAX_RATIO * Math.max(entry.compressedSize, 1)) {
      throw refuseImport(`The archive entry "${entry.name}" expands more than ${MAX_RATIO} times, so it is refused as a possible zip bomb.`);
    }
    if (producedInEntry > entry.size) throw refuseImport(`The archive entry "${entry.name}" unpacks to more than its declared size.`);
  }
}

/** One entry's bytes, inflated chunk by chunk under `budget`. */
export function readZipEntry(bytes: Uint8Array, entry: ZipEntry, budget: UnzipBudget): Uint8Array {
  const start = dataStart(bytes, entry);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) {
    budget.add(entry, data.byteLength, data.byteLength);
    return data.slice();
  }
  const parts: Uint8Array[] = [];
  let produced = 0;
  const inflate = new Inflate((chunk) => {
    produced += chunk.byteLength;
    budget.add(entry, produced, chunk.byteLength);
    parts.push(chunk.slice());
  });
  try {
    for (let i = 0; i < data.byteLength; i += CHUNK) inflate.push(data.subarray(i, i + CHUNK), i + CHUNK >= data.byteLength);
    if (data.byteLength === 0) inflate.push(new Uint8Array(0), true);
  } catch (error) {
    if (error instanceof Error && error.name === 'FieldmarkError') throw error;
    throw refuseImport(`The archive entry "${entry.name}" could not be unpacked (${(error as Error).message}).`);
  }
  if (produced !== entry.size) throw refuseImport(`The archive entry "${entry.name}" does not unpack to its declared size.`);
  const out = new Uint8Array(produced);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.byteLength;
  }
  return out;
}
