import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildReportModel } from '../../../../main/core/report/report-model';
import { TextMatcher } from '../../../../renderer/search/matcher';
import { groupResults, sectionTitleAt, snippetFor } from '../../../../renderer/search/results-model';

const REPORT = readFileSync(path.resolve(import.meta.dirname, '../../../../assets/report/tip-2021-japan.txt'), 'utf8');
const model = buildReportModel(REPORT);
const matcher = new TextMatcher(REPORT);

describe('find results grouped by section', () => {
  it('lists every TITP match once, in document order, under the section it falls in', () => {
    const matches = matcher.find('TITP');
    const groups = groupResults(REPORT, model.blocks, matches);
    const items = groups.flatMap((g) => g.items);
    expect(items.map((i) => i.index)).toEqual(matches.map((_, i) => i));
    for (const group of groups) {
      for (const item of group.items) {
        const block = model.blocks.filter((b) => b.start <= item.match.start).at(-1)!;
        expect(group.title).toBe(block.sectionTitle);
      }
    }
    expect(groups.map((g) => g.title)).toContain('Prioritized Recommendations');
    for (const group of groups) expect(group.total).toBe(group.items.length);
    expect(new Set(groups.map((g) => g.key)).size).toBe(groups.length);
  });

  it('starts a new group only when the section changes', () => {
    const groups = groupResults(REPORT, model.blocks, matcher.find('trafficking'));
    for (let i = 1; i < groups.length; i++) expect(groups[i]!.title).not.toBe(groups[i - 1]!.title);
  });

  it('renders one page of a huge result list, with each section’s full count', () => {
    const matches = matcher.find('the');
    const all = groupResults(REPORT, model.blocks, matches);
    const page = groupResults(REPORT, model.blocks, matches, 100, 125);
    expect(page.flatMap((g) => g.items.map((i) => i.index))).toEqual(Array.from({ length: 25 }, (_, i) => 100 + i));
    for (const group of page) {
      const whole = all.find((g) => g.items.some((i) => i.index === group.items[0]!.index))!;
      expect(group.title).toBe(whole.title);
      expect(group.total).toBe(whole.items.length);
    }
    expect(groupResults(REPORT, model.blocks, matches, matches.length - 3, matches.length + 50).flatMap((g) => g.items)).toHaveLength(3);
  });

  it('names the title and tier lines, which belong to no section', () => {
    expect(sectionTitleAt(model.blocks, 0)).toBe('Title');
    const tier = model.blocks.find((b) => b.kind === 'tier')!;
    expect(sectionTitleAt(model.blocks, tier.start)).toBe('Tier ranking');
    expect(sectionTitleAt([], 0)).toBe('Report');
  });
});

describe('find result snippets', () => {
  it('shows the match with context cut at word boundaries, collapsing non-breaking spaces', () => {
    const [match] = matcher.find('"JK" business');
    const snippet = snippetFor(REPORT, model.blocks, match!);
    expect(snippet.match).toBe('“JK” business');
    expect(snippet.before).toMatch(/^…\S/);
    expect(snippet.before).toMatch(/Joshi kosei or $/);
    expect(snippet.after).toMatch(/^es/);
    expect(snippet.after.endsWith('…')).toBe(true);
    expect(`${snippet.before}${snippet.match}${snippet.after}`).not.toContain('\u00a0');
  });

  it('keeps the snippet inside the match’s paragraph', () => {
    const heading = model.blocks.find((b) => b.kind === 'heading' && b.section === 'protection')!;
    const paragraph = model.blocks[model.blocks.indexOf(heading) + 1]!;
    const match = { start: paragraph.start, end: paragraph.start + 3 };
    const snippet = snippetFor(REPORT, model.blocks, match);
    expect(snippet.before).toBe('');
    expect(snippet.match).toBe(REPORT.slice(paragraph.start, paragraph.start + 3));
  });

  it('shows a whole short block without ellipses', () => {
    const title = model.blocks[0]!;
    const match = { start: title.start + 5, end: title.start + 16 };
    const snippet = snippetFor(REPORT, model.blocks, match);
    expect(`${snippet.before}${snippet.match}${snippet.after}`).toBe(REPORT.slice(title.start, title.end));
  });
});
