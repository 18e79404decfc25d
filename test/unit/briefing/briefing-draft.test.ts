import { describe, expect, it } from 'vitest';
import type { Briefing, BriefingOptions } from '../../../preload/contract';
import { EMPTY_FILTER } from '../../../renderer/annotations/annotation-filter';
import { draftFrom, draftProblem, optionsFrom } from '../../../renderer/briefing/briefing-draft';
import { previewLine } from '../../../renderer/briefing/preview-line';

const REPORT = '2021 Trafficking in Persons Report: Japan';

describe('the Briefing form', () => {
  it('starts a first briefing with a title, every annotation, by section, everything included', () => {
    const draft = draftFrom(null, REPORT);
    expect(draft.title).toBe(`Briefing: ${REPORT}`);
    expect(draft.scope).toBe('all');
    expect(draft.groupBy).toBe('section');
    expect(Object.values(draft.include).every(Boolean)).toBe(true);
    expect(optionsFrom(draft, EMPTY_FILTER)).toEqual({
      title: `Briefing: ${REPORT}`,
      groupBy: 'section',
      include: { notes: true, codes: true, colors: true, assessment: true, matrix: true, codebook: true, sources: true },
    });
  });

  it('takes the panel filter only when chosen and set, with its id list', () => {
    const draft = { ...draftFrom(null, REPORT), scope: 'panel' as const };
    expect(optionsFrom(draft, EMPTY_FILTER).filter).toBeUndefined();
    const panel = { ...EMPTY_FILTER, tags: ['TITP'], colors: ['gap' as const], ids: ['00000000-0000-4000-8000-000000000001'] };
    expect(optionsFrom(draft, panel)).toMatchObject({ filter: { tags: ['TITP'], colors: ['gap'] }, ids: ['00000000-0000-4000-8000-000000000001'] });
    expect(optionsFrom({ ...draft, scope: 'all' }, panel).filter).toBeUndefined();
  });

  it('leaves out blank texts, trims the title and keeps the summary as typed', () => {
    const draft = { ...draftFrom(null, REPORT), title: '  Japan 2021  ', subtitle: '   ', summary: 'One.\n\n  Two.' };
    const options = optionsFrom(draft, EMPTY_FILTER);
    expect(options.title).toBe('Japan 2021');
    expect('subtitle' in options).toBe(false);
    expect(options.summary).toBe('One.\n\n  Two.');
  });

  it('comes back from the options last used', () => {
    const saved: BriefingOptions = {
      title: 'Japan 2021: labour trafficking in the TITP',
      author: 'Desk',
      filter: { tags: ['TITP'] },
      groupBy: 'recommendation',
      include: { matrix: false },
    };
    const draft = draftFrom(saved, REPORT);
    expect(draft).toMatchObject({ title: saved.title, author: 'Desk', subtitle: '', scope: 'panel', groupBy: 'recommendation' });
    expect(draft.include.matrix).toBe(false);
    expect(draft.include.notes).toBe(true);
  });

  it('says what is wrong before asking the service', () => {
    const draft = draftFrom(null, REPORT);
    expect(draftProblem(draft)).toBeNull();
    expect(draftProblem({ ...draft, title: '  ' })).toBe('Give the briefing a title.');
    expect(draftProblem({ ...draft, title: 'x'.repeat(301) })).toBe('The title is longer than 300 characters.');
    expect(draftProblem({ ...draft, summary: 'x'.repeat(20_001) })).toBe('The summary is longer than 20,000 characters.');
  });
});

describe('the line above the print view', () => {
  const groups = (n: number) => Array.from({ length: n }, () => ({}) as Briefing['groups'][number]);
  it('counts the annotations and groups, and the ones that need review', () => {
    expect(previewLine({ counts: { annotations: 3, placements: 4, orphansExcluded: 0 }, groups: groups(3) })).toBe('3 annotations in 3 groups.');
    expect(previewLine({ counts: { annotations: 1, placements: 1, orphansExcluded: 2 }, groups: groups(1) })).toBe(
      '1 annotation in 1 group. 2 annotations need review and are not included.',
    );
    expect(previewLine({ counts: { annotations: 0, placements: 0, orphansExcluded: 1 }, groups: [] })).toBe('0 annotations in 0 groups. 1 annotation needs review and is not included.');
  });
});
