/**
 * Undo entries for the recommendation tracker (renderer/annotations/link-undo.ts):
 * which call undoes and repeats a link, an unlink and an edit, that only fields
 * that change are kept, and the sentences announced.
 */
import { describe, expect, it } from 'vitest';
import type { LinkInput, RecommendationView } from '../../../preload/contract';
import { describeTrackerEntry, linkEntry, recommendationEntry, trackerOperationFor } from '../../../renderer/annotations/link-undo';

const A = '00000000-0000-4000-8000-00000000000a';
const input: LinkInput = { from: A, to: { recommendation: 'rec-3' }, relation: 'gap' };

const rec: RecommendationView = {
  id: 'rec-3',
  index: 3,
  title: 'Develop, systematize',
  text: 'Develop, systematize, and implement…',
  start: 100,
  end: 200,
  status: 'not-assessed',
  rationale: '',
  assessedBy: null,
  assessedAt: null,
  evidence: { progress: 0, gap: 0, context: 0 },
  links: [],
};

describe('link entries', () => {
  it('undoes a link with an unlink and repeats it with a link', () => {
    const entry = linkEntry(input, true);
    expect(trackerOperationFor(entry, 'undo')).toEqual({ method: 'unlinkAnnotation', input });
    expect(trackerOperationFor(entry, 'redo')).toEqual({ method: 'linkAnnotation', input });
    expect(describeTrackerEntry(entry, 'undo')).toBe('Undid link.');
  });

  it('undoes an unlink with a link (reviving the tombstoned link) and repeats it with an unlink', () => {
    const entry = linkEntry(input, false);
    expect(trackerOperationFor(entry, 'undo')).toEqual({ method: 'linkAnnotation', input });
    expect(trackerOperationFor(entry, 'redo')).toEqual({ method: 'unlinkAnnotation', input });
    expect(describeTrackerEntry(entry, 'redo')).toBe('Redid unlink.');
  });
});

describe('recommendation entries', () => {
  it('keeps only the fields that change, and puts the old values back on undo', () => {
    const entry = recommendationEntry(rec, { status: 'partial', rationale: '', title: 'Develop, systematize' });
    expect(entry).toEqual({ kind: 'recommendation', id: 'rec-3', before: { status: 'not-assessed' }, after: { status: 'partial' } });
    expect(trackerOperationFor(entry!, 'undo')).toEqual({ method: 'updateRecommendation', input: { id: 'rec-3', status: 'not-assessed' } });
    expect(trackerOperationFor(entry!, 'redo')).toEqual({ method: 'updateRecommendation', input: { id: 'rec-3', status: 'partial' } });
    expect(describeTrackerEntry(entry!, 'undo')).toBe('Undid status change.');
  });

  it('makes no step when nothing changes', () => {
    expect(recommendationEntry(rec, { status: 'not-assessed', rationale: '' })).toBeNull();
  });

  it('records a reset to the default title as null, and undoes it with the title shown before', () => {
    const titled = { ...rec, title: 'Victim screening' };
    const entry = recommendationEntry(titled, { title: null })!;
    expect(entry.kind === 'recommendation' && entry.after).toEqual({ title: null });
    expect(trackerOperationFor(entry, 'undo')).toEqual({ method: 'updateRecommendation', input: { id: 'rec-3', title: 'Victim screening' } });
    expect(describeTrackerEntry(entry, 'redo')).toBe('Redid title change.');
  });
});
