/**
 * The briefing model (issue 15): which annotations, in which groups and order,
 * with which citations, and what the tables and appendix hold.
 */
import { describe, expect, it } from 'vitest';
import { buildBriefing, summaryParagraphs } from '../../../../../main/core/exchange/briefing/model';
import { selectAnnotations } from '../../../../../main/core/exchange/briefing/select';
import { uuidFor } from '../../../../support/exchange-fixtures';
import { CODE_LABOUR, CODE_TITP, NOTE_EXACT, sampleInput, sampleViews } from './briefing-fixtures';

const ids = (briefing: ReturnType<typeof buildBriefing>) => briefing.groups.map((g) => [g.heading, g.items.map((i) => i.annotationId)]);

describe('selection', () => {
  it('with neither filter nor ids takes every live annotation, leaves out tombstones, and counts the orphans it leaves out', () => {
    const { chosen, orphansExcluded } = selectAnnotations(sampleViews(), {});
    expect(chosen.map((v) => v.id)).toEqual([uuidFor(2), uuidFor(1), uuidFor(6), uuidFor(3)]);
    expect(orphansExcluded).toBe(1);
  });

  it('takes the panel filter, ids, or the ids that match the filter', () => {
    expect(selectAnnotations(sampleViews(), { filter: { colors: ['gap'] } })).toEqual({ chosen: [sampleViews()[0]], orphansExcluded: 1 });
    const byIds = selectAnnotations(sampleViews(), { ids: [uuidFor(3), uuidFor(2), uuidFor(5), uuidFor(4)] });
    expect(byIds.chosen.map((v) => v.id)).toEqual([uuidFor(2), uuidFor(3)]);
    expect(byIds.orphansExcluded).toBe(1);
    const both = selectAnnotations(sampleViews(), { ids: [uuidFor(1), uuidFor(3)], filter: { colors: ['progress'] } });
    expect(both.chosen.map((v) => v.id)).toEqual([uuidFor(3)]);
  });

  it('takes a further admission rule (the hook for a share audience)', () => {
    const { chosen } = selectAnnotations(sampleViews(), { admit: (a) => a.color !== 'gap' });
    expect(chosen.map((v) => v.id)).toEqual([uuidFor(2), uuidFor(6), uuidFor(3)]);
  });

  it('filters by code with the codes under it', () => {
    const parents = new Map([[CODE_TITP, CODE_LABOUR]]);
    const { chosen } = selectAnnotations(sampleViews(), { filter: { codes: [CODE_LABOUR] }, parentOf: (id) => parents.get(id) ?? null });
    expect(chosen.map((v) => v.id)).toEqual([uuidFor(2), uuidFor(1)]);
  });
});

describe('groups', () => {
  it('by section: in report order, quotes in document order, the orphan counted and absent', () => {
    const briefing = buildBriefing(sampleInput());
    expect(ids(briefing)).toEqual([
      ['Prosecution', [uuidFor(2)]],
      ['Protection', [uuidFor(1), uuidFor(6)]],
      ['Prevention', [uuidFor(3)]],
    ]);
    expect(briefing.groups.map((g) => g.key)).toEqual(['section:prosecution', 'section:protection', 'section:prevention']);
    expect(briefing.counts).toEqual({ annotations: 4, placements: 4, orphansExcluded: 1 });
  });

  it('by colour: in the legend order, headed by the labels', () => {
    expect(ids(buildBriefing(sampleInput({ groupBy: 'color' })))).toEqual([
      ['Key finding', [uuidFor(2)]],
      ['Gap or failure', [uuidFor(1)]],
      ['Progress', [uuidFor(3)]],
      ['Question', [uuidFor(6)]],
    ]);
  });

  it('by code: the tree with deeper levels, an annotation under each of its codes, the uncoded last', () => {
    const briefing = buildBriefing(sampleInput({ groupBy: 'code' }));
    expect(ids(briefing)).toEqual([
      ['Labour', []],
      ['TITP', [uuidFor(2), uuidFor(1)]],
      ['Victims', [uuidFor(1)]],
      ['Not coded', [uuidFor(6), uuidFor(3)]],
    ]);
    expect(briefing.groups.map((g) => g.level)).toEqual([2, 3, 2, 2]);
    expect(briefing.counts).toEqual({ annotations: 4, placements: 5, orphansExcluded: 1 });
  });

  it('by recommendation: each linked recommendation once per annotation, with the strongest relation; deleted links ignored; the unlinked last', () => {
    const briefing = buildBriefing(sampleInput({ groupBy: 'recommendation' }));
    expect(ids(briefing)).toEqual([
      ['Recommendation 1: Recommendation title 1', [uuidFor(2), uuidFor(1)]],
      ['Recommendation 2: Recommendation title 2', [uuidFor(1)]],
      ['Not linked to a recommendation', [uuidFor(6), uuidFor(3)]],
    ]);
    expect(briefing.groups[0]!.items.map((i) => i.relation)).toEqual(['progress', 'gap']);
    expect(briefing.groups[1]!.items.map((i) => i.relation)).toEqual(['progress']);
    expect(briefing.groups[2]!.items.map((i) => i.relation)).toEqual([null, null]);
  });

  it('does not depend on the order the views come in', () => {
    const views = sampleViews();
    const reversed = [...views].reverse();
    for (const groupBy of ['section', 'color', 'code', 'recommendation'] as const) {
      expect(buildBriefing(sampleInput({ groupBy }, reversed))).toEqual(buildBriefing(sampleInput({ groupBy }, views)));
    }
  });
});

