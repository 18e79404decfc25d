/**
 * validation/ (lowest group of main/core): deciding whether untrusted values are
 * what the schemas say — a zod schema compiled into a fast proof of validity
 * (this file) and guarded JSON parsing of files from outside (safe-json.ts).
 * It imports nothing else from main/core; every group above may use it.
 */
/**
 * Compiles a zod schema into a fast predicate that answers one question: is this
 * value already exactly what `schema.parse(value)` would return? That is, zod
 * accepts it, no transform would change it (a `.trim()` finds nothing to trim),
 * and every object has exactly the schema's keys, in the schema's order, so
 * zod's stripped copy would be identical, key order included.
 *
 * `true` is a proof of validity; `false` only means "not proven": the caller
 * then runs zod itself, which either returns the transformed copy or says what
 * is wrong. The predicate is built from the schema's own definition, so it
 * follows every change to the schema; a schema feature it does not know is
 * refused when compiling (never guessed at). The equivalence with zod is
 * checked by a differential property test (test/unit/core/validation/canonical-check.test.ts).
 *
 * Why: running zod over every record of a 100,000-annotation store took as long
 * as JSON.parse itself, mostly to build a copy equal to its input.
 */
import type { z } from 'zod';

/** Returns true only when zod would accept `value` and return a copy deep-equal to it. */
export type CanonicalCheck = (value: unknown) => boolean;

/** The parts of zod 4's schema and check definitions (`_zod.def`) the compiler reads. */
interface SchemaDef {
  type: string;
  checks?: ReadonlyArray<{ _zod: { def: CheckDef } }>;
  shape?: Record<string, ZodLike>;
  catchall?: ZodLike;
  innerType?: ZodLike;
  element?: ZodLike;
  items?: readonly ZodLike[];
  options?: readonly ZodLike[];
  rest?: ZodLike | null;
  values?: readonly unknown[];
  entries?: Record<string, unknown>;
  coerce?: boolean;
}
interface CheckDef {
  check: string;
  format?: string;
  pattern?: RegExp;
  minimum?: number;
  maximum?: number;
  length?: number;
  value?: number;
  inclusive?: boolean;
  tx?: (value: unknown) => unknown;
}
interface ZodLike {
  _zod: { def: SchemaDef };
}

/** String formats whose zod check is exactly "the pattern matches" (others run custom code). */
const PATTERN_FORMATS = new Set(['uuid', 'guid', 'regex']);

/** Thrown while compiling: the schema uses something this compiler does not model. */
export class UnsupportedSchema extends Error {
  constructor(what: string) {
    super(`canonical-check cannot compile ${what}; extend main/core/validation/canonical-check.ts (and its differential test) first.`);
    this.name = 'UnsupportedSchema';
  }
}

type Test = (value: unknown) => boolean;

function lengthCheck(def: CheckDef): ((v: { length: number }) => boolean) | null {
  switch (def.check) {
    case 'min_length':
      return (v) => v.length >= def.minimum!;
    case 'max_length':
      return (v) => v.length <= def.maximum!;
    case 'length_equals':
      return (v) => v.length === def.length!;
    default:
      return null;
  }
}

function stringCheck(def: CheckDef): (v: string) => boolean {
  const byLength = lengthCheck(def);
  if (byLength) return byLength;
  if (def.check === 'overwrite' && def.tx) {
    // A transform (such as trim) that leaves the value as it is: zod's output is the input.
    const tx = def.tx;
    return (v) => tx(v) === v;
  }
  if (def.check === 'string_format' && def.pattern && PATTERN_FORMATS.has(def.format ?? '')) {
    const pattern = def.pattern;
    return (v) => {
      pattern.lastIndex = 0;
      return pattern.test(v);
    };
  }
  throw new UnsupportedSchema(`the string check ${def.check}${def.format ? ` (${def.format})` : ''}`);
}

