/**
 * What committing and undoing an import write, as store ops, decided against
 * the store as it is now: a commit is refused if an annotation it would touch
 * changed since the preview; an undo leaves alone what changed since the import
 * (the user's edit, or a later import), since that is not the import's to take back.
 */
import { FieldmarkError } from '../../../preload/rpc';
import type { PlannedItem } from '../exchange/import-merge';
import { sameRecord } from '../store/record-equality';
import type { ImportRecord, StoreOp, StoredAnnotation } from '../store/store-schema';

/** The ops of committing `chosen` (items that write something): the records, then the import's own record for undo. */
export function commitOps(
  id: string,
  chosen: readonly PlannedItem[],
  current: ReadonlyMap<string, StoredAnnotation>,
  now: Date,
): StoreOp[] {
  const changed = chosen.filter((p) => !sameRecord(current.get(p.item.id) ?? null, p.previous)).length;
  if (changed > 0) {
    throw new FieldmarkError(
      'CONFLICT',
      `${changed === 1 ? 'One annotation' : `${changed} annotations`} changed since this preview was made. Preview the file again; nothing was imported.`,
    );
  }
  const ops: StoreOp[] = chosen.map((p) => ({ op: 'putAnnotation', value: p.record! }));
  ops.push({
    op: 'putImport',
    value: { id, committedAt: now.toISOString(), before: chosen.map((p) => ({ id: p.item.id, previous: p.previous, wrote: p.record! })), undoneAt: null },
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
