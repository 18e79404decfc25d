/**
 * The compiled store check against zod itself: on every input, parseStoreDoc
 * must give zod's answer (accepted or not, the same data, the same issues), and
 * whenever the compiled check vouches for a value, zod must accept it and return
 * exactly that value (JSON-identical, key order included).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { compileCanonicalCheck, UnsupportedSchema } from '../../../../main/core/validation/canonical-check';
import { decodeSnapshot, encodeSnapshot } from '../../../../main/core/store/snapshot-codec';
import { StoreDoc, type ImportRecord } from '../../../../main/core/store/store-schema';
import { parseStoreDoc } from '../../../../main/core/store/store-validate';
import { CORRUPT_VARIANTS } from '../../../support/corrupt-variants';
import { docWith, makeAnnotation } from '../../../support/store-fixtures';

const isCanonical = compileCanonicalCheck(StoreDoc);

/** A document that uses every part of the schema: tombstones, codes (nested, coloured, grouping, deleted), a reading position, imports with and without `wrote`. */
function richDoc(): StoreDoc {
  const doc = docWith(3);
  doc.annotations[1] = { ...doc.annotations[1]!, deletedAt: '2026-02-01T00:00:00.000Z', codeIds: [] };
  doc.codes[1] = { ...doc.codes[1]!, parentId: doc.codes[0]!.id, color: '#A1b2C3', codable: false, description: 'line one\nline two' };
  doc.codes[2] = { ...doc.codes[2]!, deletedAt: '2026-02-02T00:00:00.000Z' };
  doc.settings.readingPosition = { offset: 120, progress: 0.25 };
  doc.settings.fontSize = 28;
  const record: ImportRecord = {
    id: 'import-1',
    committedAt: '2026-03-01T00:00:00.000Z',
    before: [
      { id: doc.annotations[0]!.id, previous: makeAnnotation(7, { id: doc.annotations[0]!.id }), wrote: doc.annotations[0]! },
      { id: doc.annotations[2]!.id, previous: null },
    ],
    undoneAt: null,
  };
  doc.imports.push(record);
  // Issue 14: an assessment with a title and one without, a link to a recommendation, a tombstoned link between annotations.
  const [a0, a1] = [doc.annotations[0]!.id, doc.annotations[1]!.id];
  doc.settings.assessor = 'Mika';
  doc.assessments.push(
    { id: 'rec-3', title: null, status: 'partial', rationale: 'Screening;\nno referral.', assessedBy: 'Mika', assessedAt: '2026-03-02T00:00:00.000Z', updatedAt: '2026-03-02T00:00:00.000Z' },
    { id: 'rec-12', title: 'Child sex tourism', status: 'not-assessed', rationale: '', assessedBy: null, assessedAt: null, updatedAt: '2026-03-03T00:00:00.000Z' },
  );
  doc.links.push(
    { id: '11111111-1111-4111-8111-111111111111', from: a0, to: { recommendation: 'rec-3' }, relation: 'gap', createdAt: '2026-03-02T00:00:00.000Z', updatedAt: '2026-03-02T00:00:00.000Z', deletedAt: null },
    { id: '22222222-2222-4222-8222-222222222222', from: a0, to: { annotation: a1 }, relation: 'same-issue', createdAt: '2026-03-02T00:00:00.000Z', updatedAt: '2026-03-04T00:00:00.000Z', deletedAt: '2026-03-04T00:00:00.000Z' },
  );
  return doc;
}

/** Values placed at random spots: JSON values, plus the edges of each rule in the schema. */
const EDGE_VALUES: unknown[] = [
  null, true, 0, -0, -1, 1.5, 13, 14, 28, 29, 2 ** 53, 1, 1.0000001, '', ' ', 'key', ' Key finding', 'Key finding ', 'a\u0007b', 'x'.repeat(40), 'x'.repeat(41),
  '00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff', 'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF', '123e4567-e89b-42d3-a456-426614174000',
  '123E4567-E89B-42D3-A456-426614174000', '123e4567-e89b-02d3-a456-426614174000', '123e4567-e89b-42d3-c456-426614174000', '123e4567e89b42d3a456426614174000',
  '#A1b2C3', '#abcdef', '#abcdeg', '#abc', 'abcdef', false,
  'TextPositionSelector', 'TextQuoteSelector', 'system', 'dark', 'narrow', 'question', [], {}, [1, 2], ['a', 'b'],
];

type Path = Array<string | number>;

/** Every path to a value inside `value` (the root included). */
function pathsOf(value: unknown, at: Path = [], out: Path[] = []): Path[] {
  out.push(at);
  if (Array.isArray(value)) value.forEach((v, i) => pathsOf(v, [...at, i], out));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) pathsOf(v, [...at, k], out);
  return out;
}

