import { cleanTag, tagKey } from '../../../../common/tag-identity';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { COLOR_IDS, type AnnotationView } from '../../../../preload/contract';
import { parseImport } from '../../../../main/core/exchange/import-parse';
import {
  ANNO_CONTEXT,
  DELETED_AT_KEY,
  UNKNOWN_SOURCE,
  colorFromStyleClass,
  exportableSource,
  renderW3C,
  styleClassFor,
  toW3C,
  toW3CAnnotation,
  type W3CExportInput,
} from '../../../../main/core/exchange/w3c-export';
import { failedCollectionMusts, failedMusts } from '../../../support/w3c-validator';
import { isoAt, report, storedAt, viewOf, w3cSampleViews as sampleViews } from '../../../support/exchange-fixtures';

const EXPORTED_AT = new Date(Date.UTC(2026, 10, 29, 10, 30, 0));

type Anno = Record<string, unknown> & {
  id: string;
  target: { source: string; styleClass: string; selector: Array<Record<string, unknown>> };
  body?: Array<{ type: string; value: string; purpose: string }>;
};

function input(annotations: AnnotationView[]): W3CExportInput {
  return { report: report(), annotations, exportedAt: EXPORTED_AT };
}

function itemsOf(collection: Record<string, unknown>): Anno[] {
  return (collection.first as { items: Anno[] }).items;
}

