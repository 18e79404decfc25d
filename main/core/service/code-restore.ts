/**
 * Undoing a merge or a delete from its CodeChange: each code it touched goes
 * back as it was (alive, under its old parent, with its old name and
 * definition), and each annotation gets back the codes the change took away
 * and loses the ones it added; any other edit made since is kept. Refused, with
 * nothing written, when the old place is taken (a sibling with the same name
 * was made since) or the old parent is gone.
 */
import type { CodeChange } from '../../../preload/contract';
import { FieldmarkError } from '../../../preload/rpc';
import { sameTag } from '../../../common/tag-identity';
import { codebookOf } from '../store/codebook';
import type { StoreDoc, StoreOp, StoredCode } from '../store/store-schema';

function checkRestoredTree(codes: readonly StoredCode[], restored: readonly StoredCode[]): void {
  const book = codebookOf(codes);
  for (const code of restored) {
    if (code.parentId !== null && !book.liveCode(code.parentId)) {
      throw new FieldmarkError('CONFLICT', `The code “${code.name}” cannot come back: the code it was under no longer exists. Nothing was changed.`);
    }
    if (book.children(code.parentId).some((c) => c.id !== code.id && sameTag(c.name, code.name))) {
      throw new FieldmarkError('CONFLICT', `The code “${code.name}” cannot come back: another code with that name now has its place. Rename that one first; nothing was changed.`);
    }
    if (code.parentId !== null && book.isWithin(code.parentId, code.id)) {
      throw new FieldmarkError('CONFLICT', `The code “${code.name}” cannot come back under one of its own sub-codes. Nothing was changed.`);
    }
  }
}

/** The codes the annotation should hold after the undo: `current` less what the change added, plus what it removed. */
function undoneUses(current: readonly string[], before: readonly string[], after: readonly string[]): string[] {
  const added = new Set(after.filter((id) => !before.includes(id)));
  const removed = before.filter((id) => !after.includes(id));
  const next = current.filter((id) => !added.has(id));
  for (const id of removed) if (!next.includes(id)) next.push(id);
  return next;
}

/** The ops that take a CodeChange back, and how many codes and annotations they touch. */
export function restorePlan(doc: StoreDoc, change: CodeChange, now: string): { ops: StoreOp[]; codes: number; annotations: number } {
  const existing = new Map(doc.codes.map((c) => [c.id, c]));
  const restored: StoredCode[] = change.codes.map((record) => ({
    ...record,
    createdAt: existing.get(record.id)?.createdAt ?? record.createdAt,
    updatedAt: now,
    deletedAt: null,
  }));
  const byId = new Map(restored.map((c) => [c.id, c]));
  const codes = [...doc.codes.map((c) => byId.get(c.id) ?? c), ...restored.filter((c) => !existing.has(c.id))];
  checkRestoredTree(codes, restored);
  const ops: StoreOp[] = restored.length > 0 ? [{ op: 'putCodes', values: restored }] : [];
  const byAnnotation = new Map(doc.annotations.map((a) => [a.id, a]));
  let annotations = 0;
  for (const use of change.uses) {
    const a = byAnnotation.get(use.id);
    if (!a) continue;
    const codeIds = undoneUses(a.codeIds, use.before, use.after);
    if (codeIds.length === a.codeIds.length && codeIds.every((id, i) => id === a.codeIds[i])) continue;
    ops.push({ op: 'putAnnotation', value: { ...a, codeIds, updatedAt: now } });
    annotations++;
  }
  return { ops, codes: restored.length, annotations };
}
