import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_LEGEND, MarkdownOptions, type AnnotationView } from '../../../../preload/contract';
import { renderMarkdown, type RenderMarkdownInput } from '../../../../main/core/exchange/markdown-export';
import { markdownVisibleText } from '../../../support/markdown-visible-text';
import { PARSERS, hasHtml, syntaxTypes, type SimpleBlock } from '../../../support/markdown-ast';
import { isoAt, report, storedAt, viewOf, viewWithText } from '../../../support/exchange-fixtures';
import { NASTY_STRINGS, hostileMarkdownText } from '../../../support/nasty-strings';
import { recordCounts } from '../../../support/reliability-counts';

const EXPORTED_AT = new Date(Date.UTC(2026, 10, 29, 10, 30, 0));

function paragraphOf(section: string, n: number) {
  const block = report().blocks.find((b) => b.section === section && b.paragraph === n && b.kind !== 'heading');
  if (!block) throw new Error(`no ${section} ¶${n}`);
  return block;
}

/** A view over the first `length` characters of a section's paragraph. */
function viewIn(section: string, paragraph: number, n: number, extra: Partial<Parameters<typeof storedAt>[0]> = {}, length = 40) {
  const block = paragraphOf(section, paragraph);
  return viewOf(storedAt({ start: block.start, end: block.start + length, ...extra }, n));
}

function input(annotations: AnnotationView[], options: Partial<MarkdownOptions> = {}): RenderMarkdownInput {
  const model = report();
  return {
    report: model,
    annotations,
    options: MarkdownOptions.parse(options),
    legend: DEFAULT_LEGEND,
    exportedAt: EXPORTED_AT,
  };
}

interface ReadAnnotation {
  heading: string;
  quote: string;
  paragraphs: string[];
}

/** Reads the exported annotations back: each level-3 heading with its block quote and paragraphs. */
function readBack(blocks: SimpleBlock[]): { groups: Array<{ title: string; items: ReadAnnotation[] }>; header: SimpleBlock[] } {
  const groups: Array<{ title: string; items: ReadAnnotation[] }> = [];
  const header: SimpleBlock[] = [];
  let current: ReadAnnotation | null = null;
  for (const block of blocks) {
    if (block.type === 'heading' && block.level === 2) {
      groups.push({ title: block.text, items: [] });
      current = null;
    } else if (block.type === 'heading' && block.level === 3) {
      current = { heading: block.text, quote: '', paragraphs: [] };
      groups.at(-1)!.items.push(current);
    } else if (current && block.type === 'blockquote') current.quote = block.text;
    else if (current && block.type === 'paragraph') current.paragraphs.push(block.text);
    else if (!current && groups.length === 0) header.push(block);
  }
  return { groups, header };
}

