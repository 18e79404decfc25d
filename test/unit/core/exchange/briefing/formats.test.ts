/**
 * The HTML and Markdown briefings (issue 15, part 4): the HTML is one file
 * with no script and a restrictive CSP, and every text in it is text (the
 * hostile strings of the hardening tests included); the Markdown reads back
 * through two CommonMark parsers with every quote and note exact; both are
 * byte-identical for the same store and options.
 */
import { describe, expect, it } from 'vitest';
import type { BriefingOptions } from '../../../../../preload/contract';
import { buildBriefing } from '../../../../../main/core/exchange/briefing/model';
import { renderBriefingHtml } from '../../../../../main/core/exchange/briefing/html';
import { renderBriefingMarkdown } from '../../../../../main/core/exchange/briefing/markdown';
import { safeText } from '../../../../../main/core/exchange/briefing/text-safety';
import { NASTY_STRINGS } from '../../../../support/nasty-strings';
import { PARSERS, hasHtml } from '../../../../support/markdown-ast';
import { markdownVisibleText } from '../../../../support/markdown-visible-text';
import { NOTE_EXACT, sampleInput, sampleViews, viewIn } from './briefing-fixtures';

const model = (options: Partial<BriefingOptions> = {}, views = sampleViews()) => buildBriefing(sampleInput(options, views));
const hostileViews = () => NASTY_STRINGS.map((s, i) => viewIn(100 + i, 'protection', 2, { exact: s, note: s, color: 'gap', tags: ['a|b'] }, i % 40, 5));
const hostileOptions = { title: '<script>alert(1)</script> “t”', subtitle: '<img src=x onerror=alert(1)>', author: '&amp; R&D', summary: NASTY_STRINGS.join('\n\n') };

