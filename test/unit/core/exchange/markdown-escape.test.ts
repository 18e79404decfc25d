import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { escapeMarkdown, markdownCode } from '../../../../main/core/exchange/markdown-escape';
import { markdownVisibleText } from '../../../support/markdown-visible-text';
import { PARSERS, hasHtml, syntaxTypes, type SimpleBlock } from '../../../support/markdown-ast';
import { NASTY_STRINGS, hostileMarkdownText } from '../../../support/nasty-strings';
import { recordCounts } from '../../../support/reliability-counts';


function recoveredParagraph(markdown: string, parse: (typeof PARSERS)[number]['parse']): { text: string; types: string[] } {
  const parsed = parse(markdown);
  expect(hasHtml(parsed)).toBe(false);
  if (parsed.blocks.length === 0) return { text: '', types: [] };
  expect(parsed.blocks).toHaveLength(1);
  return { text: parsed.blocks[0]!.text, types: parsed.blocks[0]!.inlineTypes };
}

const INLINE_ALLOWED = new Set(['text', 'hardbreak', 'paragraph']);

describe('escapeMarkdown', () => {
  for (const { name, parse } of PARSERS) {
    it(`makes ${name} recover every nasty string exactly, as plain text with no HTML`, () => {
      for (const original of NASTY_STRINGS) {
        const { text, types } = recoveredParagraph(escapeMarkdown(original), parse);
        expect({ original, text }).toEqual({ original, text: markdownVisibleText(original) });
        expect(types.filter((t) => !INLINE_ALLOWED.has(t))).toEqual([]);
      }
    });

    it(`makes ${name} recover every nasty string inside a block quote`, () => {
      for (const original of NASTY_STRINGS) {
        const parsed = parse(`> ${escapeMarkdown(original, { linePrefix: '> ' })}`);
        expect(hasHtml(parsed)).toBe(false);
        expect(parsed.blocks).toHaveLength(1);
        expect(parsed.blocks[0]!.type).toBe('blockquote');
        expect({ original, text: parsed.blocks[0]!.text }).toEqual({ original, text: markdownVisibleText(original) });
      }
    });

    it(`makes ${name} recover every nasty string as a heading on one line`, () => {
      for (const original of NASTY_STRINGS.filter((s) => s !== '')) {
        const parsed = parse(`### ${escapeMarkdown(original, { singleLine: true })}`);
        expect(hasHtml(parsed)).toBe(false);
        expect(parsed.blocks).toHaveLength(1);
        expect(parsed.blocks[0]).toMatchObject({ type: 'heading', level: 3 });
        expect({ original, text: parsed.blocks[0]!.text }).toEqual({ original, text: markdownVisibleText(original) });
      }
    });

    it(`makes ${name} read every tag in a code span back exactly`, () => {
      for (const original of [...NASTY_STRINGS.filter((s) => !/[\r\n]/.test(s)), '`', 'a`b', '``', ' `x` ', ' a', 'a ']) {
        const { text } = recoveredParagraph(`Tags: ${markdownCode(original)} end`, parse);
        expect({ original, text }).toEqual({ original, text: `Tags: ${markdownVisibleText(original)} end` });
      }
    });
  }

  it('leaves punctuation that CommonMark does not read as syntax where it stands', () => {
    for (const prose of [
      '3.5 million yen (approximately $33,950)',
      'Article 7—“the Act” (ESA); 50% of cases: 2019/2020? Yes! {braces} ^caret @at',
      'a * b, 2 + 2 = 4, x_y_z, AT&T, R&D, 5 < 6 > 4, C:\\Users, #tag, 1.5 million, -5, +81, LGBTQI+ youth',
      'a ~ b, a ] b, a ! b, a | b, a = b, Section 4.',
      'in\u00a0Joshi\u00a0kosei\u3000or',
    ]) {
      expect(escapeMarkdown(prose)).toBe(prose);
      expect(escapeMarkdown(prose, { singleLine: true })).toBe(prose);
    }
  });

  it('escapes what would start a block at the start of a line, and only there', () => {
    const cases: Array<[string, string]> = [
      ['# Title', '\\# Title'],
      ['###### six', '\\###### six'],
      ['####### seven', '####### seven'],
      ['> quoted', '\\> quoted'],
      ['- item', '\\- item'],
      ['+ item', '\\+ item'],
      ['* item', '\\* item'],
      ['-', '\\-'],
      ['2020. The year', '2020\\. The year'],
      ['3) third', '3\\) third'],
      ['1234567890. too long for a list', '1234567890. too long for a list'],
      ['Title\n===', 'Title\\\n\\==='],
      ['Title\n---', 'Title\\\n\\---'],
      ['- - -', '\\- - -'],
      ['| a |\n|---|', '| a |\\\n\\|---|'],
      ['a | b\n:-: | -', 'a | b\\\n\\:-: | -'],
      ['```js', '\\`\\`\\`js'],
      ['~~~', '\\~\\~\\~'],
      ['***', '\\*\\*\\*'],
      ['___', '\\_\\_\\_'],
      ['<div>', '\\<div>'],
      ['[a]: /u', '\\[a]: /u'],
      ['one\n- two\n# three', 'one\\\n\\- two\\\n\\# three'],
      ['a # b > c - d + e', 'a # b > c - d + e'],
    ];
    for (const [text, escaped] of cases) expect({ text, out: escapeMarkdown(text) }).toEqual({ text, out: escaped });
    expect(escapeMarkdown('x\n> y', { linePrefix: '> ' })).toBe('x\\\n> \\> y');
  });

  it('escapes inline syntax only where it could open or close something', () => {
    const cases: Array<[string, string]> = [
      ['*emph*', '\\*emph\\*'],
      ['**strong**', '\\*\\*strong\\*\\*'],
      ['a*b', 'a\\*b'],
      ['a * b', 'a * b'],
      ['_x_', '\\_x\\_'],
      ['snake_case', 'snake_case'],
      ['a _ b', 'a _ b'],
      ['~~gone~~', '\\~\\~gone\\~\\~'],
      ['`code`', '\\`code\\`'],
      ['[link](u)', '\\[link](u)'],
      ['![img](u)', '!\\[img](u)'],
      ['<http://x>', '\\<http://x>'],
      ['<a@b.c>', '\\<a@b.c>'],
      ['</b>', '\\</b>'],
      ['< 5', '< 5'],
      ['&amp;', '\\&amp;'],
      ['&#38; &#x26;', '\\&#38; \\&#x26;'],
      // A name after `&` at the very end could be completed by the `;` of text that follows (`; ` in a filter line).
      ['AT&T, R&D', 'AT&T, R\\&D'],
      ['R&', 'R\\&'],
      ['x &amp', 'x \\&amp'],
      ['a\\*', 'a\\\\\\*'],
      ['C:\\dir', 'C:\\dir'],
      ['end\\', 'end\\\\'],
      ['a\\ b', 'a\\\\ b'],
    ];
    for (const [text, escaped] of cases) expect({ text, out: escapeMarkdown(text) }).toEqual({ text, out: escaped });
  });

  it('escapes a closing run of # in one-line text, which a heading would drop', () => {
    expect(escapeMarkdown('Section ##', { singleLine: true })).toBe('Section \\##');
    expect(escapeMarkdown('#######', { singleLine: true })).toBe('\\#######');
    expect(escapeMarkdown('C#', { singleLine: true })).toBe('C#');
    expect(escapeMarkdown('Section ##')).toBe('Section ##');
  });

  it('writes a note’s inner line breaks as hard breaks and outer ones as references', () => {
    expect(escapeMarkdown('one\ntwo\r\nthree')).toBe('one\\\ntwo\\\nthree');
    expect(escapeMarkdown('\nmiddle\n')).toBe('&#10;middle&#10;');
    expect(escapeMarkdown('a\nb', { linePrefix: '> ' })).toBe('a\\\n> b');
    expect(escapeMarkdown('a\nb', { singleLine: true })).toBe('a&#10;b');
  });

  it('writes edge spaces, tabs and edge non-breaking spaces as character references, and keeps spaces between words', () => {
    expect(escapeMarkdown('  a  b  ')).toBe('&#32;&#32;a  b&#32;&#32;');
    expect(escapeMarkdown('a\u00a0b\tc')).toBe('a\u00a0b&#9;c');
    expect(escapeMarkdown('\u00a0a\u3000', { singleLine: true })).toBe('&#160;a&#12288;');
    expect(escapeMarkdown('a \u00a0\nb')).toBe('a&#32;&#160;\\\nb');
    expect(escapeMarkdown('x \ny')).toBe('x&#32;\\\ny');
  });

  it('replaces NUL, control characters and lone surrogates with U+FFFD, and keeps surrogate pairs', () => {
    expect(escapeMarkdown('a\u0000b\u0007c\u0085d')).toBe('a\uFFFDb\uFFFDc\uFFFDd');
    expect(escapeMarkdown('x\ud800y\udc00z')).toBe('x\uFFFDy\uFFFDz');
    expect(escapeMarkdown('\ud83d\ude00')).toBe('\ud83d\ude00');
    expect(escapeMarkdown('end\ud83d')).toBe('end\uFFFD');
  });

  it('is the identity on text without markup characters', () => {
    expect(escapeMarkdown('Japan remained on Tier 2')).toBe('Japan remained on Tier 2');
  });

  const markdownUnits = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...'#*_`~<>&[]()!\\-+=|:.1 \t\n\r\u00a0\u3000'.split(''), '&amp;', '&#x41;', '<img src=x>', '<!--', '-->', '    ', '\r\n') },
    { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 4 }) },
    { weight: 1, arbitrary: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 3 }) },
  );
  const nastyText = fc.array(markdownUnits, { maxLength: 40 }).map((parts) => parts.join(''));

  for (const { name, parse } of PARSERS) {
    it(`makes ${name} recover 1,500 random strings exactly, in a paragraph and in a block quote`, () => {
      fc.assert(
        fc.property(nastyText, (original) => {
          const expected = markdownVisibleText(original);
          const paragraph = parse(escapeMarkdown(original));
          const quote = parse(`> ${escapeMarkdown(original, { linePrefix: '> ' })}`);
          if (hasHtml(paragraph) || hasHtml(quote)) return false;
          const paragraphText = paragraph.blocks.length === 0 ? '' : paragraph.blocks[0]!.text;
          return (
            paragraph.blocks.length <= 1 &&
            paragraphText === expected &&
            quote.blocks.length === 1 &&
            quote.blocks[0]!.text === expected &&
            quote.blocks[0]!.inlineTypes.every((t) => INLINE_ALLOWED.has(t))
          );
        }),
        { numRuns: 1500 },
      );
      recordCounts('Markdown escaping round trip (fast-check)', { hostileStringsRoundTripped: 1500 });
    });

    it(`makes ${name} read 1,000 random tags back from code spans`, () => {
      const tag = fc.string({ unit: fc.constantFrom('`', ' ', 'a', '#', '/', '\u00a0', '<', '&', '\\'), maxLength: 12 });
      fc.assert(
        fc.property(tag, (original) => {
          const parsed = parse(`Tags: ${markdownCode(original)} end`);
          return !hasHtml(parsed) && parsed.blocks.length === 1 && parsed.blocks[0]!.text === `Tags: ${original} end`;
        }),
        { numRuns: 1000 },
      );
    });
  }

  it('recovers the visible text without control characters unchanged', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        const hasControls = /[^\P{Cc}\t\n]/u.test(s);
        return hasControls || markdownVisibleText(s) === s;
      }),
      { numRuns: 1000 },
    );
  });
});

