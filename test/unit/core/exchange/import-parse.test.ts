import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FieldmarkError } from '../../../../preload/rpc';
import { cleanText, parseImport, uuidFromForeignId } from '../../../../main/core/exchange/import-parse';
import { planImport } from '../../../../main/core/exchange/import-merge';
import { MAX_JSON_DEPTH, jsonDepthExceeds } from '../../../../main/core/validation/safe-json';
import { renderW3C, toW3CAnnotation } from '../../../../main/core/exchange/w3c-export';
import { isoAt, ownFixtures, report, storedAt, uuidFor, viewOf } from '../../../support/exchange-fixtures';
import { recordCounts } from '../../../support/reliability-counts';

function paragraph(n: number) {
  return report().blocks.filter((b) => b.kind === 'paragraph')[n]!;
}

/** A W3C annotation on the bundled report, as our export writes it. */
function w3c(n: number, extra: Parameters<typeof storedAt>[0] | null = null): Record<string, unknown> {
  const p = paragraph(n);
  return toW3CAnnotation(viewOf(storedAt(extra ?? { start: p.start, end: p.start + 50, note: `note ${n}`, tags: ['t'] }, n)));
}

function rejects(content: string): string {
  try {
    parseImport(content);
  } catch (error) {
    expect(error).toBeInstanceOf(FieldmarkError);
    expect((error as FieldmarkError).code).toBe('INVALID_IMPORT');
    return (error as FieldmarkError).message;
  }
  throw new Error(`accepted: ${content.slice(0, 80)}`);
}

