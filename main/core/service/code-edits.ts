/**
 * The codebook's edits as checked records and store ops, decided against the
 * store as it is (pure: the service applies them). The rules:
 * - siblings never share a name by the tag rule (common/tag-identity.ts);
 * - a code never moves under itself or one of its descendants, and never under
 *   a deleted code;
 * - a merge makes every use of `from` a use of `into` and moves `from`'s
 *   children under `into` (a child named like one of `into`'s merges into it,
 *   so the rule on sibling names holds), then deletes `from`;
 * - a delete removes the code (and with `withDescendants`, every code under it)
 *   and every use of them; a code with children is not deleted alone;
 * - merge and delete return a CodeChange (each touched code as it was, each
 *   annotation's codes before and after), and restoring it takes them back.
 */
import { randomUUID } from 'node:crypto';
import type { CodeChange, CodeRecord } from '../../../preload/contract';
import { FieldmarkError } from '../../../preload/rpc';
import { codebookOf, type Codebook } from '../store/codebook';
import type { StoreDoc, StoreOp, StoredAnnotation, StoredCode } from '../store/store-schema';

export interface CodeFields {
  name?: string;
  parentId?: string | null;
  description?: string;
  color?: string | null;
  codable?: boolean;
}

/** The live code with this id, or NOT_FOUND. */
export function liveCodeOrFail(book: Codebook, id: string, what = 'This code'): StoredCode {
  const code = book.liveCode(id);
  if (!code) throw new FieldmarkError('NOT_FOUND', `${what} no longer exists (it may have been deleted or merged). Nothing was changed.`);
  return code;
}

function checkPlace(book: Codebook, id: string | null, name: string, parentId: string | null): void {
  if (parentId !== null) {
    liveCodeOrFail(book, parentId, 'The parent code');
    if (id !== null && book.isWithin(parentId, id)) {
      throw new FieldmarkError('INVALID_INPUT', `“${book.pathOf(id)}” cannot move under itself or under one of its own sub-codes. Nothing was changed.`);
    }
  }
  const twin = book.childNamed(parentId, name);
  if (twin && twin.id !== id) {
    const where = parentId === null ? 'at the top level' : `under “${book.pathOf(parentId)}”`;
    throw new FieldmarkError('CONFLICT', `A code named “${twin.name}” already exists ${where}. Choose another name, or merge the two codes.`);
  }
}

/** A new code, checked against its siblings and parent. */
export function newCode(doc: StoreDoc, input: CodeFields & { name: string }, now: string): StoredCode {
  const book = codebookOf(doc.codes);
  const parentId = input.parentId ?? null;
  checkPlace(book, null, input.name, parentId);
  return {
    id: randomUUID(),
    name: input.name,
    parentId,
    description: input.description ?? '',
    color: input.color ?? null,
    codable: input.codable ?? true,
    createdAt: now,
    updatedAt: now,
    deletedAt: null,
  };
}

/** The code with `input` applied, or the code itself when nothing changes. */
export function editedCode(doc: StoreDoc, id: string, input: CodeFields, now: string): StoredCode {
  const book = codebookOf(doc.codes);
  const code = liveCodeOrFail(book, id);
  const next: StoredCode = {
    ...code,
    name: input.name ?? code.name,
    parentId: input.parentId === undefined ? code.parentId : input.parentId,
    description: input.description ?? code.description,
    color: input.color === undefined ? code.color : input.color,
    codable: input.codable ?? code.codable,
  };
  const same = (Object.keys(next) as Array<keyof StoredCode>).every((k) => next[k] === code[k]);
  if (same) return code;
  checkPlace(book, id, next.name, next.parentId);
  return { ...next, updatedAt: now };
}

export function codeRecordOf(code: StoredCode): CodeRecord {
  const { id, name, parentId, description, color, codable, createdAt, updatedAt } = code;
  return { id, name, parentId, description, color, codable, createdAt, updatedAt };
}

/** Annotations whose codes `map` changes (an id mapped to null is removed), as ops and their before/after. */
function rewriteUses(annotations: readonly StoredAnnotation[], map: ReadonlyMap<string, string | null>, now: string) {
  const ops: StoreOp[] = [];
  const uses: CodeChange['uses'] = [];
  for (const a of annotations) {
    if (!a.codeIds.some((id) => map.has(id))) continue;
    const after: string[] = [];
    for (const id of a.codeIds) {
      const to = map.has(id) ? map.get(id)! : id;
      if (to !== null && !after.includes(to)) after.push(to);
    }
    uses.push({ id: a.id, before: [...a.codeIds], after });
    ops.push({ op: 'putAnnotation', value: { ...a, codeIds: after, updatedAt: now } });
  }
  return { ops, uses };
}

/** Merging `from` into `into`: the ops, and what undoing needs. */
export function mergePlan(doc: StoreDoc, fromId: string, intoId: string, now: string): { ops: StoreOp[]; change: CodeChange } {
  const book = codebookOf(doc.codes);
  const from = liveCodeOrFail(book, fromId, 'The code to merge');
  const into = liveCodeOrFail(book, intoId, 'The code to merge into');
  if (from.id === into.id) throw new FieldmarkError('INVALID_INPUT', 'A code cannot be merged into itself. Nothing was changed.');
  if (book.isWithin(into.id, from.id)) {
    throw new FieldmarkError('INVALID_INPUT', `“${book.pathOf(from.id)}” cannot be merged into its own sub-code “${book.pathOf(into.id)}”. Nothing was changed.`);
  }
  const touched: StoredCode[] = [];
  const puts: StoredCode[] = [];
  const map = new Map<string, string | null>();
  const mergeInto = (source: StoredCode, target: StoredCode) => {
    map.set(source.id, target.id);
    touched.push(source);
    puts.push({ ...source, deletedAt: now, updatedAt: now });
    for (const child of book.children(source.id)) {
      // A same-named child of the target takes this child's uses, unless that twin is
      // itself being merged away (merging A/X into its parent A finds A/X as A's "X").
      const twin = book.childNamed(target.id, child.name);
      if (twin && twin.id !== child.id && !map.has(twin.id)) mergeInto(child, twin);
      else {
        touched.push(child);
        puts.push({ ...child, parentId: target.id, updatedAt: now });
      }
    }
  };
  mergeInto(from, into);
  const rewritten = rewriteUses(doc.annotations, map, now);
  return {
    ops: [{ op: 'putCodes', values: puts }, ...rewritten.ops],
    change: { codes: touched.map(codeRecordOf), uses: rewritten.uses },
  };
}

/** Deleting a code (with its descendants when asked): the ops, and what undoing needs. */
export function deletePlan(doc: StoreDoc, id: string, withDescendants: boolean, now: string): { ops: StoreOp[]; change: CodeChange } {
  const book = codebookOf(doc.codes);
  const code = liveCodeOrFail(book, id);
  const below = book.descendants(id);
  if (below.length > 0 && !withDescendants) {
    throw new FieldmarkError(
      'CONFLICT',
      `“${book.pathOf(id)}” has ${below.length === 1 ? 'a sub-code' : `${below.length} sub-codes`}. Delete it with its sub-codes, or move them first; nothing was deleted.`,
    );
  }
  const gone = [code, ...below.map((d) => book.get(d)!)];
  const rewritten = rewriteUses(doc.annotations, new Map(gone.map((c) => [c.id, null])), now);
  return {
    ops: [{ op: 'putCodes', values: gone.map((c) => ({ ...c, deletedAt: now, updatedAt: now })) }, ...rewritten.ops],
    change: { codes: gone.map(codeRecordOf), uses: rewritten.uses },
  };
}
