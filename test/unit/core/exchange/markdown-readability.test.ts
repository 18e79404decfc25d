import { describe, expect, it } from 'vitest';
import { DEFAULT_LEGEND, MarkdownOptions, type AnnotationView } from '../../../../preload/contract';
import { renderMarkdown } from '../../../../main/core/exchange/markdown-export';
import { PARSERS } from '../../../support/markdown-ast';
import { report, storedAt, viewOf } from '../../../support/exchange-fixtures';

/** The rule the export used before: a backslash before every ASCII punctuation mark (for comparison only). */
function escapeAllPunctuation(text: string): string {
  return text.replace(/[!-/:-@[-`{-~]/g, '\\$&');
}

const SENTENCE = /\S[^]*?(?:[.!?]+[”’")]*(?=\s|$)|$)/g;

/** Every block of the report, and every sentence of each block, as [start, end) ranges. */
function reportQuotes(): Array<{ start: number; end: number }> {
  const { text, blocks } = report();
  const ranges: Array<{ start: number; end: number }> = [];
  for (const block of blocks) {
    ranges.push({ start: block.start, end: block.end });
    for (const match of text.slice(block.start, block.end).matchAll(SENTENCE)) {
      const start = block.start + match.index;
      ranges.push({ start, end: start + match[0].length });
    }
  }
  return ranges;
}

function countBackslashes(text: string): number {
  let n = 0;
  for (const ch of text) if (ch === '\\') n++;
  return n;
}

describe('Markdown export readability', () => {
  it('quotes the report’s blocks and sentences with fewer than 1 backslash per 1,000 characters, exactly', () => {
    const views: AnnotationView[] = reportQuotes().map((range, i) => viewOf(storedAt(range, i + 1)));
    const markdown = renderMarkdown({
      report: report(),
      annotations: views,
      options: MarkdownOptions.parse({}),
      legend: DEFAULT_LEGEND,
      exportedAt: new Date(Date.UTC(2026, 10, 29)),
    });

    // Exact first: every quote reads back as the report's text in both parsers, in export order.
    const expected = [...views].sort((a, b) => a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : 1)).map((v) => v.exact);
    for (const { name, parse } of PARSERS) {
      const quotes = parse(markdown).blocks.filter((b) => b.type === 'blockquote').map((b) => b.text);
      expect({ name, same: quotes.length === expected.length && quotes.every((q, i) => q === expected[i]) }).toEqual({ name, same: true });
    }

    const characters = views.reduce((sum, v) => sum + v.exact.length, 0);
    const quoteLines = markdown.split('\n').filter((line) => line.startsWith('> '));
    const now = countBackslashes(quoteLines.map((line) => line.slice(2)).join('\n'));
    const before = views.reduce((sum, v) => sum + countBackslashes(escapeAllPunctuation(v.exact)), 0);
    const references = quoteLines.join('\n').match(/&#[0-9]+;/g)?.length ?? 0;
    const perThousand = (n: number) => (n / characters) * 1000;
    console.log(
      `Markdown quotes: ${views.length} quotes, ${characters} characters, ${references} character references; backslashes ${now} ` +
        `(${perThousand(now).toFixed(2)} per 1,000 characters); escaping every ASCII punctuation mark: ` +
        `${before} (${perThousand(before).toFixed(2)} per 1,000)`,
    );
    expect(perThousand(now)).toBeLessThan(1);
    expect(perThousand(before)).toBeGreaterThan(10 * Math.max(perThousand(now), 0.1));
  });
});