describe('parseImport: accepted shapes', () => {
  it('reads our own W3C export back with every field', () => {
    const p = paragraph(3);
    const record = storedAt({ start: p.start + 4, end: p.start + 44, note: 'Line one\nline two', tags: ['legal/visa', 'b'], color: 'statistic', createdAt: isoAt(1), updatedAt: isoAt(2) }, 7);
    const tombstone = storedAt({ start: p.start, end: p.start + 10, deletedAt: isoAt(5), updatedAt: isoAt(5) }, 8);
    const content = renderW3C({ report: report(), annotations: [viewOf(record), viewOf(tombstone)], exportedAt: new Date(isoAt(10)) });
    const parsed = parseImport(content);
    expect(parsed.format).toBe('Fieldmark Web Annotations');
    const byId = new Map(parsed.annotations.map((a) => [a.id, a]));
    expect(byId.get(record.id)).toMatchObject({
      originalId: null,
      createdAt: isoAt(1),
      updatedAt: isoAt(2),
      deletedAt: null,
      color: 'statistic',
      note: 'Line one\nline two',
      tags: ['legal/visa', 'b'],
      source: `urn:sha256:${report().sha256}`,
      sha256: report().sha256,
      start: p.start + 4,
      end: p.start + 44,
      exact: record.target.selector[1].exact,
      prefix: record.target.selector[1].prefix,
      suffix: record.target.selector[1].suffix,
    });
    expect(byId.get(tombstone.id)).toMatchObject({ deletedAt: isoAt(5), note: '', tags: [] });
  });

  it('reads a plain array, a page and a single annotation', () => {
    expect(parseImport(JSON.stringify([w3c(1), w3c(2)])).annotations).toHaveLength(2);
    expect(parseImport(JSON.stringify({ type: 'AnnotationPage', items: [w3c(1)] })).annotations).toHaveLength(1);
    expect(parseImport(JSON.stringify(w3c(4))).annotations[0]!.note).toBe('note 4');
    expect(parseImport(JSON.stringify({ type: 'AnnotationCollection', items: [w3c(1)] })).format).toBe('W3C Web Annotations');
  });

  it('reads the Hypothesis export shapes { rows } and { annotations } with text, tags and dates', () => {
    const rowsFile = readFileSync(path.join(ownFixtures, 'hypothesis-export-rows.json'), 'utf8');
    const rows = JSON.parse(rowsFile) as { rows: Array<Record<string, unknown>> };
    const parsed = parseImport(rowsFile);
    expect(parsed.format).toBe('Hypothesis export');
    expect(parsed.annotations).toHaveLength(3);
    expect(parsed.annotations[0]).toMatchObject({
      originalId: 'Hx3pLw9qEe-0aZb7YcQk2g',
      id: uuidFromForeignId('Hx3pLw9qEe-0aZb7YcQk2g'),
      note: 'Timetable change',
      tags: [],
      exact: 'the winter ferry timetables',
      prefix: 'The harbour master presented ',
      suffix: ' for the island crossings.\n',
      start: 2310,
      end: 2337,
      createdAt: '2025-11-20T07:45:31.418Z',
      source: 'https://example.org/minutes/harbour-council-2025-11.html',
      sha256: null,
      color: null,
    });
    expect(parsed.annotations[1]).toMatchObject({ note: 'Who pays for the lighthouse repairs?', tags: ['budget', 'lighthouse'], updatedAt: '2025-11-21T18:02:47.300Z' });
    // No creation date: the modification date stands in; a quote alone has no position.
    expect(parsed.annotations[2]).toMatchObject({ note: '', tags: ['moorings'], createdAt: '2025-11-22T09:00:00.000Z', start: null, prefix: '', suffix: '' });
    const asAnnotations = parseImport(JSON.stringify({ export_date: '2026-01-01', annotations: [{ ...rows.rows[1], tags: ['a', 'b'] }] }));
    expect(asAnnotations.annotations[0]).toMatchObject({ note: 'Who pays for the lighthouse repairs?', tags: ['a', 'b'] });
    const onReport = parseImport(readFileSync(path.join(ownFixtures, 'hypothesis-export-annotations.json'), 'utf8'));
    expect(onReport.format).toBe('Hypothesis export');
    expect(onReport.annotations.map((a) => [a.exact, a.tags])).toEqual([
      ['does not fully meet the minimum standards for the elimination of trafficking', ['tier', 'compare']],
      ['Technical Intern Training Program', ['TITP']],
    ]);
  });

  it('normalizes selector as object or array, target as string, object or array, and missing prefix/suffix', () => {
    const quote = { type: 'TextQuoteSelector', exact: 'Japan' };
    const position = { type: 'TextPositionSelector', start: 3, end: 8 };
    const forms = [
      { target: { source: 'x', selector: quote } },
      { target: [{ source: 'x', selector: [position, quote] }] },
      { target: ['http://example.org/page', { source: 'x', selector: [quote] }] },
      { target: { source: 'x', selector: { type: 'FragmentSelector', value: 'p1', refinedBy: quote } } },
    ];
    for (const form of forms) {
      const [a] = parseImport(JSON.stringify([{ type: 'Annotation', ...form }])).annotations;
      expect(a).toMatchObject({ exact: 'Japan', prefix: '', suffix: '', source: 'x' });
    }
    const [linkOnly] = parseImport(JSON.stringify([{ target: 'http://example.org/page' }])).annotations;
    expect(linkOnly).toMatchObject({ exact: null, start: null, source: 'http://example.org/page' });
  });

  it('normalizes bodies given as a string, an object, an array, a bodyValue or a Choice', () => {
    const target = { source: 'x', selector: { type: 'TextQuoteSelector', exact: 'Japan' } };
    const note = (body: Record<string, unknown>) => parseImport(JSON.stringify([{ target, ...body }])).annotations[0]!;
    expect(note({ body: 'plain text' }).note).toBe('plain text');
    expect(note({ body: { type: 'TextualBody', value: 'one' } }).note).toBe('one');
    expect(note({ bodyValue: 'value' }).note).toBe('value');
    expect(note({ body: { type: 'Choice', items: [{ type: 'TextualBody', value: 'first' }, { value: 'second' }] } }).note).toBe('first');
    expect(note({ body: { id: 'http://example.org/review' } }).note).toBe('http://example.org/review');
    const both = note({
      body: [
        { type: 'TextualBody', value: 'a', purpose: 'commenting' },
        { type: 'TextualBody', value: 'b', purpose: 'describing' },
        { type: 'TextualBody', value: 'x', purpose: ['tagging'] },
      ],
    });
    expect(both).toMatchObject({ note: 'a\n\nb', tags: ['x'] });
  });

  it('removes control characters, repairs lone surrogates and turns CRLF into LF in notes', () => {
    const a = parseImport(
      JSON.stringify([
        {
          target: { source: 'x', selector: { type: 'TextQuoteSelector', exact: 'Ja\u0000pan\u0007', prefix: '\u001b[31m' } },
          body: { value: 'bell\u0007 nul\u0000 c1\u0085 tab\tkept\r\nnext\rlast' },
          tags: ['\u0001tag', 'lone \ud800'],
        },
      ]),
    ).annotations[0]!;
    expect(a.exact).toBe('Japan');
    expect(a.prefix).toBe('[31m');
    expect(a.note).toBe('bell nul c1 tab\tkept\nnext\nlast');
    expect(a.tags).toEqual(['tag', 'lone \uFFFD']);
    expect(cleanText('\u007f\u009fok')).toBe('ok');
  });

  it('trims tags, splits them at commas and drops duplicates and empty ones', () => {
    const a = parseImport(JSON.stringify({ rows: [{ target: [{ selector: [{ type: 'TextQuoteSelector', exact: 'x' }] }], tags: [' a ', 'b, c', 'a', '', ' , '] }] }))
      .annotations[0]!;
    expect(a.tags).toEqual(['a', 'b', 'c']);
  });

  it('reads "TITP", "titp" and full-width "ＴＩＴＰ" as one tag, spelled as first written', () => {
    const a = parseImport(JSON.stringify({ rows: [{ target: [{ selector: [{ type: 'TextQuoteSelector', exact: 'x' }] }], tags: ['TITP', 'titp, ＴＩＴＰ', ' ＴＩＴＰ ', 'visa'] }] }))
      .annotations[0]!;
    expect(a.tags).toEqual(['TITP', 'visa']);
  });

  it('keeps UUIDs (lower-cased, with or without urn:uuid:) and maps other ids to stable UUIDs', () => {
    const upper = uuidFor(5).toUpperCase();
    const [a, b, c, d] = parseImport(
      JSON.stringify([
        { id: `urn:uuid:${upper}`, target: 'x' },
        { id: uuidFor(6), target: 'x' },
        { id: 'http://example.org/anno1', target: 'x' },
        { target: 'x' },
      ]),
    ).annotations;
    expect(a!.id).toBe(uuidFor(5));
    expect(b!.id).toBe(uuidFor(6));
    expect(c!.id).toBe(uuidFromForeignId('http://example.org/anno1'));
    expect(c!.originalId).toBe('http://example.org/anno1');
    expect(d!.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(parseImport(JSON.stringify([{ target: 'x' }])).annotations[0]!.id).toBe(parseImport(JSON.stringify([{ target: 'x' }])).annotations[0]!.id);
  });

  it('accepts a byte-order mark and dates with offsets', () => {
    const [a] = parseImport(`\uFEFF${JSON.stringify([{ target: 'x', created: '2021-06-01T09:00:00+09:00', modified: '2021-06-02' }])}`).annotations;
    expect(a).toMatchObject({ createdAt: '2021-06-01T00:00:00.000Z', updatedAt: '2021-06-02T00:00:00.000Z' });
  });
});

describe('parseImport: bad input', () => {
  const target = { source: 'x', selector: { type: 'TextQuoteSelector', exact: 'Japan' } };
  const one = (item: Record<string, unknown>) => JSON.stringify([{ target, ...item }]);

  it('refuses text that is not JSON', () => {
    expect(rejects('this is not json')).toMatch(/^The file is not valid JSON .*Choose a \.jsonld or \.json file/);
    expect(rejects('{"a": [1, 2,]}')).toMatch(/not valid JSON/);
  });

  it('refuses an empty file', () => {
    expect(rejects('')).toBe('The file is empty. Nothing was imported.');
    expect(rejects(' \n\t')).toBe('The file is empty. Nothing was imported.');
  });

  it('refuses a file over the 50 MB cap without parsing it', () => {
    const big = `[${'"x",'.repeat(13 * 1024 * 1024)}"x"]`;
    expect(rejects(big)).toMatch(/^The file is 52\.0 MB, larger than the 50\.0 MB Fieldmark accepts\./);
    expect(rejects(`"${'é'.repeat(26 * 1024 * 1024)}"`)).toMatch(/larger than the 50\.0 MB/);
  });

  it('refuses nesting deeper than the limit, even 100,000 deep, without overflowing the stack', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    expect(rejects(deep)).toBe(`The file is nested more than ${MAX_JSON_DEPTH} levels deep, which no annotation file is. Nothing was imported.`);
    expect(rejects('{"a":'.repeat(70) + '1' + '}'.repeat(70))).toMatch(/nested more than/);
    expect(jsonDepthExceeds('["[[[[[[", {"a": "{{{{"}]', 2)).toBe(false);
    expect(jsonDepthExceeds('[[["\\"[["]]]', 2)).toBe(true);
  });

  it('refuses __proto__, constructor and prototype keys anywhere, and never pollutes Object.prototype', () => {
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      const content = `[{"target": "x", "body": {"value": "n", "${key}": {"polluted": true, "isAdmin": true}}}]`;
      expect(rejects(content)).toBe(`The file contains a key named "${key}", which annotation files never use; it was refused to keep Fieldmark safe. Nothing was imported.`);
    }
    expect(rejects('{"__proto__": {"polluted": true}, "rows": []}')).toMatch(/"__proto__"/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  it('refuses JSON of the wrong shape, naming what it found', () => {
    expect(rejects('42')).toMatch(/^The file holds a number, not annotations\./);
    expect(rejects('"text"')).toMatch(/^The file holds a string, not annotations\./);
    expect(rejects('null')).toMatch(/^The file holds null, not annotations\./);
    expect(rejects('{"notes": []}')).toMatch(/^The file is JSON but not an annotation file: Fieldmark reads W3C Web Annotations .* and Hypothesis exports/);
    expect(rejects('{"type": "AnnotationCollection", "total": 3, "first": "http://example.org/page1"}')).toMatch(/first page is only a link/);
    expect(rejects('{"type": "AnnotationCollection", "total": 3, "first": {"type": "AnnotationPage"}}')).toMatch(/no list of annotations \("first\.items"\)/);
    expect(rejects('{"type": "AnnotationCollection", "total": 3, "first": {"items": [], "next": "http://x/2"}}')).toMatch(/continues on further pages/);
    expect(rejects('{"type": "AnnotationPage"}')).toMatch(/no list of annotations \("items"\)/);
    expect(rejects('[1]')).toBe('Annotation 1 in the file is a number, not an annotation.');
    expect(rejects('[{"target": 5}]')).toBe('Annotation 1 has a target that is a number, not a link or an object.');
  });

  it('refuses a file with no annotations', () => {
    expect(rejects('[]')).toBe('The file holds no annotations. Nothing was imported.');
    expect(rejects('{"total": 0, "rows": []}')).toBe('The file holds no annotations. Nothing was imported.');
  });

  it('refuses positions out of range: negative, reversed, fractional, not numbers, beyond safe integers', () => {
    const withPosition = (start: unknown, end: unknown) =>
      JSON.stringify([{ id: 'a1', target: { source: 'x', selector: [{ type: 'TextPositionSelector', start, end }] } }]);
    expect(rejects(withPosition(-1, 5))).toBe(
      'Annotation 1 (a1) has a position that is out of range (start -1, end 5): positions are whole numbers from 0, with start no greater than end.',
    );
    expect(rejects(withPosition(9, 5))).toMatch(/out of range \(start 9, end 5\)/);
    expect(rejects(withPosition(1.5, 5))).toMatch(/out of range/);
    expect(rejects(withPosition('1', 5))).toMatch(/out of range/);
    expect(rejects(withPosition(0, 2 ** 60))).toMatch(/out of range/);
    expect(rejects(withPosition(null, 3))).toMatch(/out of range/);
  });

  it('refuses quotes, notes, tags, ids and dates of the wrong type', () => {
    expect(rejects(JSON.stringify([{ target: { source: 'x', selector: { type: 'TextQuoteSelector', exact: 5 } } }]))).toBe(
      'Annotation 1 has a quote whose "exact" is a number, not text.',
    );
    expect(rejects(one({ body: { value: ['a'] } }))).toBe('Annotation 1 has a body whose value is a list, not text.');
    expect(rejects(one({ body: [7] }))).toBe('Annotation 1 has a body that is a number, not text or an object.');
    expect(rejects(one({ bodyValue: 3 }))).toBe('Annotation 1 has a bodyValue that is a number, not text.');
    expect(rejects(one({ text: { a: 1 } }))).toBe('Annotation 1 has a "text" (its note) that is an object, not text.');
    expect(rejects(one({ tags: 'a,b' }))).toBe('Annotation 1 has "tags" that are a string, not a list.');
    expect(rejects(one({ tags: ['a', 3] }))).toBe('Annotation 1 has a tag that is a number, not text.');
    expect(rejects(one({ id: ['a', 'b'] }))).toBe('Annotation 1 has an id that is a list, not a single piece of text.');
    expect(rejects(one({ id: 'x1', created: 'yesterday' }))).toBe('Annotation 1 (x1) has a creation date that is not a valid date ("yesterday").');
    expect(rejects(one({ modified: 1700000000 }))).toBe('Annotation 1 has a modification date that is not a valid date (a number).');
    expect(rejects(one({ modified: '2026-13-45' }))).toMatch(/modification date that is not a valid date/);
    expect(rejects(one({ 'fieldmark:deletedAt': 'soon' }))).toBe('Annotation 1 has a deletion date that is not a valid date ("soon").');
  });

  it('refuses the same annotation twice in one file', () => {
    expect(rejects(JSON.stringify([{ id: 'dup', target: 'x' }, { id: 'other', target: 'x' }, { id: 'dup', target: 'x' }]))).toBe(
      'The file lists the same annotation twice (items 1 and 3, id dup). Nothing was imported.',
    );
  });

  it('refuses tags and notes over the app’s limits', () => {
    expect(rejects(one({ tags: ['x'.repeat(65)] }))).toMatch(/^Annotation 1 has a tag longer than 64 characters \("x{57}…"\)\.$/);
    // A code path (issue 13): the limit is per part, so an export of deep codes comes back in.
    expect(parseImport(one({ tags: [`${'a'.repeat(64)}/${'b'.repeat(64)}`] })).annotations[0]!.tags).toEqual([`${'a'.repeat(64)}/${'b'.repeat(64)}`]);
    expect(rejects(one({ tags: [`a/${'x'.repeat(65)}`] }))).toMatch(/^Annotation 1 has a tag path with a part longer than 64 characters/);
    expect(rejects(one({ tags: Array.from({ length: 51 }, (_, i) => `t${i}`) }))).toBe('Annotation 1 has 51 tags; an annotation can have at most 50.');
    expect(rejects(one({ body: { value: 'n'.repeat(100_001) } }))).toBe('Annotation 1 has a note longer than 100,000 characters.');
  });
});

describe('parseImport: property', () => {
  const sample = renderW3C({
    report: report(),
    annotations: [1, 2, 3].map((n) => viewOf(storedAt({ start: paragraph(n).start, end: paragraph(n).start + 30, note: `n${n}`, tags: ['a'] }, n))),
    exportedAt: new Date(isoAt(0)),
  });

  /** Random edits of a valid export: cut, duplicated, overwritten with JSON noise. */
  const mutated = fc
    .tuple(fc.nat({ max: sample.length }), fc.nat({ max: 40 }), fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('{', '}', '[', ']', '"', ',', ':', '-1', '1e400', '"__proto__":{}', 'null', '\\u0000', '\\ud800')))
    .map(([at, cut, insert]) => sample.slice(0, at) + insert + sample.slice(at + cut));
  const jsonValues = fc.jsonValue({ maxDepth: 6 }).map((v) => JSON.stringify(v));
  const shapedItem = fc
    .record({
      id: fc.oneof(fc.string(), fc.uuid(), fc.constant(undefined), fc.integer()),
      target: fc.oneof(fc.string(), fc.jsonValue({ maxDepth: 2 }), fc.record({ source: fc.string(), selector: fc.array(fc.record({ type: fc.constantFrom('TextQuoteSelector', 'TextPositionSelector', 'RangeSelector'), exact: fc.oneof(fc.string(), fc.integer()), start: fc.oneof(fc.integer(), fc.double()), end: fc.integer(), prefix: fc.string() }, { requiredKeys: ['type'] }), { maxLength: 3 }) })),
      body: fc.jsonValue({ maxDepth: 3 }),
      text: fc.oneof(fc.string(), fc.jsonValue({ maxDepth: 1 })),
      tags: fc.oneof(fc.array(fc.string({ maxLength: 70 }), { maxLength: 4 }), fc.jsonValue({ maxDepth: 1 })),
      created: fc.oneof(fc.string(), fc.date({ noInvalidDate: true }).map((d) => d.toISOString())),
      'fieldmark:deletedAt': fc.oneof(fc.constant(null), fc.string()),
    }, { requiredKeys: [] });
  const shaped = fc
    .tuple(fc.constantFrom('rows', 'annotations', 'array'), fc.array(shapedItem, { minLength: 1, maxLength: 3 }))
    .map(([shape, items]) => JSON.stringify(shape === 'array' ? items : { [shape]: items }));
  const anyInput = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), jsonValues, mutated, shaped);

  it('never throws anything but INVALID_IMPORT and never pollutes prototypes, over 10,000 inputs', () => {
    const existing = [storedAt({ start: paragraph(1).start, end: paragraph(1).start + 30, note: 'n1', tags: ['a'] }, 1)];
    let refused = 0;
    let accepted = 0;
    fc.assert(
      fc.property(anyInput, (content) => {
        try {
          const parsed = parseImport(content);
          planImport(parsed, { report: report(), existing, now: new Date(isoAt(100)) });
          accepted += 1;
        } catch (error) {
          if (!(error instanceof FieldmarkError) || error.code !== 'INVALID_IMPORT') throw error;
          refused += 1;
          // A message is plain, readable text: no control characters, no broken surrogates.
          if (error.message.length === 0 || /\p{Cc}|\p{Cs}/u.test(error.message)) return false;
        }
        return Object.getOwnPropertyNames(Object.prototype).every((k) => k !== 'polluted') && ({} as { polluted?: unknown }).polluted === undefined;
      }),
      { numRuns: 10_000 },
    );
    // Some generated inputs are valid files (a shaped item can be a real annotation): they are counted apart.
    expect(refused + accepted).toBe(10_000);
    recordCounts('import parser (fast-check)', { badInputsRefused: refused, validInputsAccepted: accepted });
  });
});
