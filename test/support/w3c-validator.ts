/**
 * Our own checks of the W3C Web Annotation Data Model's MUST requirements
 * (https://www.w3.org/TR/annotation-model/), written from the specification so
 * that `npm test` needs nothing beside the clone. Each rule is named after the
 * section it comes from. The official W3C test suite runs separately, under
 * `npm run test:conformance`.
 *
 * Where the model says "IRI", we check the stricter RFC 3986 URI syntax (plain
 * ASCII), because the official suite checks identifiers as JSON Schema `uri`
 * and our exports must pass it too.
 */
import { ANNOTATION_RULES, COLLECTION_RULES, type Rule } from './w3c-model-rules';
import { isObject } from './w3c-model-values';

export type { Rule };

/** The rules an annotation breaks, by name (empty when it meets every MUST we check). */
export function failedMusts(annotation: unknown): string[] {
  return broken(ANNOTATION_RULES, annotation);
}

/** The rules an AnnotationCollection (with its first page inline) breaks, by name. */
export function failedCollectionMusts(collection: unknown): string[] {
  return broken(COLLECTION_RULES, collection);
}

/** Every rule name we check, so a test can prove each one can fail. */
export const RULE_NAMES: readonly string[] = [...ANNOTATION_RULES, ...COLLECTION_RULES].map((r) => r.name);

function broken(rules: readonly Rule[], value: unknown): string[] {
  if (!isObject(value)) return ['not a JSON object'];
  return rules.filter((rule) => !rule.holds(value)).map((rule) => rule.name);
}