function numberCheck(def: CheckDef): (v: number) => boolean {
  const bound = def.value!;
  switch (def.check) {
    case 'number_format':
      if (def.format === 'safeint') return (v) => Number.isSafeInteger(v);
      break;
    case 'greater_than':
      return def.inclusive ? (v) => v >= bound : (v) => v > bound;
    case 'less_than':
      return def.inclusive ? (v) => v <= bound : (v) => v < bound;
  }
  throw new UnsupportedSchema(`the number check ${def.check}${def.format ? ` (${def.format})` : ''}`);
}

/** All of `tests` (no wrapper for none or one: most strings have no checks, and this runs per value). */
function all<T>(tests: ReadonlyArray<(v: T) => boolean>): ((v: T) => boolean) | null {
  if (tests.length === 0) return null;
  if (tests.length === 1) return tests[0]!;
  return (v) => {
    for (const test of tests) if (!test(v)) return false;
    return true;
  };
}

function checksOf(def: SchemaDef): CheckDef[] {
  return (def.checks ?? []).map((c) => c._zod.def);
}

function isOptional(schema: ZodLike): boolean {
  return schema._zod.def.type === 'optional';
}

/** Exactly the schema's keys, in its order (optional ones may be absent), on a plain object. */
function objectTest(def: SchemaDef): Test {
  // A strict object (catchall never) refuses extra keys, which this test never proves anyway; others keep or check them.
  if (def.catchall && def.catchall._zod.def.type !== 'never') throw new UnsupportedSchema('an object with a catchall (looseObject)');
  const keys = Object.keys(def.shape ?? {});
  const optional = keys.map((k) => isOptional(def.shape![k]!));
  const tests = keys.map((k) => compile(def.shape![k]!));
  return (value) => {
    if (typeof value !== 'object' || value === null || Object.getPrototypeOf(value) !== Object.prototype) return false;
    const record = value as Record<string, unknown>;
    let j = 0;
    // With Object.prototype as the prototype (nothing enumerable on it), for-in sees own keys only.
    for (const key in record) {
      while (j < keys.length && optional[j] && keys[j] !== key) j++;
      if (keys[j] !== key) return false;
      if (!tests[j]!(record[key])) return false;
      j++;
    }
    for (; j < keys.length; j++) if (!optional[j]) return false;
    return true;
  };
}

function arrayTest(def: SchemaDef): Test {
  const element = compile(def.element!);
  const sizes = all(checksOf(def).map((c) => lengthCheck(c) ?? unsupportedCheck('array', c)));
  return (value) => {
    if (!Array.isArray(value) || (sizes !== null && !sizes(value))) return false;
    for (let i = 0; i < value.length; i++) if (!element(value[i])) return false;
    return true;
  };
}

function tupleTest(def: SchemaDef): Test {
  if (def.rest) throw new UnsupportedSchema('a tuple with a rest element');
  const items = (def.items ?? []).map(compile);
  return (value) => {
    if (!Array.isArray(value) || value.length !== items.length) return false;
    for (let i = 0; i < items.length; i++) if (!items[i]!(value[i])) return false;
    return true;
  };
}

function setTest(values: readonly unknown[]): Test {
  const allowed = new Set(values);
  return (v) => allowed.has(v);
}

/**
 * An enum's allowed values. A TypeScript numeric enum object also maps each
 * number back to its name (`E[0] === 'A'`); zod accepts only the numbers, so a
 * name that is some member's reverse mapping is left out.
 */
function enumValues(entries: Record<string, unknown>): unknown[] {
  const values = Object.values(entries);
  return values.filter((v) => !(typeof v === 'string' && typeof entries[v] === 'number'));
}

/** Types whose schema refuses `undefined`, so an object missing such a key is refused. */
const REFUSES_UNDEFINED = new Set(['string', 'number', 'boolean', 'object', 'array', 'tuple', 'enum', 'nullable']);

