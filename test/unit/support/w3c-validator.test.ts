import { describe, expect, it } from 'vitest';
import { RULE_NAMES, failedCollectionMusts, failedMusts } from '../../support/w3c-validator';
import { readFixture } from '../../support/exchange-fixtures';

type Change = { name?: string; breaks?: string; with?: Record<string, unknown>; replace?: unknown };
interface Samples {
  base: Record<string, unknown>;
  valid: Change[];
  invalid: Change[];
  collectionBase: Record<string, unknown>;
  validCollections: Change[];
  invalidCollections: Change[];
}
const samples = readFixture<Samples>('w3c-model-samples.json');

/** The base with one change applied: `replace` stands in for the whole value, `with` sets keys (null removes one). */
function apply(base: Record<string, unknown>, change: Change): unknown {
  if (change.replace !== undefined) return change.replace;
  const out: Record<string, unknown> = structuredClone(base);
  for (const [key, value] of Object.entries(change.with ?? {})) {
    if (value === null) delete out[key];
    else out[key] = value;
  }
  return out;
}

describe('our W3C Web Annotation MUST checks', () => {
  it.each(samples.valid)('accepts $name', (change) => {
    expect(failedMusts(apply(samples.base, change))).toEqual([]);
  });

  it.each(samples.invalid.map((c, i) => ({ ...c, i })))('sample $i breaks only "$breaks"', (change) => {
    expect(failedMusts(apply(samples.base, change))).toEqual([change.breaks]);
  });

  it.each(samples.validCollections)('accepts $name as a collection', (change) => {
    expect(failedCollectionMusts(apply(samples.collectionBase, change))).toEqual([]);
  });

  it.each(samples.invalidCollections.map((c, i) => ({ ...c, i })))('collection sample $i breaks only "$breaks"', (change) => {
    expect(failedCollectionMusts(apply(samples.collectionBase, change))).toEqual([change.breaks]);
  });

  it('has a sample that breaks each rule, so no rule passes everything', () => {
    const broken = new Set([...samples.invalid, ...samples.invalidCollections].map((c) => c.breaks));
    expect(RULE_NAMES.filter((name) => !broken.has(name))).toEqual([]);
  });
});