interface Placed {
  markdown: string;
  type: SimpleBlock['type'];
  text: string;
}

const line = (s: string) => escapeMarkdown(s, { singleLine: true });
const seen = markdownVisibleText;

/** Every way the export writes escaped text: alone, and next to other escaped text on one line. */
const PLACES: Record<string, (a: string, b: string) => Placed> = {
  paragraph: (a) => ({ markdown: escapeMarkdown(a), type: 'paragraph', text: seen(a) }),
  'block quote': (a) => ({ markdown: `> ${escapeMarkdown(a, { linePrefix: '> ' })}`, type: 'blockquote', text: seen(a) }),
  heading: (a) => ({ markdown: `### ${line(a)}`, type: 'heading', text: seen(a) }),
  'list item': (a) => ({ markdown: `- Tier: ${line(a)}`, type: 'list', text: `Tier: ${seen(a)}` }),
  'heading of citation and label': (a, b) => ({
    markdown: `### ${line(a)} (last known place) · ${line(b)}`,
    type: 'heading',
    text: `${seen(a)} (last known place) · ${seen(b)}`,
  }),
  'filter line': (a, b) => ({
    markdown: `- Filter: colours: ${line(a)}, ${line(b)}; text: ${line(b)}`,
    type: 'list',
    text: `Filter: colours: ${seen(a)}, ${seen(b)}; text: ${seen(b)}`,
  }),
};

describe('escapeMarkdown in every place the export writes text', () => {
  for (const { name, parse } of PARSERS) {
    it(`makes ${name} show 1,500 syntax-heavy strings exactly, as plain text, in paragraphs, quotes, headings and lists`, () => {
      fc.assert(
        fc.property(hostileMarkdownText, hostileMarkdownText, (a, b) => {
          for (const [place, put] of Object.entries(PLACES)) {
            const { markdown, type, text } = put(a, b);
            const parsed = parse(markdown);
            const got = parsed.blocks.map((block) => ({ type: block.type, text: block.text }));
            expect({ place, markdown, got, syntax: syntaxTypes(parsed) }).toEqual({ place, markdown, got: [{ type, text }], syntax: [] });
          }
        }),
        { numRuns: 1500 },
      );
    });
  }
});