/**
 * A test that is true only when zod surely refuses the value for `schema`, or
 * null when that cannot be told cheaply. A union needs it: zod returns the
 * first option that accepts, so a later option's copy is the result only when
 * every earlier one refused.
 */
function surelyRefuses(schema: ZodLike): Test | null {
  const def = schema._zod.def;
  const checked = def.type === 'string' || def.type === 'number' || def.type === 'boolean';
  // Any value of another JavaScript type is refused (zod does not coerce unless told to).
  if (checked && !def.coerce) return (v) => typeof v !== def.type;
  if (def.type === 'enum') {
    const allowed = setTest(enumValues(def.entries ?? {}));
    return (v) => !allowed(v);
  }
  if (def.type !== 'object') return null;
  const shape = def.shape ?? {};
  const required = Object.keys(shape).filter((k) => REFUSES_UNDEFINED.has(shape[k]!._zod.def.type));
  if (required.length === 0) return null;
  return (v) => typeof v === 'object' && v !== null && !Array.isArray(v) && required.some((k) => (v as Record<string, unknown>)[k] === undefined);
}

function unionTest(def: SchemaDef): Test {
  const options = (def.options ?? []).map(compile);
  const refuses = (def.options ?? []).map(surelyRefuses);
  return (value) => {
    for (let i = 0; i < options.length; i++) {
      if (options[i]!(value)) return true;
      // Not proven by this option: only when zod surely refuses it here can a later option decide.
      if (!refuses[i]?.(value)) return false;
    }
    return false;
  };
}

function unsupportedCheck(kind: string, def: CheckDef): never {
  throw new UnsupportedSchema(`the ${kind} check ${def.check}`);
}

function compile(schema: ZodLike): Test {
  const def = schema._zod.def;
  if (def.coerce) throw new UnsupportedSchema(`a coercing ${def.type}`);
  // Only strings, numbers and arrays have their checks modelled (below); a check
  // (refinement) on anything else would otherwise be silently skipped.
  if (def.type !== 'string' && def.type !== 'number' && def.type !== 'array' && checksOf(def).length > 0) {
    throw new UnsupportedSchema(`checks (refinements) on a ${def.type}`);
  }
  switch (def.type) {
    case 'string': {
      const checks = all(checksOf(def).map(stringCheck));
      return checks ? (v) => typeof v === 'string' && checks(v) : (v) => typeof v === 'string';
    }
    case 'number': {
      const checks = all(checksOf(def).map(numberCheck));
      return checks
        ? (v) => typeof v === 'number' && Number.isFinite(v) && checks(v)
        : (v) => typeof v === 'number' && Number.isFinite(v);
    }
    case 'boolean':
      return (v) => typeof v === 'boolean';
    case 'literal':
      return setTest(def.values ?? []);
    case 'enum':
      return setTest(enumValues(def.entries ?? {}));
    case 'nullable': {
      const inner = compile(def.innerType!);
      return (v) => v === null || inner(v);
    }
    case 'optional': {
      // Only reached as an object's property that is present: undefined would be kept
      // as an own key by zod, which JSON never produces, so it is left to zod.
      const inner = compile(def.innerType!);
      return (v) => v !== undefined && inner(v);
    }
    case 'default': {
      // Present: zod keeps the value as it is. Absent: zod fills the default, a change,
      // so objectTest (which treats the key as required) leaves that to zod.
      const inner = compile(def.innerType!);
      return (v) => v !== undefined && inner(v);
    }
    case 'object':
      return objectTest(def);
    case 'array':
      return arrayTest(def);
    case 'tuple':
      return tupleTest(def);
    case 'union':
      return unionTest(def);
    default:
      throw new UnsupportedSchema(`a ${def.type} schema`);
  }
}

/** Builds the predicate for `schema`; throws UnsupportedSchema for a schema feature it does not model. */
export function compileCanonicalCheck(schema: z.ZodType): CanonicalCheck {
  return compile(schema as unknown as ZodLike);
}
