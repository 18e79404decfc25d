/**
 * The W3C Web Annotation test suite's MUST assertions as validators: ajv 8 with
 * the draft-04 dialect and formats (without ajv-formats `uri` and `date-time`
 * would silently pass), every shared definition added first, `strict: false`
 * for the suite's custom keywords. See ../shared/fixtures/README.md.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import type { ValidateFunction } from 'ajv';
import { w3cTestsDir } from './suite-dir';

export interface MustCheck {
  file: string;
  expectValid: boolean;
  validate: ValidateFunction;
}

function readJson(file: string): Record<string, unknown> {
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
}

/** A validator with every definitions/*.json added. */
export function createW3CAjv(): Ajv {
  const ajv = new Ajv({ strict: false, allErrors: true });
  (addFormats as unknown as (a: Ajv) => void)(ajv);
  const definitions = path.join(w3cTestsDir(), 'definitions');
  for (const name of readdirSync(definitions).filter((n) => n.endsWith('.json')).sort()) {
    ajv.addSchema(readJson(path.join(definitions, name)));
  }
  return ajv;
}

/** Every assertion listed in annotations/annotationMusts.test, compiled. */
export function mustChecks(ajv: Ajv = createW3CAjv()): MustCheck[] {
  const list = readJson(path.join(w3cTestsDir(), 'annotations/annotationMusts.test')) as { assertions: string[] };
  return list.assertions.map((file) => {
    const schema = readJson(path.join(w3cTestsDir(), file));
    return { file, expectValid: schema.expectedResult !== 'invalid', validate: ajv.compile(schema) };
  });
}

/** The MUST assertions an annotation fails (empty when it passes them all). */
export function failedSuiteMusts(checks: readonly MustCheck[], annotation: unknown): string[] {
  return checks.filter((c) => (c.validate(annotation) as boolean) !== c.expectValid).map((c) => c.file);
}
