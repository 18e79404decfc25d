import { describe, expect, it } from 'vitest';
import type { AssessmentImportItem, ImportItem, LinkImportItem } from '../../../../preload/contract';
import {
  acceptAssessmentLabel,
  acceptLinkLabel,
  acceptedCount,
  assessmentItems,
  commitLabel,
  fileSummary,
  groupTrackerByKind,
  initiallyAccepted,
  linkItems,
  linkSentence,
  rejectedIds,
} from '../../../../renderer/export/import-review';

const link = (id: string, kind: LinkImportItem['kind'], applies: boolean, relation: LinkImportItem['relation'] = 'gap'): LinkImportItem => ({
  entity: 'link',
  id,
  kind,
  from: 'a',
  fromLabel: 'Protection ¶4 “victims were”',
  to: { recommendation: 'rec-3' },
  toLabel: 'Recommendation 3: Develop, systematize',
  relation,
  unlinked: false,
  reason: null,
  applies,
});
const assessment = (id: string, kind: AssessmentImportItem['kind'], applies: boolean): AssessmentImportItem => ({
  entity: 'assessment',
  id,
  kind,
  label: `Recommendation ${id.slice(4)}: A title`,
  status: 'partial',
  previousStatus: null,
  rationale: '',
  reason: null,
  applies,
});

describe('links and assessments in the import review', () => {
  const items: ImportItem[] = [link('l1', 'new', true), link('l2', 'orphan', false, 'supports'), assessment('rec-1', 'new', true), assessment('rec-2', 'older', false)];

  it('says a link as a sentence and labels each checkbox with it', () => {
    expect(linkSentence(link('l', 'new', true))).toBe('Protection ¶4 “victims were” is evidence of a gap for Recommendation 3: Develop, systematize');
    expect(linkSentence(link('l', 'new', true, 'supports'))).toBe('Protection ¶4 “victims were” supports Recommendation 3: Develop, systematize');
    expect(acceptLinkLabel({ ...link('l', 'deleted', true), unlinked: true })).toMatch(/^Accept unlinking: Protection ¶4/u);
    expect(acceptAssessmentLabel(assessment('rec-1', 'new', true))).toBe('Accept assessment of Recommendation 1: A title (Partly addressed)');
  });

  it('groups them by kind, ticks what applies and rejects what was unticked', () => {
    expect(groupTrackerByKind(items).map((g) => [g.kind, g.links.length, g.assessments.length])).toEqual([
      ['new', 1, 1],
      ['orphan', 1, 0],
      ['older', 0, 1],
    ]);
    const accepted = initiallyAccepted(items);
    expect([...accepted]).toEqual(['l1', 'rec-1']);
    accepted.delete('rec-1');
    expect(rejectedIds(items, accepted)).toEqual(['rec-1']);
    expect(acceptedCount(linkItems(items), accepted)).toBe(1);
    expect(acceptedCount(assessmentItems(items), accepted)).toBe(0);
  });

  it('names links and assessments on the commit button, and keeps the old labels without them', () => {
    expect(commitLabel(3)).toBe('Import 3 annotations');
    expect(commitLabel(1, 2)).toBe('Import 1 annotation and 2 codes');
    expect(commitLabel(0, 0)).toBe('Import 0 annotations');
    expect(commitLabel(3, 0, { links: 4, assessments: 1 })).toBe('Import 3 annotations, 4 links and 1 assessment');
    expect(commitLabel(0, 0, { assessments: 2 })).toBe('Import 2 assessments');
  });

  it('says what the file holds, links and assessments included', () => {
    const codes = { new: 0, renamed: 0, moved: 0, updated: 0, unchanged: 0, total: 0 };
    expect(fileSummary({ total: 3, codes })).toBe('3 annotations');
    expect(fileSummary({ total: 0, codes })).toBe('0 annotations');
    expect(fileSummary({ total: 1, codes: { ...codes, total: 6 } })).toBe('1 annotation and 6 codes');
    expect(fileSummary({ total: 3, codes }, { links: 1, assessments: 2 })).toBe('3 annotations, 1 link and 2 assessments');
    expect(fileSummary({ total: 0, codes }, { assessments: 1 })).toBe('1 assessment');
  });
});
