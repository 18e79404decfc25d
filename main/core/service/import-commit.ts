/**
 * What committing and undoing an import write, as store ops, decided against
 * the store as it is now: a commit is refused if an annotation it would touch
 * changed since the preview; an undo leaves alone what changed since the import
 * (the user's edit, or a later import), since that is not the import's to take back.
 */
import { FieldmarkError } from '../../../preload/rpc';
import type { PlannedItem } from '../exchange/import-merge';
import { codebookOf } from '../store/codebook';
import { sameRecord, sameTaggedRecord } from '../store/record-equality';
import type { ImportRecord, StoreOp, StoredAnnotation, StoredCode } from '../store/store-schema';
import { storedOf, taggedOf } from './tagged-records';

/**
 * The ops of committing `chosen` (items that write something): the codes their
 * tags need, the records, then the import's own record for undo (which keeps
 * the stored records, code ids and all).
 */
export function commitOps(
  id: string,
  chosen: readonly PlannedItem[],
  current: ReadonlyMap<string, StoredAnnotation>,
  codes: readonly StoredCode[],
  now: Date,
): StoreOp[] {
  const book = codebookOf(codes);
  const tagged = (annotationId: string) => {
    const record = current.get(annotationId);
    return record ? taggedOf(book, record) : null;
  };
  const changed = chosen.filter((p) => !sameTaggedRecord(tagged(p.item.id), p.previous)).length;
  if (changed > 0) {
    throw new FieldmarkError(
      'CONFLICT',
      `${changed === 1 ? 'One annotation' : `${changed} annotations`} changed since this preview was made. Preview the file again; nothing was imported.`,
    );
  }
  const { records, created } = storedOf(codes, chosen.map((p) => p.record!), now.toISOString());
  const ops: StoreOp[] = created.length > 0 ? [{ op: 'putCodes', values: created }] : [];
  for (const value of records) ops.push({ op: 'putAnnotation', value });
  ops.push({
    op: 'putImport',
    value: {
      id,
      committedAt: now.toISOString(),
      before: chosen.map((p, i) => ({ id: p.item.id, previous: current.get(p.item.id) ?? null, wrote: records[i]! })),
      undoneAt: null,
    },
  });
  return ops;
}

/** The ops of undoing `record`, and how many annotations they take back. */
export function undoOps(record: ImportRecord, current: ReadonlyMap<string, StoredAnnotation>, now: Date): { ops: StoreOp[]; reverted: number } {
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
  if (remove.length > 0) ops.push({ op: 'removeAnnotations', ids: remove });
  ops.push({ op: 'putImport', value: { ...record, undoneAt: now.toISOString() } });
  return { ops, reverted };
}
