/**
 * The links and assessments of an import's commit and undo (issue 14), beside
 * the annotations and codes of import-commit.ts and in the same batch:
 * - a commit is refused when a link or an assessment it would write changed
 *   since the preview; a link whose annotation is not there once the import is
 *   written (its highlight was left out) is not written;
 * - undo puts back what each held before, when it is still exactly as the
 *   import wrote it; a link the import made is unlinked (a tombstone) and an
 *   assessment it made goes back to "not assessed", since the store keeps no
 *   way to take a record out.
 */
import { FieldmarkError } from '../../../preload/rpc';
import type { PlannedAssessment, PlannedLink } from '../exchange/import-merge-links';
import type { ImportRecord, StoreDoc, StoreOp, StoredAssessment, StoredLink } from '../store/store-schema';

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

export interface TrackerChoice {
  links: readonly PlannedLink[];
  assessments: readonly PlannedAssessment[];
}

export interface TrackerWrite {
  ops: StoreOp[];
  links: NonNullable<ImportRecord['links']>;
  assessments: NonNullable<ImportRecord['assessments']>;
}

function refuseStale(count: number): never {
  const what = count === 1 ? 'One link or assessment' : `${count} links or assessments`;
  throw new FieldmarkError('CONFLICT', `${what} changed since this preview was made. Preview the file again; nothing was imported.`);
}

/** The ops and undo entries of the chosen links and assessments; `annotationIds` are the annotations there once the import is written. */
export function trackerCommit(choice: TrackerChoice, doc: Pick<StoreDoc, 'links' | 'assessments'>, annotationIds: ReadonlySet<string>): TrackerWrite {
  const links = new Map(doc.links.map((l) => [l.id, l]));
  const assessments = new Map(doc.assessments.map((a) => [a.id, a]));
  const stale =
    choice.links.filter((p) => !same(links.get(p.record!.id), p.previous)).length +
    choice.assessments.filter((p) => !same(assessments.get(p.record!.id), p.previous)).length;
  if (stale > 0) refuseStale(stale);
  const ends = (l: StoredLink) => annotationIds.has(l.from) && (!('annotation' in l.to) || annotationIds.has(l.to.annotation));
  const linkEntries = choice.links.filter((p) => ends(p.record!)).map((p) => ({ id: p.record!.id, previous: p.previous, wrote: p.record! }));
  const assessmentEntries = choice.assessments.map((p) => ({ id: p.record!.id, previous: p.previous, wrote: p.record! }));
  const ops: StoreOp[] = [];
  if (assessmentEntries.length > 0) ops.push({ op: 'putAssessments', values: assessmentEntries.map((e) => e.wrote) });
  if (linkEntries.length > 0) ops.push({ op: 'putLinks', values: linkEntries.map((e) => e.wrote) });
  return { ops, links: linkEntries, assessments: assessmentEntries };
}

/** The ops of undoing an import's links and assessments, and how many they take back. */
export function trackerUndo(record: ImportRecord, doc: Pick<StoreDoc, 'links' | 'assessments'>, now: Date): { ops: StoreOp[]; reverted: number } {
  const at = now.toISOString();
  const links = new Map(doc.links.map((l) => [l.id, l]));
  const assessments = new Map(doc.assessments.map((a) => [a.id, a]));
  const linkValues: StoredLink[] = (record.links ?? [])
    .filter((e) => same(links.get(e.id), e.wrote))
    .map((e) => e.previous ?? { ...e.wrote, deletedAt: at, updatedAt: at });
  const assessmentValues: StoredAssessment[] = (record.assessments ?? [])
    .filter((e) => same(assessments.get(e.id), e.wrote))
    .map((e) => e.previous ?? { id: e.id, title: null, status: 'not-assessed', rationale: '', assessedBy: null, assessedAt: null, updatedAt: at });
  const ops: StoreOp[] = [];
  if (assessmentValues.length > 0) ops.push({ op: 'putAssessments', values: assessmentValues });
  if (linkValues.length > 0) ops.push({ op: 'putLinks', values: linkValues });
  return { ops, reverted: linkValues.length + assessmentValues.length };
}
