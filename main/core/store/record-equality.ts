/**
 * When two stored annotations (or their targets) say the same thing, field by
 * field: records come from JSON, so key order can differ and a deep-equal on
 * objects would not do. Code ids compare in order, and tags (of the tagged form
 * the import merge uses) by spelling: a re-spelled tag is an edit to the record
 * (which tags are the same tag is common/tag-identity.ts).
 */
import type { StoredAnnotation, TaggedAnnotation } from './store-schema';

/** The same text on the same passage: hash, position and quote with its context (the source URI aside). */
export function sameTarget(a: StoredAnnotation['target'], b: StoredAnnotation['target']): boolean {
  const [pa, qa] = a.selector;
  const [pb, qb] = b.selector;
  return (
    a.sha256 === b.sha256 &&
    pa.start === pb.start &&
    pa.end === pb.end &&
    qa.exact === qb.exact &&
    qa.prefix === qb.prefix &&
    qa.suffix === qb.suffix
  );
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((t, i) => t === b[i]);
}

/** The same record in every field; null only equals null. */
export function sameRecord(a: StoredAnnotation | null, b: StoredAnnotation | null): boolean {
  if (a === null || b === null) return a === b;
  return sameList(a.codeIds, b.codeIds) && sameFields(a, b);
}

/** The same tagged record in every field (tags by spelling); null only equals null. */
export function sameTaggedRecord(a: TaggedAnnotation | null, b: TaggedAnnotation | null): boolean {
  if (a === null || b === null) return a === b;
  return sameList(a.tags, b.tags) && sameFields(a, b);
}

/** Every field but the codes. */
function sameFields(a: Omit<StoredAnnotation, 'codeIds'>, b: Omit<StoredAnnotation, 'codeIds'>): boolean {
  return (
    a.id === b.id &&
    a.createdAt === b.createdAt &&
    a.updatedAt === b.updatedAt &&
    a.deletedAt === b.deletedAt &&
    a.color === b.color &&
    a.note === b.note &&
    (a.sensitivity ?? 'normal') === (b.sensitivity ?? 'normal') &&
    a.target.source === b.target.source &&
    sameTarget(a.target, b.target)
  );
}