/** The tags our renderer writes; any other `<` in the file would be markup that came from text. */
const OUR_TAG = /^<(?:!doctype html>|\/?(?:html|head|body|meta|title|style|main|header|section|h[1-6]|p|div|blockquote|cite|strong|code|table|thead|tbody|tr|th|td)(?: (?:lang|charset|http-equiv|content|name|class|scope)="[^"<>]*")*>)/u;

function decode(html: string): string {
  return html.replace(/&#(\d+);/gu, (_, n: string) => String.fromCharCode(Number(n)));
}

function elements(html: string, name: string): string[] {
  return [...html.matchAll(new RegExp(`<${name}(?: [^>]*)?>([\\s\\S]*?)</${name}>`, 'gu'))].map((m) => decode(m[1]!));
}

describe('HTML', () => {
  it('is one self-contained file: no script, no external resource, a restrictive CSP, a phone viewport', () => {
    const html = renderBriefingHtml(model());
    expect(html).toMatch(/^<!doctype html>\n<html lang="en">/u);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; base-uri 'none'; form-action 'none'">`);
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).not.toMatch(/<script|<link|<img|<iframe|<object|\ssrc=|\shref=|url\(|@import/iu);
    expect(html).toContain('@media print');
  });

  it('has every quote once per group with its citation, and the notes exactly', () => {
    const briefing = model({ groupBy: 'code' });
    const html = renderBriefingHtml(briefing);
    expect(elements(html, 'blockquote')).toEqual(briefing.groups.flatMap((g) => g.items.map((i) => i.quote)));
    const citations = [...html.matchAll(/<p class="citation">([\s\S]*?)<\/p>/gu)].map((m) => decode(m[1]!.replace(/<\/?cite>/gu, '')));
    expect(citations).toEqual(briefing.groups.flatMap((g) => g.items.map((i) => `— ${i.citation}`)));
    const notes = [...html.matchAll(/<p class="note"><strong>Note:<\/strong> ([\s\S]*?)<\/p>/gu)].map((m) => decode(m[1]!));
    expect(notes.filter((n) => n === NOTE_EXACT)).toHaveLength(2);
    // The groups, then the codebook appendix.
    expect(elements(html, 'h3')).toEqual(['Labour', 'Victims', 'Not coded', 'Labour', 'Victims']);
    expect(elements(html, 'h4')).toEqual(['TITP', 'TITP']);
  });

  it('shows every hostile string as text: only its own tags, every quote, note and title recovered exactly', () => {
    const briefing = model(hostileOptions, hostileViews());
    const html = renderBriefingHtml(briefing);
    for (const at of html.matchAll(/</gu)) {
      const tag = html.slice(at.index).match(OUR_TAG)?.[0] ?? html.slice(at.index, at.index + 40);
      expect(tag).toMatch(OUR_TAG);
    }
    // " onerror=" may appear as escaped text; never inside a tag.
    expect(html).not.toMatch(/<script|<[a-z][^>]*\son\w+=/iu);
    expect(elements(html, 'blockquote').sort()).toEqual(NASTY_STRINGS.map(safeText).sort());
    const notes = [...html.matchAll(/<p class="note"><strong>Note:<\/strong> ([\s\S]*?)<\/p>/gu)].map((m) => decode(m[1]!));
    expect(notes.sort()).toEqual(NASTY_STRINGS.filter((s) => s !== '').map(safeText).sort());
    expect(elements(html, 'title')).toEqual(['<script>alert(1)</script> “t”']);
    expect(elements(html, 'h1')).toEqual(['<script>alert(1)</script> “t”']);
    expect(html).toContain('<meta name="author" content="&#38;amp; R&#38;D">');
  });

  it('has the tables with a header row and a row each', () => {
    const html = renderBriefingHtml(model());
    const rows = [...html.matchAll(/<tr>([\s\S]*?)<\/tr>/gu)].map((m) => [...m[1]!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/gu)].map((c) => decode(c[1]!)));
    expect(rows.slice(0, 2)).toEqual([
      ['No.', 'Recommendation', 'Status', 'Progress', 'Gap', 'Context'],
      ['1', 'Recommendation title 1', 'Partly addressed', '1', '1', '0'],
    ]);
    expect(rows).toHaveLength(4 + 4);
    expect(rows[4]![0]).toBe('Code');
  });
});

describe('Markdown', () => {
  for (const { name, parse } of PARSERS) {
    it(`reads back with ${name}: the headings, every quote (hostile ones too) exactly, once per group, and no HTML`, () => {
      for (const briefing of [model({ groupBy: 'code' }), model(hostileOptions, hostileViews())]) {
        const parsed = parse(renderBriefingMarkdown(briefing));
        expect(hasHtml(parsed)).toBe(false);
        const quotes = parsed.blocks.filter((b) => b.type === 'blockquote').map((b) => b.text);
        expect(quotes).toEqual(briefing.groups.flatMap((g) => g.items.map((i) => markdownVisibleText(i.quote))));
        const h1 = parsed.blocks.filter((b) => b.type === 'heading' && b.level === 1).map((b) => b.text);
        expect(h1).toEqual([markdownVisibleText(briefing.meta.title)]);
        const notes = parsed.blocks.filter((b) => b.type === 'paragraph' && b.text.startsWith('Note: ')).map((b) => b.text.slice('Note: '.length));
        expect(notes).toEqual(briefing.groups.flatMap((g) => g.items.flatMap((i) => (i.note === null ? [] : [markdownVisibleText(i.note)]))));
      }
    });
  }

  it('has the parts as level-2 headings and groups one level down', () => {
    const parsed = PARSERS[0]!.parse(renderBriefingMarkdown(model({ groupBy: 'code', summary: 'S' })));
    const headings = parsed.blocks.filter((b) => b.type === 'heading').map((b) => `${b.level} ${b.text}`);
    expect(headings).toEqual([
      '1 Japan 2021: labour trafficking in the TITP',
      '2 Executive summary',
      '2 Evidence from the report',
      '3 Labour',
      '4 TITP',
      '3 Victims',
      '3 Not coded',
      '2 Recommendation assessment',
      '2 Coding matrix',
      '2 Appendix: codebook',
      '3 Labour',
      '4 TITP',
      '3 Victims',
      '2 Sources',
    ]);
  });
});

describe('determinism', () => {
  it('gives byte-identical HTML and Markdown for the same store and options, whatever order the views come in', () => {
    for (const groupBy of ['section', 'color', 'code', 'recommendation'] as const) {
      const views = sampleViews();
      const a = model({ groupBy, summary: 'S' }, views);
      const b = model({ groupBy, summary: 'S' }, [...views].reverse());
      expect(renderBriefingHtml(b)).toBe(renderBriefingHtml(a));
      expect(renderBriefingMarkdown(b)).toBe(renderBriefingMarkdown(a));
    }
  });
});