type Mutation =
  | { kind: 'set'; value: unknown }
  | { kind: 'delete' }
  | { kind: 'extraKey'; key: string; value: unknown }
  | { kind: 'reverseKeys' }
  | { kind: 'protoKey' };

/** Applies a mutation at `path` of a JSON-parsed document (in place, or returns a new root). */
function mutate(root: unknown, path: Path, m: Mutation): unknown {
  if (m.kind === 'protoKey') {
    // An own "__proto__" key, as JSON.parse makes it.
    return JSON.parse(JSON.stringify(root).replace(/^\{/, '{"__proto__":{"version":1},'));
  }
  if (path.length === 0) return m.kind === 'set' ? m.value : root;
  let parent = root as Record<string | number, unknown>;
  for (const step of path.slice(0, -1)) parent = parent[step] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  const target = parent[last];
  switch (m.kind) {
    case 'set':
      parent[last] = structuredClone(m.value);
      break;
    case 'delete':
      if (Array.isArray(parent)) parent.splice(last as number, 1);
      else delete parent[last];
      break;
    case 'extraKey':
      if (target !== null && typeof target === 'object' && !Array.isArray(target)) (target as Record<string, unknown>)[m.key] = structuredClone(m.value);
      break;
    case 'reverseKeys':
      if (target !== null && typeof target === 'object' && !Array.isArray(target)) {
        parent[last] = Object.fromEntries(Object.entries(target).reverse());
      }
      break;
  }
  return root;
}

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), value: fc.oneof(fc.constantFrom(...EDGE_VALUES), fc.jsonValue({ maxDepth: 3 })) }),
  fc.constant({ kind: 'delete' as const }),
  fc.record({ kind: fc.constant('extraKey' as const), key: fc.oneof(fc.constantFrom('wrote', 'integrity', 'id', 'extra'), fc.string({ maxLength: 6 })), value: fc.jsonValue({ maxDepth: 2 }) }),
  fc.constant({ kind: 'reverseKeys' as const }),
  fc.constant({ kind: 'protoKey' as const }),
);

interface Outcome {
  canonical: boolean;
  accepted: boolean;
}

/** The differential check itself; returns what happened so the test can show that every branch was exercised. */
function compareWithZod(input: unknown): Outcome {
  const canonical = isCanonical(input);
  // Taken before anything else looks at the input (the deeply nested variants are never canonical).
  const before = canonical ? JSON.stringify(input) : '';
  const actual = parseStoreDoc(input);
  const expected = StoreDoc.safeParse(input);
  expect(actual.success).toBe(expected.success);
  if (expected.success && actual.success) {
    expect(JSON.stringify(actual.data)).toBe(JSON.stringify(expected.data));
    expect(actual.data).toEqual(expected.data);
  } else {
    expect(actual.error?.issues).toEqual(expected.error?.issues);
  }
  if (canonical) {
    expect(expected.success).toBe(true);
    expect(JSON.stringify(expected.data)).toBe(before);
  }
  return { canonical, accepted: expected.success };
}

function tally(outcomes: Outcome[]): Record<'proven' | 'zodAccepted' | 'rejected', number> {
  return {
    proven: outcomes.filter((o) => o.canonical).length,
    zodAccepted: outcomes.filter((o) => !o.canonical && o.accepted).length,
    rejected: outcomes.filter((o) => !o.accepted).length,
  };
}

