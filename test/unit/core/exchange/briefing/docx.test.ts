/**
 * The Word briefing (issue 15, part 4): unzipped and read from
 * word/document.xml; real heading styles, every selected quote and note
 * exactly once per group it is in, citations, tables, core properties; read
 * again by a second consumer (pandoc); deterministic but for
 * its timestamps; hostile text stays text and the XML stays well-formed.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Briefing, BriefingOptions } from '../../../../../preload/contract';
import { buildBriefing } from '../../../../../main/core/exchange/briefing/model';
import { renderBriefingDocx } from '../../../../../main/core/exchange/briefing/docx';
import { safeText } from '../../../../../main/core/exchange/briefing/text-safety';
import { NASTY_STRINGS } from '../../../../support/nasty-strings';
import { NOTE_EXACT, sampleInput, sampleViews, viewIn } from './briefing-fixtures';
import { readDocx } from './docx-reader';

const CREATED = new Date(Date.UTC(2026, 5, 1, 9, 30, 0));
const render = (briefing: Briefing, created = CREATED, toc = false) => renderBriefingDocx(briefing, { created, toc });
const model = (options: Partial<BriefingOptions> = {}, views = sampleViews()) => buildBriefing(sampleInput(options, views));
const count = <T>(list: readonly T[], value: T) => list.filter((x) => x === value).length;

describe('DOCX structure', () => {
  it('uses Title, Heading1 for the parts and Heading2/Heading3 for groups (a code under a code deeper)', async () => {
    const doc = readDocx(await render(model({ groupBy: 'code', summary: 'Why this matters.' })));
    const styled = (style: string) => doc.paragraphs.filter((p) => p.style === style).map((p) => p.text);
    expect(styled('Title')).toEqual(['Japan 2021: labour trafficking in the TITP']);
    expect(styled('Heading1')).toEqual(['Executive summary', 'Evidence from the report', 'Recommendation assessment', 'Coding matrix', 'Appendix: codebook', 'Sources']);
    expect(styled('Heading2')).toEqual(['Labour', 'Victims', 'Not coded', 'Labour', 'Victims']);
    expect(styled('Heading3')).toEqual(['TITP', 'TITP']);
    // The styles exist in the package, so Word's navigation pane and a TOC see them.
    const styles = new TextDecoder().decode(doc.files['word/styles.xml']);
    for (const id of ['Title', 'Heading1', 'Heading2', 'Heading3', 'Quote']) expect(styles).toContain(`w:styleId="${id}"`);
  });

  it('has every selected quote exactly once per group it belongs to, in the Quote style, each followed by its citation', async () => {
    for (const groupBy of ['section', 'color', 'code', 'recommendation'] as const) {
      const briefing = model({ groupBy });
      const doc = readDocx(await render(briefing));
      const quotes = doc.paragraphs.filter((p) => p.style === 'Quote').map((p) => p.text);
      const expected = briefing.groups.flatMap((g) => g.items.map((i) => i.quote));
      expect(quotes).toEqual(expected);
      for (const view of sampleViews().filter((v) => v.deletedAt === null && v.anchor.status !== 'orphan')) {
        const groups = briefing.groups.filter((g) => g.items.some((i) => i.annotationId === view.id)).length;
        expect({ groupBy, id: view.id, n: count(quotes, view.exact) }).toEqual({ groupBy, id: view.id, n: groups });
      }
      const orphan = sampleViews()[3]!;
      expect(doc.documentXml.includes(orphan.exact)).toBe(false);
      const citations = doc.paragraphs.filter((p) => p.style === 'Citation').map((p) => p.text);
      expect(citations).toEqual(briefing.groups.flatMap((g) => g.items.map((i) => `— ${i.citation}`)));
    }
  });

  it('keeps notes exactly (curly quotes, NBSP, line breaks, Japanese), once per group', async () => {
    const briefing = model({ groupBy: 'code' });
    const doc = readDocx(await render(briefing));
    const notes = doc.paragraphs.filter((p) => p.text.startsWith('Note: ')).map((p) => p.text.slice('Note: '.length));
    expect(count(notes, NOTE_EXACT)).toBe(2);
    expect(count(notes, 'Plain note')).toBe(1);
  });

  it('leaves notes, codes and colours out when asked', async () => {
    const doc = readDocx(await render(model({ include: { notes: false, codes: false, colors: false } })));
    expect(doc.paragraphs.some((p) => p.text.startsWith('Note: ') || p.text.startsWith('Codes: ') || p.text.includes('Colour: '))).toBe(false);
  });

  it('has the assessment and matrix tables with a header row and one row each', async () => {
    const briefing = model();
    const [assessment, matrix] = readDocx(await render(briefing)).tables;
    expect(assessment![0]).toEqual(['No.', 'Recommendation', 'Status', 'Progress', 'Gap', 'Context']);
    expect(assessment!.slice(1)).toEqual([
      ['1', 'Recommendation title 1', 'Partly addressed', '1', '1', '0'],
      ['2', 'Recommendation title 2', 'Not assessed', '0', '0', '0'],
      ['3', 'Recommendation title 3', 'Not assessed', '0', '0', '0'],
    ]);
    expect(matrix![0]).toEqual(['Code', 'Introduction', 'Prioritized Recommendations', 'Prosecution', 'Protection', 'Prevention', 'Trafficking Profile', 'Total']);
    expect(matrix!.slice(1)).toEqual([
      ['Labour', '0', '0', '1', '1', '0', '0', '2'],
      ['Labour/TITP', '0', '0', '1', '1', '0', '0', '2'],
      ['Victims', '0', '0', '0', '1', '0', '0', '1'],
    ]);
    expect(readDocx(await render(model({ include: { assessment: false, matrix: false } }))).tables).toEqual([]);
  });

  it('sets the core properties: title, creator (the author), created and modified (the given time)', async () => {
    const doc = readDocx(await render(model({ author: 'Migrant Rights Network' })));
    expect(doc.core).toEqual({ title: 'Japan 2021: labour trafficking in the TITP', creator: 'Migrant Rights Network', created: '2026-06-01T09:30:00Z', modified: '2026-06-01T09:30:00Z' });
    expect(readDocx(await render(model())).core.creator).toBe('Fieldmark');
  });

  it('puts a table-of-contents field over Heading 1–2 only when asked, and embeds no font', async () => {
    const plain = readDocx(await render(model()));
    expect(plain.documentXml).not.toContain('TOC \\h');
    const withToc = readDocx(await render(model(), CREATED, true));
    expect(withToc.documentXml).toContain('TOC \\h \\o &quot;1-2&quot;');
    expect(Object.keys(withToc.files).filter((name) => /^word\/fonts\//u.test(name) || /\.(ttf|odttf|otf)$/u.test(name))).toEqual([]);
  });
});

describe('DOCX determinism', () => {
  it('gives the same bytes for the same model and time, and differs only in the timestamps for another time', async () => {
    const briefing = model({ groupBy: 'recommendation' });
    const [a, b] = [await render(briefing), await render(briefing)];
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const later = readDocx(await render(briefing, new Date(Date.UTC(2027, 0, 1))));
    const first = readDocx(a);
    expect(Object.keys(later.files)).toEqual(Object.keys(first.files));
    const differing = Object.keys(first.files).filter((name) => !Buffer.from(first.files[name]!).equals(Buffer.from(later.files[name]!)));
    expect(differing).toEqual(['docProps/core.xml']);
  });
});

describe('DOCX with hostile text', () => {
  it('stays well-formed and shows every hostile quote and note as text', async () => {
    const views = NASTY_STRINGS.map((s, i) => viewIn(100 + i, 'protection', 2, { exact: s, note: s, color: 'gap' }, i % 40, 5));
    const briefing = model({ title: '<script>alert(1)</script> & “title”', summary: NASTY_STRINGS.join('\n\n') }, views);
    const doc = readDocx(await render(briefing));
    const quotes = doc.paragraphs.filter((p) => p.style === 'Quote').map((p) => p.text);
    const notes = doc.paragraphs.filter((p) => p.text.startsWith('Note: ')).map((p) => p.text.slice('Note: '.length));
    // In document order (the views sit at different offsets); as sets, exactly the hostile strings.
    expect(quotes).toEqual(briefing.groups.flatMap((g) => g.items.map((i) => safeText(i.quote))));
    expect([...quotes].sort()).toEqual(NASTY_STRINGS.map(safeText).sort());
    expect([...notes].sort()).toEqual(NASTY_STRINGS.filter((s) => s !== '').map(safeText).sort());
    expect(doc.core.title).toBe('<script>alert(1)</script> & “title”');
  });
});

// pandoc comes from Debian's packages (.ci/run installs it); without it this fails rather than passing unseen.
describe('DOCX read by pandoc', () => {
  it('gives the same text a reader sees: quotes, notes, citations, headings and table cells', async () => {
    const briefing = model({ groupBy: 'recommendation', summary: 'Summary “one”.' });
    const dir = mkdtempSync(path.join(tmpdir(), 'briefing-'));
    try {
      const file = path.join(dir, 'b.docx');
      writeFileSync(file, await render(briefing));
      const plain = execFileSync('pandoc', ['-f', 'docx', '-t', 'plain', '--wrap=none', file], { encoding: 'utf8' });
      const words = (s: string) => s.split(/\s+/u).filter(Boolean).join(' ');
      const text = words(plain);
      for (const item of briefing.groups.flatMap((g) => g.items)) {
        expect(text).toContain(words(item.quote));
        expect(text).toContain(words(`— ${item.citation}`));
        if (item.note !== null) for (const line of item.note.split('\n').filter(Boolean)) expect(text).toContain(words(line));
      }
      for (const heading of ['Executive summary', 'Summary “one”.', 'Recommendation 1: Recommendation title 1', 'Partly addressed', 'Sources']) expect(text).toContain(heading);
      expect(text).toContain(briefing.source.sha256);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('DOCX heading styles', () => {
  it('give Heading 1–6 an outline level and keep each with the paragraph after it', async () => {
    const styles = new TextDecoder().decode(readDocx(await render(model())).files['word/styles.xml']);
    for (let level = 1; level <= 6; level++) {
      const style = new RegExp(`<w:style [^>]*w:styleId="Heading${level}"[^>]*>([\\s\\S]*?)</w:style>`, 'u').exec(styles)?.[1] ?? '';
      expect(style).toContain('<w:keepNext/>');
      expect(style).toContain(`<w:outlineLvl w:val="${level - 1}"/>`);
    }
  });
});
