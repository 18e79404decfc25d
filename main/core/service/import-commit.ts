/**
 * What committing and undoing an import write, as store ops, decided against
 * the store as it is now: a commit is refused if an annotation or a code it
 * would touch changed since the preview; an undo leaves alone what changed since
 * the import (the user's edit, or a later import), since that is not the
 * import's to take back.
 *
 * Codes (issue 13): a commit writes the accepted code items, checks that the
 * codebook is still a tree, then stores the annotations with their paths read
 * against it (a path the file named through a code whose rename was rejected
 * follows that code). Undo puts back every code the import changed, and
 * deletes (as a tombstone) each code it made that no live annotation and no
 * live code uses once the annotations are reverted; a used one stays.
 */
import { splitCodePath } from '../../../common/code-path';
import { FieldmarkError } from '../../../preload/rpc';
import type { PlannedItem } from '../exchange/import-merge';
import { checkCodeTree, withCode, type CodePlan, type PlannedCode } from '../exchange/refi/refi-code-plan';
import { codebookOf, type Codebook } from '../store/codebook';
import { sameRecord, sameTaggedRecord } from '../store/record-equality';
import type { ImportRecord, StoreOp, StoredAnnotation, StoredCode, TaggedAnnotation } from '../store/store-schema';
import { storedOf, taggedOf } from './tagged-records';
import type { TrackerWrite } from './import-commit-tracker';

const sameCode = (a: StoredCode | null | undefined, b: StoredCode | null): boolean => JSON.stringify(a ?? null) === JSON.stringify(b);

function refuseStale(count: number, what: string): never {
  throw new FieldmarkError(
    'CONFLICT',
    `${count === 1 ? `One ${what}` : `${count} ${what}s`} changed since this preview was made. Preview the file again; nothing was imported.`,
  );
}

/** The code a path names in `book`, if any. */
function idOfPath(book: Codebook, path: string): string | null {
  let id: string | null = null;
  for (const name of splitCodePath(path)) {
    const code = book.childNamed(id, name);
    if (!code) return null;
    id = code.id;
  }
  return id;
}

/** The accepted code writes over `codes`, checked to leave a tree. */
function writtenCodes(chosenCodes: readonly PlannedCode[], codes: readonly StoredCode[]): StoredCode[] {
  const book = codebookOf(codes);
  const stale = chosenCodes.filter((p) => !sameCode(book.get(p.write!.id), p.previous)).length;
  if (stale > 0) refuseStale(stale, 'code');
  let working = [...codes];
  for (const p of chosenCodes) working = withCode(working, p.write!);
  const problem = checkCodeTree(working);
  if (problem) throw new FieldmarkError('INVALID_INPUT', `These choices cannot be imported together: ${problem}. Accept the code's parent too, or leave out the code; nothing was imported.`);
  return working;
}

/** Records' paths as planned (every code item accepted), read against the codebook as it will be. */
function followCodes(records: TaggedAnnotation[], plan: CodePlan | null, working: readonly StoredCode[]): TaggedAnnotation[] {
  if (!plan) return records;
  const planned = codebookOf(plan.planned);
  const now = codebookOf(working);
  return records.map((r) => ({ ...r, tags: r.tags.map((path) => { const id = idOfPath(planned, path); return (id && now.pathOf(id)) ?? path; }) }));
}

/**
 * The ops of committing `chosen` annotations and `chosenCodes`: the codes, the
 * records, then the import's own record for undo (which keeps the stored
 * records, code ids and all, every code written, and the links and
 * assessments of `tracker`).
 */
