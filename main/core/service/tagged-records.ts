/**
 * The store's edge between code ids and paths: a stored annotation holds code
 * ids; the view, the exports and the import merge read its codes as paths
 * (`Labour/TITP`). Paths going in make the codes they name when missing
 * (store/code-resolve.ts), so a tag typed or imported is a code at once.
 */
import { randomUUID } from 'node:crypto';
import type { Codebook } from '../store/codebook';
import { resolveCodePaths } from '../store/code-resolve';
import type { StoredAnnotation, StoredCode, TaggedAnnotation } from '../store/store-schema';

/** The live codes among `codeIds`, in order (a code deleted since is left out). */
export function liveCodeIds(book: Codebook, codeIds: readonly string[]): string[] {
  return codeIds.filter((id) => book.pathOf(id) !== null);
}

/** The paths of the live codes among `codeIds`, in order. */
export function pathsOf(book: Codebook, codeIds: readonly string[]): string[] {
  const paths: string[] = [];
  for (const id of codeIds) {
    const path = book.pathOf(id);
    if (path !== null) paths.push(path);
  }
  return paths;
}

/** A stored annotation with its codes as paths. */
export function taggedOf(book: Codebook, record: StoredAnnotation): TaggedAnnotation {
  const { codeIds, ...rest } = record;
  return { ...rest, tags: pathsOf(book, codeIds) };
}

/** A stored annotation from a tagged one and its resolved code ids, in the schema's key order. */
function storedFrom(record: TaggedAnnotation, codeIds: string[]): StoredAnnotation {
  const { id, createdAt, updatedAt, deletedAt, color, note, target, sensitivity } = record;
  // Sensitivity last, as the schema orders it; absent stays absent (it reads as 'normal').
  return { id, createdAt, updatedAt, deletedAt, color, note, codeIds, target, ...(sensitivity === undefined ? {} : { sensitivity }) };
}

/**
 * Tagged records as stored ones, with the codes their paths need that do not
 * exist yet (made once even when several records name them).
 */
export function storedOf(codes: readonly StoredCode[], records: readonly TaggedAnnotation[], now: string): { records: StoredAnnotation[]; created: StoredCode[] } {
  let current = codes;
  const created: StoredCode[] = [];
  const out = records.map((record) => {
    const resolved = resolveCodePaths(current, record.tags, { now, newId: () => randomUUID() });
    if (resolved.created.length > 0) {
      created.push(...resolved.created);
      current = [...current, ...resolved.created];
    }
    return storedFrom(record, resolved.codeIds);
  });
  return { records: out, created };
}