describe('the compiled store check agrees with zod', () => {
  it('vouches for documents Fieldmark writes, as they come back from JSON', () => {
    for (const doc of [docWith(0), docWith(5), richDoc()]) {
      const parsed: unknown = JSON.parse(JSON.stringify(doc));
      expect(isCanonical(parsed)).toBe(true);
      expect(compareWithZod(parsed)).toEqual({ canonical: true, accepted: true });
    }
  });

  it('gives zod’s answer for documents with one or two random changes anywhere', () => {
    const outcomes: Outcome[] = [];
    fc.assert(
      fc.property(fc.constantFrom(docWith(2), richDoc()), fc.array(fc.tuple(fc.nat(), mutationArb), { minLength: 1, maxLength: 2 }), (base, changes) => {
        let doc: unknown = JSON.parse(JSON.stringify(base));
        for (const [pick, mutation] of changes) {
          const paths = pathsOf(doc);
          doc = mutate(doc, paths[pick % paths.length]!, mutation);
        }
        outcomes.push(compareWithZod(doc));
      }),
      { numRuns: 3000, seed: 20261204 },
    );
    // Each branch was taken many times (counted from what happened above).
    const counts = tally(outcomes);
    expect(counts.proven).toBeGreaterThan(100);
    expect(counts.zodAccepted).toBeGreaterThan(100);
    expect(counts.rejected).toBeGreaterThan(500);
  });

  it('gives zod’s answer for arbitrary JSON, at the root and as an annotation', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (value) => {
        compareWithZod(value);
        const doc = JSON.parse(JSON.stringify(docWith(1))) as { annotations: unknown[] };
        doc.annotations.push(value);
        compareWithZod(doc);
      }),
      { numRuns: 1000, seed: 7 },
    );
  });

  it('leaves to zod what zod would change: untrimmed labels, extra keys, another key order', () => {
    const untrimmed = JSON.parse(JSON.stringify(docWith(1))) as StoreDoc;
    untrimmed.settings.legend.key = '  Key finding ';
    expect(isCanonical(untrimmed)).toBe(false);
    expect(parseStoreDoc(untrimmed).data?.settings.legend.key).toBe('Key finding');

    const extra = JSON.parse(JSON.stringify(docWith(1))) as StoreDoc & { annotations: Array<Record<string, unknown>> };
    extra.annotations[0]!.colour = 'red';
    expect(isCanonical(extra)).toBe(false);
    expect(parseStoreDoc(extra).data?.annotations[0]).not.toHaveProperty('colour');

    const reordered = JSON.parse(JSON.stringify(docWith(1))) as Record<string, unknown>;
    const swapped = { annotations: reordered.annotations, version: reordered.version, codes: reordered.codes, links: reordered.links, assessments: reordered.assessments, imports: reordered.imports, settings: reordered.settings };
    expect(isCanonical(swapped)).toBe(false);
    expect(Object.keys(parseStoreDoc(swapped).data!)).toEqual(['version', 'settings', 'codes', 'annotations', 'assessments', 'links', 'imports']);
  });

  it('gives zod’s answer for every damaged-file variant that still parses as JSON', () => {
    const valid = encodeSnapshot(richDoc()).bytes;
    let compared = 0;
    for (const variant of CORRUPT_VARIANTS) {
      let raw: unknown;
      try {
        raw = JSON.parse(variant.build(valid).toString('utf8').replace(/^\uFEFF/, ''));
      } catch {
        continue;
      }
      if (raw !== null && typeof raw === 'object' && !Array.isArray(raw)) delete (raw as Record<string, unknown>).integrity;
      compareWithZod(raw);
      compared++;
    }
    expect(compared).toBeGreaterThanOrEqual(10);
  });

  it('refuses a sealed snapshot with a broken record: the seal proves nothing about validity', () => {
    const doc = docWith(3);
    const cases: Array<[string, unknown]> = [
      ['target', undefined],
      ['id', 'not-a-uuid'],
      ['color', 'red'],
      ['codeIds', ['not-a-uuid']],
    ];
    for (const [field, value] of cases) {
      const broken = structuredClone(doc) as unknown as { annotations: Array<Record<string, unknown>> };
      broken.annotations[2]![field] = value;
      const sealed = encodeSnapshot(broken as unknown as StoreDoc);
      expect(sealed.bytes.toString('utf8').startsWith(`{"integrity":"crc32:${sealed.crc}",`)).toBe(true);
      expect(() => decodeSnapshot(sealed.bytes)).toThrow(new RegExp(`annotations\\.2\\.${field}`));
    }
    for (const [field, value] of [['color', 'red'], ['codable', 'yes'], ['parentId', 'top']] as const) {
      const broken = structuredClone(doc) as unknown as { codes: Array<Record<string, unknown>> };
      broken.codes[1]![field] = value;
      expect(() => decodeSnapshot(encodeSnapshot(broken as unknown as StoreDoc).bytes)).toThrow(new RegExp(`codes\\.1\\.${field}`));
    }
  });
});

