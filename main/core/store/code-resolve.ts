/**
 * Tags written as paths (`Labour/TITP`) resolved to codes: each segment is
 * looked up among the live children of the code before it by the tag rule, and
 * made when missing (first spelling wins). Used when an annotation is saved
 * with tags and by the migration that turned free tags into codes, so both
 * give the same tree.
 */
import { MAX_CODE_NAME_LENGTH, splitCodePath } from '../../../common/code-path';
import { tagKey } from '../../../common/tag-identity';
import { FieldmarkError } from '../../../preload/rpc';
import { codebookOf } from './codebook';
import type { StoredCode } from './store-schema';

export interface ResolveOptions {
  /** ISO time stamped on codes made here. */
  now: string;
  /** The id of a new code, given its parent and its name's key (the migration derives it; the service draws one). */
  newId(parentId: string | null, key: string): string;
  /** Accept names over the length limit (the migration keeps whatever an old file holds). */
  lenient?: boolean;
}

export interface ResolvedPaths {
  /** The code each path names, in the order of the paths, each once. */
  codeIds: string[];
  /** Codes that had to be made, parents before children. */
  created: StoredCode[];
}

/** Resolves `paths` against `codes`; throws INVALID_INPUT for a segment over the length limit. */
export function resolveCodePaths(codes: readonly StoredCode[], paths: readonly string[], options: ResolveOptions): ResolvedPaths {
  const book = codebookOf(codes);
  const made = new Map<string, StoredCode>();
  const created: StoredCode[] = [];
  const codeIds: string[] = [];
  for (const path of paths) {
    let parentId: string | null = null;
    for (const name of splitCodePath(path)) {
      if (name.length > MAX_CODE_NAME_LENGTH && !options.lenient) {
        throw new FieldmarkError('INVALID_INPUT', `“${name.slice(0, 20)}…” is longer than ${MAX_CODE_NAME_LENGTH} characters; each part of a tag path can be at most ${MAX_CODE_NAME_LENGTH}. Nothing was saved.`);
      }
      const key: string = `${parentId ?? ''}\u0000${tagKey(name)}`;
      let code: StoredCode | undefined = book.childNamed(parentId, name) ?? made.get(key);
      if (!code) {
        code = { id: options.newId(parentId, tagKey(name)), name, parentId, description: '', color: null, codable: true, createdAt: options.now, updatedAt: options.now, deletedAt: null };
        made.set(key, code);
        created.push(code);
      }
      parentId = code.id;
    }
    if (parentId !== null && !codeIds.includes(parentId)) codeIds.push(parentId);
  }
  return { codeIds, created };
}
