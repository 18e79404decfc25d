/**
 * Marker strings for the "no plaintext on disk" test (issue 16), records that
 * carry them in every user-written field (note, quote with its prefix and
 * suffix, code name and description), and a search of every byte of every file
 * in a folder for them in UTF-8, UTF-16LE and UTF-16BE.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { StoredAnnotation, StoredCode } from '../../main/core/store/store-schema';
import { makeAnnotation } from './store-fixtures';

/** ASCII and non-ASCII markers (the second is stored as raw UTF-8 by JSON.stringify). */
export const MARKERS = ['QZX-SHELTER-7731', 'Ünterkunft-Ωmega-9931'] as const;

export function markedAnnotation(n: number): StoredAnnotation {
  const base = makeAnnotation(n, { note: `${MARKERS[0]} note ${n} ${MARKERS[1]}` });
  const [position, quote] = base.target.selector;
  return {
    ...base,
    target: { ...base.target, selector: [position, { ...quote, exact: `${MARKERS[0]} quote ${n}`, prefix: `${MARKERS[1]} before`, suffix: `after ${MARKERS[0]}` }] },
  };
}

export function markedCode(n: number): StoredCode {
  const at = new Date().toISOString();
  return {
    id: `00000000-0000-4000-9000-${String(n).padStart(12, '0')}`,
    name: `${MARKERS[1]} tag ${n}`,
    parentId: null,
    description: `${MARKERS[0]} definition`,
    color: null,
    codable: true,
    createdAt: at,
    updatedAt: at,
    deletedAt: null,
  };
}

function utf16be(text: string): Buffer {
  const le = Buffer.from(text, 'utf16le');
  const be = Buffer.alloc(le.length);
  for (let i = 0; i < le.length; i += 2) {
    be[i] = le[i + 1]!;
    be[i + 1] = le[i]!;
  }
  return be;
}

/** Every encoding of every marker that is searched for. */
export const MARKER_FORMS: Buffer[] = MARKERS.flatMap((m) => [Buffer.from(m, 'utf8'), Buffer.from(m, 'utf16le'), utf16be(m)]);

function countIn(bytes: Buffer, needle: Buffer): number {
  let count = 0;
  for (let at = bytes.indexOf(needle); at !== -1; at = bytes.indexOf(needle, at + 1)) count++;
  return count;
}

export interface MarkerSearch {
  files: number;
  bytes: number;
  hits: Array<{ file: string; count: number }>;
}

/** Searches every file under `dir` (recursively, temp files and kept copies included). */
export async function searchMarkers(dir: string): Promise<MarkerSearch> {
  const result: MarkerSearch = { files: 0, bytes: 0, hits: [] };
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    const bytes = await readFile(file).catch(() => null);
    if (!bytes) continue;
    result.files++;
    result.bytes += bytes.length;
    const count = MARKER_FORMS.reduce((n, form) => n + countIn(bytes, form), 0);
    if (count > 0) result.hits.push({ file: path.relative(dir, file), count });
  }
  return result;
}
