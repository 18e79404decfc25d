import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { COLOR_IDS } from '../../preload/contract';
import { renderW3C, toW3C, toW3CAnnotation, type W3CExportInput } from '../../main/core/exchange/w3c-export';
import { report, storedAt, viewOf, w3cSampleViews } from '../support/exchange-fixtures';
import { failedMusts } from '../support/w3c-validator';
import { createW3CAjv, failedSuiteMusts, mustChecks, type MustCheck } from './w3c-suite';
import { w3cTestsDir } from './suite-dir';

const EXPORTED_AT = new Date(Date.UTC(2026, 10, 29, 10, 30, 0));
type Json = Record<string, unknown>;

function input(annotations = w3cSampleViews()): W3CExportInput {
  return { report: report(), annotations, exportedAt: EXPORTED_AT };
}

function itemsOf(collection: Json): Json[] {
  return (collection.first as { items: Json[] }).items;
}

/** The suite's sample files in tools/samples/<kind>, parsed leniently (most incorrect ones have trailing commas). */
function samples(kind: 'correct' | 'incorrect'): Array<{ name: string; text: string; value: unknown }> {
  const dir = path.join(w3cTestsDir(), 'tools/samples', kind);
  return readdirSync(dir)
    .filter((n) => n.endsWith('.json'))
    .sort()
    .map((name) => {
      const text = readFileSync(path.join(dir, name), 'utf8');
      const lenient = text.replace(/,(\s*[}\]])/g, '$1');
      let value: unknown;
      try {
        value = JSON.parse(lenient);
      } catch {
        value = undefined;
      }
      return { name, text, value };
    });
}

describe('the W3C Web Annotation test suite', () => {
  let checks: MustCheck[];
  beforeAll(() => {
    checks = mustChecks();
  });

  it('passes every MUST assertion of the suite for every exported annotation', () => {
    const items = itemsOf(toW3C(input()));
    expect(items.length).toBe(w3cSampleViews().length);
    expect(checks.length).toBe(54);
    for (const item of items) expect({ id: item.id, failed: failedSuiteMusts(checks, item) }).toEqual({ id: item.id, failed: [] });
  });

  it('passes the MUSTs after a trip through the JSON text written to the file', () => {
    for (const item of itemsOf(JSON.parse(renderW3C(input())) as Json)) expect(failedSuiteMusts(checks, item)).toEqual([]);
  });

  it('rejects every incorrect sample of the suite (as JSON or by a MUST), and accepts the current correct ones', () => {
    const incorrect = samples('incorrect');
    expect(incorrect.length).toBeGreaterThan(30);
    for (const { name, text, value } of incorrect) {
      if (typeof value !== 'object' || value === null) {
        expect(() => JSON.parse(text), name).toThrow(SyntaxError);
        continue;
      }
      expect({ name, failed: failedSuiteMusts(checks, value).length > 0 }).toEqual({ name, failed: true });
    }
    const correct = new Set(['anno1.json', 'anno10.json', 'anno26.json', 'anno27.json', 'anno37.json', 'anno41-example44.json']);
    for (const { name, value } of samples('correct').filter((s) => correct.has(s.name))) expect({ name, failed: failedSuiteMusts(checks, value) }).toEqual({ name, failed: [] });
  });

  it('agrees with our own MUST checks: every sample the suite rejects by a MUST, ours reject too', () => {
    const rejected = samples('incorrect').filter((s) => typeof s.value === 'object' && s.value !== null && failedSuiteMusts(checks, s.value).length > 0);
    expect(rejected.length).toBeGreaterThan(0);
    for (const { name, value } of rejected) expect({ name, ours: failedMusts(value).length > 0 }).toEqual({ name, ours: true });
  });

  it('is an AnnotationCollection the suite’s collection definitions accept, with every item inline on the first page', () => {
    const ajv = createW3CAjv();
    const collection = toW3C(input());
    for (const def of ['annotationCollectionTypeValueFound', 'labelFound', 'totalFound', 'totalMoreThanZero', 'firstFound', 'firstRequiredIfTotalMoreThanZero']) {
      expect({ def, ok: ajv.validate(`collections.json#/definitions/${def}`, collection) }).toEqual({ def, ok: true });
    }
    for (const def of ['annotationPageTypeValueFound', 'itemsFound', 'startIndexFound']) {
      expect({ def, ok: ajv.validate(`collections.json#/definitions/${def}`, collection.first) }).toEqual({ def, ok: true });
    }
    expect(ajv.validate('collections.json#/definitions/contextValueInArrayFound', collection['@context'])).toBe(true);
  });

  it('still validates as a collection when there are no annotations', () => {
    const ajv = createW3CAjv();
    const empty = toW3C(input([]));
    expect(ajv.validate('collections.json#/definitions/firstRequiredIfTotalMoreThanZero', empty)).toBe(true);
    expect(ajv.validate('collections.json#/definitions/itemsFound', empty.first)).toBe(true);
  });

  it('passes the suite’s MUSTs for 300 random exported annotations, orphans with odd sources included', () => {
    const { text } = report();
    const annotation = fc.record({
      start: fc.nat({ max: text.length - 1 }),
      length: fc.integer({ min: 1, max: 300 }),
      note: fc.string({ unit: 'binary', maxLength: 60 }),
      color: fc.constantFrom(...COLOR_IDS),
      deleted: fc.boolean(),
      orphanSource: fc.option(fc.string({ unit: fc.constantFrom(...'a:/?#[]@!$&()*+,;=%4F-._~ é'.split('')), maxLength: 14 }).map((t) => `h:${t}`), { nil: undefined }),
    });
    fc.assert(
      fc.property(annotation, (spec) => {
        const end = Math.min(text.length, spec.start + spec.length);
        let view = viewOf(storedAt({ start: spec.start, end, note: spec.note, color: spec.color, deletedAt: spec.deleted ? EXPORTED_AT.toISOString() : null }, 1));
        if (spec.orphanSource !== undefined) view = { ...view, anchor: { status: 'orphan', score: 0 }, target: { ...view.target, source: spec.orphanSource } };
        return failedSuiteMusts(checks, JSON.parse(JSON.stringify(toW3CAnnotation(view)))).length === 0;
      }),
      { numRuns: 300 },
    );
  });
});