describe('renderMarkdown', () => {
  const a1 = viewIn('protection', 4, 1, { note: 'Shelter numbers', tags: ['shelters', 'legal/visa'], color: 'gap' });
  const a2 = viewIn('prosecution', 2, 2, { note: '', tags: [], color: 'statistic' });
  const a3 = viewIn('protection', 1, 3, { note: 'First line\nsecond line', tags: ['legal'], color: 'key' });
  const a4 = viewIn('prevention', 1, 4, { note: 'deleted', deletedAt: isoAt(5) });
  const orphan: AnnotationView = {
    ...viewIn('profile', 1, 5, { note: 'Where did this go?', color: 'question' }),
    exact: 'a sentence that a later edition removed',
    anchor: { status: 'orphan', score: 0 },
  };
  const all = [a1, a2, a3, a4, orphan];

  for (const { name, parse } of PARSERS) {
    it(`writes a header ${name} reads as title, country, year, tier, date, hash, count, filter`, () => {
      const parsed = parse(renderMarkdown(input(all)));
      expect(hasHtml(parsed)).toBe(false);
      const [title, list] = parsed.blocks;
      expect(title).toMatchObject({ type: 'heading', level: 1, text: `Annotations: ${report().title}` });
      expect(list!.type).toBe('list');
      expect(list!.text.split('\n')).toEqual([
        'Country: Japan',
        'Year: 2021',
        'Tier: Tier 2',
        'Exported: 2026-11-29T10:30:00.000Z',
        `Source text SHA-256: ${report().sha256}`,
        'Annotations: 4',
        'Filter: none (all annotations)',
        'Grouped by: section',
      ]);
    });
  }

  it('groups by section in document order, then lists orphans under "Needs review" with their original quote', () => {
    const { groups } = readBack(PARSERS[0].parse(renderMarkdown(input(all))).blocks);
    expect(groups.map((g) => g.title)).toEqual(['Prosecution', 'Protection', 'Needs review']);
    expect(groups[1]!.items.map((i) => i.heading)).toEqual(['Protection ¶1 · Key finding', 'Protection ¶4 · Gap or failure']);
    expect(groups[2]!.items[0]!.quote).toBe('a sentence that a later edition removed');
    expect(groups[2]!.items[0]!.heading).toBe('Trafficking Profile ¶1 (last known place) · Question');
  });

  it('writes each annotation as citation, quote, note with hard breaks, tags and its id', () => {
    const { groups } = readBack(PARSERS[1].parse(renderMarkdown(input(all))).blocks);
    const first = groups[1]!.items[0]!;
    expect(first.quote).toBe(a3.exact);
    expect(first.paragraphs).toEqual(['First line\nsecond line', 'Tags: legal', `Id: urn:uuid:${a3.id}`]);
  });

  it('renders `#tag/subtag` literally in a code span', () => {
    const view = viewIn('protection', 2, 9, { tags: ['#tag/subtag'] });
    const markdown = renderMarkdown(input([view]));
    expect(markdown).toContain('Tags: `#tag/subtag`');
    for (const { parse } of PARSERS) {
      const { groups } = readBack(parse(markdown).blocks);
      expect(groups[0]!.items[0]!.paragraphs).toContain('Tags: #tag/subtag');
    }
  });

  it('leaves out deleted annotations', () => {
    const markdown = renderMarkdown(input(all));
    expect(markdown).not.toContain(a4.id);
    expect(markdown).not.toContain('deleted');
  });

  it('leaves out notes, tags and colour labels when asked, and adds dates when asked', () => {
    const edited = viewIn('protection', 3, 8, { note: 'n', tags: ['t'], createdAt: isoAt(1), updatedAt: isoAt(2) });
    const markdown = renderMarkdown(input([edited], { includeNotes: false, includeTags: false, includeColors: false, includeDates: true }));
    const { groups } = readBack(PARSERS[0].parse(markdown).blocks);
    const item = groups[0]!.items[0]!;
    expect(item.heading).toBe('Protection ¶3');
    expect(item.paragraphs).toEqual([`Created ${isoAt(1)} · updated ${isoAt(2)}`, `Id: urn:uuid:${edited.id}`]);
  });

  it('groups by tag (an annotation under each of its tags, untagged last) and by colour in legend order', () => {
    const byTag = readBack(PARSERS[0].parse(renderMarkdown(input(all, { groupBy: 'tag' }))).blocks).groups;
    expect(byTag.map((g) => [g.title, g.items.length])).toEqual([
      ['legal', 1],
      ['legal/visa', 1],
      ['shelters', 1],
      ['No tags', 1],
      ['Needs review', 1],
    ]);
    const byColor = readBack(PARSERS[1].parse(renderMarkdown(input(all, { groupBy: 'color' }))).blocks).groups;
    expect(byColor.map((g) => g.title)).toEqual(['Key finding', 'Gap or failure', 'Statistic', 'Needs review']);
  });

  it('groups "TITP", "titp" and full-width "ＴＩＴＰ" under one tag, headed by the first spelling', () => {
    const upper = viewIn('protection', 1, 11, { tags: ['TITP'] });
    const lower = viewIn('protection', 2, 12, { tags: ['titp', 'visa'] });
    const wide = viewIn('protection', 3, 13, { tags: ['ＴＩＴＰ'] });
    const byTag = readBack(PARSERS[0].parse(renderMarkdown(input([wide, lower, upper], { groupBy: 'tag' }))).blocks).groups;
    expect(byTag.map((g) => [g.title, g.items.length])).toEqual([
      ['TITP', 3],
      ['visa', 1],
    ]);
  });

  it('exports only what the filter shows and says which filter was used', () => {
    const markdown = renderMarkdown(
      input(all, { filter: { colors: ['gap', 'key'], tags: ['legal'], sections: ['protection'], text: 'SHELTER' } }),
    );
    const parsed = PARSERS[0].parse(markdown);
    const { groups } = readBack(parsed.blocks);
    expect(groups.flatMap((g) => g.items).map((i) => i.paragraphs.at(-1))).toEqual([`Id: urn:uuid:${a1.id}`]);
    const header = parsed.blocks[1]!.text.split('\n');
    expect(header).toContain('Annotations: 1');
    expect(header).toContain('Filter: colours: Key finding, Gap or failure; tags: legal; sections: Protection; text: SHELTER');
  });

  it('says so when nothing matches', () => {
    const markdown = renderMarkdown(input(all, { filter: { text: 'no such words anywhere' } }));
    expect(PARSERS[1].parse(markdown).blocks.at(-1)!.text).toBe('No annotations match.');
  });

  it('gives the same bytes for the same data, whatever the input order', () => {
    const first = renderMarkdown(input(all));
    expect(renderMarkdown(input([...all].reverse()))).toBe(first);
    expect(renderMarkdown(input(structuredClone(all)))).toBe(first);
  });

  it('recovers every nasty quote and note exactly, with no HTML, in both parsers', () => {
    const views = NASTY_STRINGS.map((s, i) => viewWithText(100 + i, s === '' ? 'x' : s, s));
    const markdown = renderMarkdown(input(views));
    for (const { name, parse } of PARSERS) {
      const parsed = parse(markdown);
      expect(hasHtml(parsed), name).toBe(false);
      expect({ name, syntax: syntaxTypes(parsed).filter((t) => t !== 'code' && t !== 'code_inline') }).toEqual({ name, syntax: [] });
      const items = readBack(parsed.blocks).groups.flatMap((g) => g.items);
      expect(items).toHaveLength(views.length);
      const byId = new Map(items.map((item) => [item.paragraphs.at(-1), item]));
      for (const view of views) {
        const item = byId.get(`Id: urn:uuid:${view.id}`)!;
        expect({ name, quote: item.quote }).toEqual({ name, quote: markdownVisibleText(view.exact) });
        const note = view.note === '' ? [] : [markdownVisibleText(view.note)];
        expect({ name, notes: item.paragraphs.slice(0, -1) }).toEqual({ name, notes: note });
      }
    }
  });

  it('recovers 1,000 random quotes, notes and tags exactly through a whole export', () => {
    const text = fc.oneof(
      fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }),
      fc.string({ unit: 'binary', minLength: 1, maxLength: 30 }),
      fc
        .array(fc.constantFrom('#', '*', '_', '`', '<', '>', '&', '[', ']', '(', ')', '!', '\\', '-', '1.', ' ', '\n', '\t', '\u00a0', 'a', '<b>', '&amp;'), {
          minLength: 1,
          maxLength: 30,
        })
        .map((p) => p.join('')),
      hostileMarkdownText,
    );
    const tag = fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 10 }).filter((t) => !/[\r\n]/.test(t));
    fc.assert(
      fc.property(text, text, fc.array(tag, { maxLength: 3 }), (exact, note, tags) => {
        const view = viewWithText(1, exact, note, tags);
        const markdown = renderMarkdown(input([view]));
        for (const { parse } of PARSERS) {
          const parsed = parse(markdown);
          // Text equality alone would not see emphasis or links (their text reads the same): allow only our code spans.
          if (hasHtml(parsed) || syntaxTypes(parsed).some((t) => t !== 'code' && t !== 'code_inline')) return false;
          const item = readBack(parsed.blocks).groups[0]?.items[0];
          if (!item || item.quote !== markdownVisibleText(exact)) return false;
          const expected = [
            ...(note === '' ? [] : [markdownVisibleText(note)]),
            ...(tags.length ? [`Tags: ${tags.join(', ')}`] : []),
            `Id: urn:uuid:${view.id}`,
          ];
          if (JSON.stringify(item.paragraphs) !== JSON.stringify(expected)) return false;
        }
        return true;
      }),
      { numRuns: 1000 },
    );
    recordCounts('Markdown export round trip (fast-check)', { hostileStringsRoundTripped: 1000 });
  });

  it('shows 500 random citations, colour labels and filter values exactly where the export joins them on one line', () => {
    fc.assert(
      fc.property(hostileMarkdownText, hostileMarkdownText, hostileMarkdownText, fc.boolean(), (citation, label, other, orphaned) => {
        const placed = viewWithText(1, 'a quote', '');
        const view: AnnotationView = { ...placed, citation, anchor: orphaned ? { status: 'orphan', score: 0 } : placed.anchor };
        const markdown = renderMarkdown({
          ...input([view], { groupBy: 'color', includeColors: true, filter: { colors: ['key', 'gap'], text: 'quote' } }),
          legend: { ...DEFAULT_LEGEND, key: label, gap: other },
        });
        const seen = markdownVisibleText;
        for (const { name, parse } of PARSERS) {
          const parsed = parse(markdown);
          const { groups, header } = readBack(parsed.blocks);
          const item = groups[0]?.items[0];
          // Code spans are ours (dates, ids); anything else beyond plain text came out of the escaped values.
          const syntax = syntaxTypes(parsed).filter((t) => t !== 'code' && t !== 'code_inline');
          const filterItem = `\nFilter: colours: ${seen(label)}, ${seen(other)}; text: quote\nGrouped by: colour`;
          expect({ name, markdown, syntax, filter: header[1]?.text.endsWith(filterItem) }).toEqual({ name, markdown, syntax: [], filter: true });
          expect({ name, markdown, group: groups[0]?.title, heading: item?.heading, quote: item?.quote }).toEqual({
            name,
            markdown,
            group: orphaned ? 'Needs review' : seen(label),
            heading: `${seen(citation)}${orphaned ? ' (last known place)' : ''} · ${seen(label)}`,
            quote: 'a quote',
          });
        }
      }),
      { numRuns: 500 },
    );
  });
});
