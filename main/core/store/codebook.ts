/**
 * An index over the store's codes: by id, live children by parent, paths and
 * the tree's relations. Code writes replace the codes array (store-schema.ts),
 * so one index is built per array and reused until the next code write.
 */
import { joinCodePath } from '../../../common/code-path';
import { tagKey } from '../../../common/tag-identity';
import type { StoredCode } from './store-schema';

export interface Codebook {
  /** Every code, tombstones included, in store order. */
  readonly all: readonly StoredCode[];
  /** Live codes only (no tombstones). */
  readonly live: readonly StoredCode[];
  get(id: string): StoredCode | undefined;
  /** The live code with this id, if any. */
  liveCode(id: string): StoredCode | undefined;
  /** Live children of a parent (null: the top level), in store order. */
  children(parentId: string | null): readonly StoredCode[];
  /** The live child of `parentId` named `name` by the tag rule. */
  childNamed(parentId: string | null, name: string): StoredCode | undefined;
  /** `Labour/TITP` for a live code; null for a tombstone or an unknown id. */
  pathOf(id: string): string | null;
  /** Whether `id` is `ancestorId` or lies under it. */
  isWithin(id: string, ancestorId: string): boolean;
  /** The live codes under `id` (not `id` itself), parents before children. */
  descendants(id: string): string[];
}

const books = new WeakMap<readonly StoredCode[], Codebook>();

/** The index of a codes array (built once per array). */
export function codebookOf(codes: readonly StoredCode[]): Codebook {
  let book = books.get(codes);
  if (!book) {
    book = buildCodebook(codes);
    books.set(codes, book);
  }
  return book;
}

function childKey(parentId: string | null, name: string): string {
  return `${parentId ?? ''}\u0000${tagKey(name)}`;
}

function buildCodebook(codes: readonly StoredCode[]): Codebook {
  const byId = new Map(codes.map((c) => [c.id, c]));
  const live = codes.filter((c) => c.deletedAt === null);
  const kids = new Map<string | null, StoredCode[]>();
  const named = new Map<string, StoredCode>();
  for (const code of live) {
    const list = kids.get(code.parentId);
    if (list) list.push(code);
    else kids.set(code.parentId, [code]);
    const key = childKey(code.parentId, code.name);
    if (!named.has(key)) named.set(key, code);
  }
  const paths = new Map<string, string | null>();
  const pathOf = (id: string): string | null => {
    if (paths.has(id)) return paths.get(id)!;
    const names: string[] = [];
    const seen = new Set<string>();
    let path: string | null = null;
    // A broken chain (a tombstoned or missing parent, or a cycle in a hand-edited file) has no path.
    for (let at = byId.get(id); at && at.deletedAt === null && !seen.has(at.id); at = byId.get(at.parentId!)) {
      seen.add(at.id);
      names.unshift(at.name);
      if (at.parentId === null) {
        path = joinCodePath(names);
        break;
      }
    }
    paths.set(id, path);
    return path;
  };
  const isWithin = (id: string, ancestorId: string): boolean => {
    const seen = new Set<string>();
    for (let at: string | null = id; at !== null && !seen.has(at); at = byId.get(at)?.parentId ?? null) {
      if (at === ancestorId) return true;
      seen.add(at);
    }
    return false;
  };
  const descendants = (id: string): string[] => {
    const out: string[] = [];
    const queue = [id];
    const seen = new Set(queue);
    while (queue.length > 0) {
      for (const child of kids.get(queue.shift()!) ?? []) {
        if (seen.has(child.id)) continue;
        seen.add(child.id);
        out.push(child.id);
        queue.push(child.id);
      }
    }
    return out;
  };
  return {
    all: codes,
    live,
    get: (id) => byId.get(id),
    liveCode: (id) => {
      const code = byId.get(id);
      return code && code.deletedAt === null ? code : undefined;
    },
    children: (parentId) => kids.get(parentId) ?? [],
    childNamed: (parentId, name) => named.get(childKey(parentId, name)),
    pathOf,
    isWithin,
    descendants,
  };
}