describe('items', () => {
  it('carry the quote and note exactly, the place, and the full citation', () => {
    const item = buildBriefing(sampleInput()).groups[1]!.items[0]!;
    const view = sampleViews()[0]!;
    expect(item).toEqual({
      annotationId: view.id,
      quote: view.exact,
      place: 'Protection ¶2',
      citation: 'U.S. Department of State, 2021 Trafficking in Persons Report: Japan, Protection ¶2',
      note: NOTE_EXACT,
      codes: ['Labour/TITP', 'Victims'],
      color: 'gap',
      colorLabel: 'Gap or failure',
      relation: null,
    });
  });

  it('leave out what include turns off, and the parts too', () => {
    const briefing = buildBriefing(sampleInput({ include: { notes: false, codes: false, colors: false, assessment: false, matrix: false, codebook: false, sources: false } }));
    for (const item of briefing.groups.flatMap((g) => g.items)) expect(item).toMatchObject({ note: null, codes: [], color: null, colorLabel: null });
    expect(briefing).toMatchObject({ assessment: null, matrix: null, codebook: null });
    expect(briefing.include).toEqual({ notes: false, codes: false, colors: false, assessment: false, matrix: false, codebook: false, sources: false });
  });
});

describe('front matter, tables and appendix', () => {
  it('keeps the given fields, nulls the absent, and describes the selection', () => {
    const briefing = buildBriefing(sampleInput({ subtitle: 'Sub', author: 'NGO', summary: 'One\r\nline two\n\n\n  \nTwo', filter: { colors: ['gap', 'key'] }, ids: [uuidFor(1), uuidFor(1)] }));
    expect(briefing.meta).toEqual({
      title: 'Japan 2021: labour trafficking in the TITP',
      subtitle: 'Sub',
      author: 'NGO',
      date: null,
      groupBy: 'section',
      filterDescription: 'chosen annotations (1); colours: Key finding, Gap or failure',
    });
    expect(briefing.summary).toEqual(['One\nline two', 'Two']);
  });

  it('splits a summary at blank lines only', () => {
    expect(summaryParagraphs(undefined)).toEqual([]);
    expect(summaryParagraphs('a\nb\r\rc\n \t\nd')).toEqual(['a\nb', 'c', 'd']);
  });

  it('has an assessment row per recommendation, a matrix over its own quotes rolled up the code tree, and the codebook of its codes', () => {
    const briefing = buildBriefing(sampleInput());
    expect(briefing.assessment!.map((r) => [r.index, r.statusLabel, r.evidence.progress, r.evidence.gap])).toEqual([
      [1, 'Partly addressed', 1, 1],
      [2, 'Not assessed', 0, 0],
      [3, 'Not assessed', 0, 0],
    ]);
    const { columns, rows } = briefing.matrix!;
    expect(columns.map((c) => c.label)).toEqual(['Introduction', 'Prioritized Recommendations', 'Prosecution', 'Protection', 'Prevention', 'Trafficking Profile']);
    expect(rows.map((r) => [r.path, r.counts, r.total])).toEqual([
      ['Labour', [0, 0, 1, 1, 0, 0], 2],
      ['Labour/TITP', [0, 0, 1, 1, 0, 0], 2],
      ['Victims', [0, 0, 0, 1, 0, 0], 1],
    ]);
    expect(briefing.codebook!.map((c) => [c.path, c.depth, c.count])).toEqual([
      ['Labour', 0, 0],
      ['Labour/TITP', 1, 2],
      ['Victims', 0, 1],
    ]);
    expect(briefing.codebook![0]!.description).toBe('Work “under” duress.\nSecond line.');
  });

  it('cites the report with its hash in the sources', () => {
    const briefing = buildBriefing(sampleInput());
    expect(briefing.source).toMatchObject({ publisher: 'U.S. Department of State', work: '2021 Trafficking in Persons Report: Japan', year: 2021 });
    expect(briefing.source.sha256).toMatch(/^[0-9a-f]{64}$/u);
  });
});

describe('hooks for a shared file', () => {
  it('takes the note a file may carry from noteOf, and admits only what admit allows', () => {
    const briefing = buildBriefing({ ...sampleInput(), noteOf: (v) => (v.color === 'gap' ? '[note withheld]' : v.note), admit: (v) => v.color !== 'question' });
    const items = briefing.groups.flatMap((g) => g.items);
    expect(items.map((i) => [i.annotationId, i.note])).toEqual([
      [uuidFor(2), null],
      [uuidFor(1), '[note withheld]'],
      [uuidFor(3), 'Plain note'],
    ]);
  });
});