export function commitOps(
  id: string,
  chosen: readonly PlannedItem[],
  codeChoice: { chosen: readonly PlannedCode[]; plan: CodePlan | null },
  current: ReadonlyMap<string, StoredAnnotation>,
  codes: readonly StoredCode[],
  now: Date,
  tracker?: TrackerWrite,
): StoreOp[] {
  const book = codebookOf(codes);
  const tagged = (annotationId: string) => {
    const record = current.get(annotationId);
    return record ? taggedOf(book, record) : null;
  };
  const changed = chosen.filter((p) => !sameTaggedRecord(tagged(p.item.id), p.previous)).length;
  if (changed > 0) refuseStale(changed, 'annotation');
  const working = writtenCodes(codeChoice.chosen, codes);
  const { records, created } = storedOf(working, followCodes(chosen.map((p) => p.record!), codeChoice.plan, working), now.toISOString());
  const codeEntries = [
    ...codeChoice.chosen.map((p) => ({ id: p.write!.id, previous: p.previous, wrote: p.write! })),
    ...created.map((c) => ({ id: c.id, previous: null, wrote: c })),
  ];
  const ops: StoreOp[] = codeEntries.length > 0 ? [{ op: 'putCodes', values: codeEntries.map((e) => e.wrote) }] : [];
  for (const value of records) ops.push({ op: 'putAnnotation', value });
  // Links after the annotations they join (issue 14; import-commit-tracker.ts).
  if (tracker) ops.push(...tracker.ops);
  ops.push({
    op: 'putImport',
    value: {
      id,
      committedAt: now.toISOString(),
      before: chosen.map((p, i) => ({ id: p.item.id, previous: current.get(p.item.id) ?? null, wrote: records[i]! })),
      codes: codeEntries,
      ...(tracker && tracker.links.length > 0 ? { links: tracker.links } : {}),
      ...(tracker && tracker.assessments.length > 0 ? { assessments: tracker.assessments } : {}),
      undoneAt: null,
    },
  });
  return ops;
}

/** The annotations as they will be once `ops` (annotation reverts) are applied. */
function afterReverts(current: ReadonlyMap<string, StoredAnnotation>, ops: readonly StoreOp[], removed: readonly string[]): StoredAnnotation[] {
  const next = new Map(current);
  for (const op of ops) if (op.op === 'putAnnotation') next.set(op.value.id, op.value);
  for (const id of removed) next.delete(id);
  return [...next.values()];
}

/** Code ops of an undo: changed codes back, made codes deleted when nothing live uses them. */
function undoCodeOps(record: ImportRecord, annotations: readonly StoredAnnotation[], codes: readonly StoredCode[], now: Date): StoredCode[] {
  const used = new Set(annotations.filter((a) => a.deletedAt === null).flatMap((a) => a.codeIds));
  let working = [...codes];
  const book = codebookOf(codes);
  const out: StoredCode[] = [];
  // Children were written after their parents: undo them first, so a parent sees its children gone.
  for (const entry of [...(record.codes ?? [])].reverse()) {
    if (!sameCode(book.get(entry.id), entry.wrote)) continue;
    let value: StoredCode;
    if (entry.previous !== null) value = entry.previous;
    else {
      const hasLiveChild = codebookOf(working).children(entry.id).length > 0;
      if (used.has(entry.id) || hasLiveChild) continue;
      value = { ...entry.wrote, deletedAt: now.toISOString() };
    }
    working = withCode(working, value);
    out.push(value);
  }
  return out;
}

/** The ops of undoing `record`, and how many annotations and codes they take back. */
export function undoOps(
  record: ImportRecord,
  current: ReadonlyMap<string, StoredAnnotation>,
  codes: readonly StoredCode[],
  now: Date,
): { ops: StoreOp[]; reverted: number; codes: number } {
  const committedAt = Date.parse(record.committedAt);
  const remove: string[] = [];
  const ops: StoreOp[] = [];
  for (const { id: annotationId, previous, wrote } of record.before) {
    const ours = current.get(annotationId);
    const changedSince = wrote ? !sameRecord(ours ?? null, wrote) : !ours || Date.parse(ours.updatedAt) > committedAt;
    if (!ours || changedSince) continue;
    if (previous === null) remove.push(annotationId);
    else ops.push({ op: 'putAnnotation', value: previous });
  }
  const reverted = remove.length + ops.length;
  const codeValues = undoCodeOps(record, afterReverts(current, ops, remove), codes, now);
  if (remove.length > 0) ops.push({ op: 'removeAnnotations', ids: remove });
  if (codeValues.length > 0) ops.push({ op: 'putCodes', values: codeValues });
  ops.push({ op: 'putImport', value: { ...record, undoneAt: now.toISOString() } });
  return { ops, reverted, codes: codeValues.length };
}
