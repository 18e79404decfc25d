import { describe, expect, it } from 'vitest';
import { FieldmarkError } from '../../../../preload/rpc';
import type { PlannedAssessment, PlannedLink } from '../../../../main/core/exchange/import-merge-links';
import { trackerCommit, trackerUndo } from '../../../../main/core/service/import-commit-tracker';
import type { ImportRecord, StoredAssessment, StoredLink } from '../../../../main/core/store/store-schema';
import { isoAt, uuidFor } from '../../../support/exchange-fixtures';

const NOW = new Date(isoAt(100));
const [A, B, C] = [uuidFor(1), uuidFor(2), uuidFor(3)];
const ours: StoredLink = { id: uuidFor(10), from: A, to: { recommendation: 'rec-1' }, relation: 'gap', createdAt: isoAt(1), updatedAt: isoAt(1), deletedAt: null };
const made: StoredLink = { id: uuidFor(11), from: B, to: { annotation: C }, relation: 'supports', createdAt: isoAt(2), updatedAt: isoAt(2), deletedAt: null };
const assessed: StoredAssessment = { id: 'rec-2', title: null, status: 'partial', rationale: 'r', assessedBy: null, assessedAt: isoAt(3), updatedAt: isoAt(3) };

const plannedLink = (record: StoredLink, previous: StoredLink | null) => ({ record, previous, item: { id: record.id } }) as unknown as PlannedLink;
const plannedAssessment = (record: StoredAssessment, previous: StoredAssessment | null) => ({ record, previous, item: { id: record.id } }) as unknown as PlannedAssessment;

describe('trackerCommit', () => {
  const unlinked = { ...ours, deletedAt: isoAt(50), updatedAt: isoAt(50) };

  it('writes the chosen links and assessments and keeps what they replace for undo', () => {
    const write = trackerCommit({ links: [plannedLink(unlinked, ours), plannedLink(made, null)], assessments: [plannedAssessment(assessed, null)] }, { links: [ours], assessments: [] }, new Set([A, B, C]));
    expect(write.ops).toEqual([
      { op: 'putAssessments', values: [assessed] },
      { op: 'putLinks', values: [unlinked, made] },
    ]);
    expect(write.links).toEqual([{ id: ours.id, previous: ours, wrote: unlinked }, { id: made.id, previous: null, wrote: made }]);
  });

  it('leaves out a link whose highlight is not there once the import is written', () => {
    const write = trackerCommit({ links: [plannedLink(made, null)], assessments: [] }, { links: [], assessments: [] }, new Set([A, B]));
    expect(write.ops).toEqual([]);
    expect(write.links).toEqual([]);
  });

  it('refuses, writing nothing, when a link or an assessment changed since the preview', () => {
    const changed = { ...ours, updatedAt: isoAt(60), deletedAt: isoAt(60) };
    expect(() => trackerCommit({ links: [plannedLink(unlinked, ours)], assessments: [] }, { links: [changed], assessments: [] }, new Set([A]))).toThrow(FieldmarkError);
    expect(() => trackerCommit({ links: [], assessments: [plannedAssessment(assessed, null)] }, { links: [], assessments: [assessed] }, new Set())).toThrow(/changed since this preview/u);
  });
});

describe('trackerUndo', () => {
  const record: ImportRecord = {
    id: 'i',
    committedAt: isoAt(5),
    before: [],
    links: [{ id: ours.id, previous: ours, wrote: { ...ours, deletedAt: isoAt(5) } }, { id: made.id, previous: null, wrote: made }],
    assessments: [{ id: 'rec-2', previous: null, wrote: assessed }],
    undoneAt: null,
  };

  it('puts back what was there, unlinks the links it made and resets the assessments it made', () => {
    const { ops, reverted } = trackerUndo(record, { links: [{ ...ours, deletedAt: isoAt(5) }, made], assessments: [assessed] }, NOW);
    expect(reverted).toBe(3);
    expect(ops).toEqual([
      { op: 'putAssessments', values: [{ id: 'rec-2', title: null, status: 'not-assessed', rationale: '', assessedBy: null, assessedAt: null, updatedAt: NOW.toISOString() }] },
      { op: 'putLinks', values: [ours, { ...made, deletedAt: NOW.toISOString(), updatedAt: NOW.toISOString() }] },
    ]);
  });

  it('leaves alone what changed after the import', () => {
    const edited = { ...assessed, status: 'implemented' as const, updatedAt: isoAt(9) };
    const { ops, reverted } = trackerUndo(record, { links: [ours, made], assessments: [edited] }, NOW);
    expect(reverted).toBe(1);
    expect(ops).toEqual([{ op: 'putLinks', values: [{ ...made, deletedAt: NOW.toISOString(), updatedAt: NOW.toISOString() }] }]);
  });
});
