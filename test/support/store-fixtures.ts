/**
 * Builders for store documents and ops used by the store tests, the crash
 * writer and the reliability suite.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { emptyDoc, type StoreDoc, type StoreOp, type StoredAnnotation, type StoredCode } from '../../main/core/store/store-schema';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const SHA = 'a'.repeat(64);

/** Seven top-level codes (`tag-0` … `tag-6`) the built annotations use, as a document's codebook. */
export const FIXTURE_CODES: StoredCode[] = Array.from({ length: 7 }, (_, n) => ({
  id: `00000000-0000-4000-8000-00000000000${n}`,
  name: `tag-${n}`,
  parentId: null,
  description: '',
  color: null,
  codable: true,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  deletedAt: null,
}));
const FIXTURE_CODE_IDS = FIXTURE_CODES.map((c) => c.id);

/** A valid stored annotation; `n` varies its position and text. */
export function makeAnnotation(n: number, overrides: Partial<StoredAnnotation> = {}): StoredAnnotation {
  const at = new Date(Date.UTC(2026, 0, 1, 0, 0, n % 60)).toISOString();
  return {
    id: randomUUID(),
    createdAt: at,
    updatedAt: at,
    deletedAt: null,
    color: (['key', 'gap', 'progress', 'statistic', 'question'] as const)[n % 5]!,
    note: `note ${n}`,
    codeIds: [FIXTURE_CODE_IDS[n % 7]!],
    target: {
      source: `urn:sha256:${SHA}`,
      sha256: SHA,
      selector: [
        { type: 'TextPositionSelector', start: n, end: n + 40 },
        { type: 'TextQuoteSelector', exact: `quoted passage number ${n} of the report`, prefix: 'the words before it in the text', suffix: 'and the words right after it.' },
      ],
    },
    ...overrides,
  };
}

/** One op that creates (or replaces) an annotation. */
export function put(annotation: StoredAnnotation): StoreOp {
  return { op: 'putAnnotation', value: annotation };
}

/** A document holding `count` annotations. */
export function docWith(count: number): StoreDoc {
  const doc = emptyDoc();
  doc.codes = FIXTURE_CODES.map((c) => ({ ...c }));
  for (let i = 0; i < count; i++) doc.annotations.push(makeAnnotation(i));
  return doc;
}

/** A fresh temp folder; `cleanup` removes it. */
export async function tempDir(prefix = 'fieldmark-store-'): Promise<{ dir: string; cleanup(): Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** A small deterministic PRNG (mulberry32) so that failures can be replayed from a seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