describe('compiling a schema', () => {
  it('refuses what it does not model, rather than guess', () => {
    const unsupported: z.ZodType[] = [
      z.date(),
      z.string().email(),
      z.string().url(),
      z.number().multipleOf(2),
      z.looseObject({ a: z.string() }),
      z.object({ a: z.string() }).refine(() => true),
      z.string().transform((s) => s.length),
      // A union of options it cannot tell apart cheaply compiles, but a refinement inside one does not.
      z.union([z.string(), z.number().refine(() => true)]),
      z.coerce.number(),
      z.tuple([z.string()], z.number()),
      // A refinement on a wrapper must not be skipped silently.
      z.string().nullable().refine((v) => v !== 'x'),
      z.object({ a: z.string().optional().refine((v) => v !== 'x') }),
      z.enum(['a', 'b']).refine((v) => v === 'a'),
    ];
    for (const schema of unsupported) expect(() => compileCanonicalCheck(schema)).toThrow(UnsupportedSchema);
  });

  it('accepts only the values of a numeric TypeScript enum, not its reverse-mapped names, as zod does', () => {
    enum Level {
      Low,
      High,
    }
    const schema = z.enum(Level);
    const check = compileCanonicalCheck(schema);
    for (const value of [0, 1, 'Low', 'High', 2, '0']) {
      expect({ value, proven: check(value) }).toEqual({ value, proven: schema.safeParse(value).success });
    }
  });

  it('models each rule it accepts the way zod applies it', () => {
    const schema = z.object({
      n: z.number().int().min(1).max(3),
      gt: z.number().gt(0).lt(1),
      s: z.string().trim().min(2).max(4).regex(/^[a-z ]*$/),
      list: z.array(z.literal('x')).min(1).max(2),
      pair: z.tuple([z.enum(['a', 'b']), z.string().nullable()]),
      maybe: z.string().optional(),
      flag: z.boolean(),
    });
    const check = compileCanonicalCheck(schema);
    // Mostly valid values (so that many inputs pass), with the edges of each rule and junk.
    const mostly = <T,>(valid: fc.Arbitrary<T>, other: fc.Arbitrary<unknown>) => fc.oneof({ weight: 6, arbitrary: valid }, { weight: 1, arbitrary: other });
    const inputs = fc.record(
      {
        n: mostly(fc.integer({ min: 1, max: 3 }), fc.oneof(fc.integer({ min: -1, max: 5 }), fc.double(), fc.constantFrom(2 ** 60, -0, 1.5, '2'))),
        gt: mostly(fc.double({ min: 0, max: 1, noNaN: true }), fc.oneof(fc.constantFrom(0, 1, -0, Number.MIN_VALUE), fc.double())),
        s: mostly(fc.constantFrom('ab', 'a b', 'abcd', 'zz'), fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom(' ab', 'ab ', 'abcde', 'a', 'AB', ' '))),
        list: mostly(fc.array(fc.constant('x'), { minLength: 1, maxLength: 2 }), fc.array(fc.constantFrom('x', 'y'), { maxLength: 3 })),
        pair: mostly(fc.tuple(fc.constantFrom('a', 'b'), fc.oneof(fc.string(), fc.constant(null))), fc.oneof(fc.tuple(fc.constantFrom('c', 'a'), fc.integer()), fc.array(fc.string(), { maxLength: 3 }))),
        maybe: mostly(fc.string(), fc.integer()),
        flag: mostly(fc.boolean(), fc.constantFrom(0, 1, 'true', 'false', null)),
      },
      { requiredKeys: ['n', 'gt', 's', 'list', 'pair', 'flag'] },
    );
    let proven = 0;
    fc.assert(
      // structuredClone: plain objects, as JSON.parse makes them (fast-check also makes null-prototype ones).
      fc.property(inputs.map((v) => structuredClone(v)), (value) => {
        const parsed = schema.safeParse(structuredClone(value));
        if (check(value)) {
          proven++;
          expect(parsed.success).toBe(true);
          expect(JSON.stringify(parsed.data)).toBe(JSON.stringify(value));
        } else if (parsed.success) {
          // Not proven but accepted: zod must have changed something (trimmed, dropped, reordered, added).
          expect(JSON.stringify(parsed.data)).not.toBe(JSON.stringify(value));
        }
      }),
      { numRuns: 5000, seed: 42 },
    );
    expect(proven).toBeGreaterThan(20);
  });

  it('models a union the way zod picks its option: the first that accepts (issue 14: link targets and relations)', () => {
    const schema = z.object({
      to: z.union([z.strictObject({ recommendation: z.string().regex(/^rec-\d$/u) }), z.object({ annotation: z.string() }), z.strictObject({ annotation: z.string(), extra: z.string() })]),
      relation: z.union([z.enum(['progress', 'gap']), z.enum(['supports', 'gap'])]),
      loose: z.union([z.string(), z.number()]),
    });
    const check = compileCanonicalCheck(schema);
    const key = fc.constantFrom('recommendation', 'annotation', 'extra', 'other');
    const inputs = fc.record({
      to: fc.oneof(fc.dictionary(key, fc.oneof(fc.constantFrom('rec-1', 'rec-x', 'a'), fc.integer()), { maxKeys: 3 }), fc.constantFrom(null, 'rec-1', [])),
      relation: fc.constantFrom('progress', 'gap', 'supports', 'other', 1),
      loose: fc.oneof(fc.string({ maxLength: 2 }), fc.integer(), fc.boolean()),
    });
    let proven = 0;
    fc.assert(
      fc.property(inputs.map((v) => structuredClone(v)), (value) => {
        const parsed = schema.safeParse(structuredClone(value));
        if (check(value)) {
          proven++;
          expect(parsed.success).toBe(true);
          expect(JSON.stringify(parsed.data)).toBe(JSON.stringify(value));
        } else if (parsed.success) {
          expect(JSON.stringify(parsed.data)).not.toBe(JSON.stringify(value));
        }
      }),
      { numRuns: 5000, seed: 14 },
    );
    expect(proven).toBeGreaterThan(20);
  });
});
