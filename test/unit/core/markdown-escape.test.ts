import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { escapeMarkdown, markdownCode, markdownVisibleText } from '../../../main/core/markdown-escape';
import { PARSERS, hasHtml } from '../../support/markdown-ast';
import { NASTY_STRINGS } from '../../support/nasty-strings';
import { recordCounts } from '../../support/reliability-counts';


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

  it('escapes every ASCII punctuation character with a backslash', () => {
    const punctuation = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~';
    expect(escapeMarkdown(`a${punctuation}b`)).toBe(`a${[...punctuation].map((c) => `\\${c}`).join('')}b`);
  });

  it('writes a note’s inner line breaks as hard breaks and outer ones as references', () => {
    expect(escapeMarkdown('one\ntwo\r\nthree')).toBe('one\\\ntwo\\\nthree');
    expect(escapeMarkdown('\nmiddle\n')).toBe('&#10;middle&#10;');
    expect(escapeMarkdown('a\nb', { linePrefix: '> ' })).toBe('a\\\n> b');
    expect(escapeMarkdown('a\nb', { singleLine: true })).toBe('a&#10;b');
  });

  it('writes edge spaces, tabs and non-breaking spaces as character references', () => {
    expect(escapeMarkdown('  a  b  ')).toBe('&#32;&#32;a  b&#32;&#32;');
    expect(escapeMarkdown('a\u00a0b\tc')).toBe('a&#160;b&#9;c');
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
      recordCounts('Markdown escaping round trip (fast-check)', { badInputsTried: 1500 });
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