describe('toW3C', () => {
  // Our own checks of the model's MUSTs; `npm run test:conformance` runs the W3C suite itself.
  it('meets every MUST of the W3C model for every exported annotation', () => {
    const items = itemsOf(toW3C(input(sampleViews())));
    expect(items.length).toBe(sampleViews().length);
    for (const item of items) expect({ id: item.id, failed: failedMusts(item) }).toEqual({ id: item.id, failed: [] });
  });

  it('meets the MUSTs after a trip through the JSON text written to the file', () => {
    const parsed = JSON.parse(renderW3C(input(sampleViews()))) as Record<string, unknown>;
    for (const item of itemsOf(parsed)) expect(failedMusts(item)).toEqual([]);
  });

  it('is an AnnotationCollection that meets the collection MUSTs, with every item inline on the first page', () => {
    const collection = toW3C(input(sampleViews()));
    expect(failedCollectionMusts(collection)).toEqual([]);
    expect(collection.total).toBe(itemsOf(collection).length);
    expect(collection.first).toMatchObject({ type: 'AnnotationPage', startIndex: 0 });
    expect(String(collection.id)).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
  });

  it('still meets the collection MUSTs when there are no annotations', () => {
    const empty = toW3C(input([]));
    expect(empty.total).toBe(0);
    expect(failedCollectionMusts(empty)).toEqual([]);
    expect(itemsOf(empty)).toEqual([]);
  });

  it('keeps start ≤ end, within the text, with the quote at that position, for every placed annotation', () => {
    const { text, sha256 } = report();
    for (const item of itemsOf(toW3C(input(sampleViews())))) {
      const quote = item.target.selector.find((s) => s.type === 'TextQuoteSelector')!;
      const position = item.target.selector.find((s) => s.type === 'TextPositionSelector')!;
      const start = position.start as number;
      const end = position.end as number;
      expect(start).toBeLessThanOrEqual(end);
      expect(start).toBeGreaterThanOrEqual(0);
      if (item.target.source === `urn:sha256:${sha256}` && !String(quote.exact).includes('removed')) {
        expect(end).toBeLessThanOrEqual(text.length);
      }
    }
    const first = itemsOf(toW3C(input(sampleViews().slice(0, 2))))[0]!;
    const q = first.target.selector[0]!;
    const pos = first.target.selector[1]!;
    expect(text.slice(pos.start as number, pos.end as number)).toBe(q.exact);
  });

  it('maps note, tags, colour, dates and motivation onto the model', () => {
    const [commented, highlight] = sampleViews();
    const [a, b] = itemsOf(toW3C(input([commented!, highlight!])));
    expect(a).toMatchObject({
      '@context': [ANNO_CONTEXT, { fieldmark: 'urn:x-fieldmark:' }],
      id: `urn:uuid:${commented!.id}`,
      type: 'Annotation',
      motivation: 'commenting',
      created: isoAt(1),
      modified: isoAt(9),
      body: [
        { type: 'TextualBody', value: 'Check the 2020 figures', format: 'text/plain', purpose: 'commenting' },
        { type: 'TextualBody', value: 'legal/visa', purpose: 'tagging' },
        { type: 'TextualBody', value: 'shelters', purpose: 'tagging' },
      ],
      target: { type: 'SpecificResource', source: `urn:sha256:${report().sha256}`, styleClass: 'fieldmark-gap' },
      stylesheet: { type: 'CssStylesheet' },
    });
    expect(b!.motivation).toBe('highlighting');
    expect(b!.body).toBeUndefined();
    expect(colorFromStyleClass(b!.target.styleClass)).toBe('progress');
    expect(colorFromStyleClass('other-class')).toBeNull();
    expect(colorFromStyleClass(styleClassFor('question'))).toBe('question');
  });

  it('exports a deletion as fieldmark:deletedAt without its note or tags', () => {
    const tombstone = sampleViews()[2]!;
    const [item] = itemsOf(toW3C(input([tombstone])));
    expect(item![DELETED_AT_KEY]).toBe(isoAt(20));
    expect(item!.body).toBeUndefined();
    expect(JSON.stringify(item)).not.toContain('private thoughts');
    expect(JSON.stringify(item)).not.toContain('secret');
  });

  it('replaces a source that is not a valid absolute IRI, so the export stays valid', () => {
    for (const source of ['u:]', 'v9:#', 'w:?gIoq', 'a:b#[', 'x', 'http://a b', 'http://ex.org/%zz', 'http://ex.org/é', '']) {
      expect({ source, out: exportableSource(source) }).toEqual({ source, out: UNKNOWN_SOURCE });
    }
    for (const source of [`urn:sha256:${'a'.repeat(64)}`, 'https://en.wikipedia.org/wiki/Regression_testing', 'http://example.org/p?x=1#f', 'a:b']) {
      expect(exportableSource(source)).toBe(source);
    }
  });

  it('keeps an orphan’s original source and selectors instead of inventing a place for it', () => {
    const orphan = sampleViews()[3]!;
    const [item] = itemsOf(toW3C(input([orphan])));
    expect(item!.target.source).toBe(`urn:sha256:${'a'.repeat(64)}`);
    expect(item!.target.selector[0]).toEqual({ type: 'TextQuoteSelector', exact: 'a sentence that was removed', prefix: 'before ', suffix: ' after' });
  });

  it('gives the same bytes for the same data, whatever the input order', () => {
    const views = sampleViews();
    expect(renderW3C(input([...views].reverse()))).toBe(renderW3C(input(views)));
  });

  it('exports 300 random annotations that all pass the MUSTs and read back with the same fields', () => {
    const { text } = report();
    const date = fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString());
    const annotation = fc.record({
      start: fc.nat({ max: text.length - 1 }),
      length: fc.integer({ min: 1, max: 300 }),
      note: fc.string({ unit: 'binary', maxLength: 60 }),
      // Distinct by the tag rule and already clean, as the import gives them back (spellings of one tag become one).
      tags: fc.uniqueArray(fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 12 }).map(cleanTag).filter((t) => t !== '' && !t.includes(',')), { maxLength: 4, selector: tagKey }),
      color: fc.constantFrom(...COLOR_IDS),
      createdAt: date,
      updatedAt: date,
      deleted: fc.boolean(),
      orphanSource: fc.option(
        fc.oneof(fc.string({ maxLength: 20 }), fc.string({ unit: fc.constantFrom(...'a:/?#[]@!$&()*+,;=%4F-._~ é'.split('')), maxLength: 14 }).map((t) => `h:${t}`)),
        { nil: undefined },
      ),
    });
    fc.assert(
      fc.property(annotation, (spec) => {
        const end = Math.min(text.length, spec.start + spec.length);
        const record = storedAt({ start: spec.start, end, note: spec.note, tags: spec.tags, color: spec.color, createdAt: spec.createdAt, updatedAt: spec.updatedAt, deletedAt: spec.deleted ? spec.updatedAt : null }, 1);
        let view = viewOf(record);
        if (spec.orphanSource !== undefined) {
          view = { ...view, anchor: { status: 'orphan', score: 0 }, target: { ...view.target, source: spec.orphanSource } };
        }
        const item = toW3CAnnotation(view);
        if (failedMusts(JSON.parse(JSON.stringify(item))).length > 0) return false;
        const [back] = parseImport(JSON.stringify([item])).annotations;
        return (
          back!.id === record.id &&
          back!.color === spec.color &&
          back!.createdAt === spec.createdAt &&
          back!.updatedAt === spec.updatedAt &&
          back!.deletedAt === record.deletedAt &&
          back!.start === spec.start &&
          back!.end === end &&
          back!.exact === cleanExpected(text.slice(spec.start, end)) &&
          (spec.deleted || (back!.note === cleanExpected(spec.note).replace(/\r\n?/g, '\n') && JSON.stringify(back!.tags) === JSON.stringify(spec.tags)))
        );
      }),
      { numRuns: 300 },
    );
  });
});

/** What import keeps of a text: control characters other than tab and line breaks removed, lone surrogates replaced. */
function cleanExpected(text: string): string {
  return text.replace(/[^\P{Cc}\t\n\r]/gu, '').replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\uFFFD');
}
