/**
 * Links by annotation (issue 14): which live links touch an annotation, at
 * either end, and how its view lists them. Both ends list a link between two
 * annotations (direction 'out' at its source, 'in' at its target); a link whose
 * other annotation is tombstoned says so (`otherDeleted`), one whose other
 * annotation is gone altogether (an undone import took it out) is not listed.
 */
import type { AnnotationLink } from '../../../preload/contract';
import type { StoredLink } from '../store/store-schema';

/** Live links by the annotation ids at their ends. */
export type LinkIndex = ReadonlyMap<string, readonly StoredLink[]>;

export const EMPTY_LINK_INDEX: LinkIndex = new Map();

/** Indexes the live (not tombstoned) links by each annotation end. */
export function indexLinks(links: readonly StoredLink[]): LinkIndex {
  const index = new Map<string, StoredLink[]>();
  const add = (id: string, link: StoredLink) => {
    const list = index.get(id);
    if (list) list.push(link);
    else index.set(id, [link]);
  };
  for (const link of links) {
    if (link.deletedAt !== null) continue;
    add(link.from, link);
    if ('annotation' in link.to && link.to.annotation !== link.from) add(link.to.annotation, link);
  }
  return index;
}

/** The other annotation a link joins `id` to, or null for a link to a recommendation. */
export function otherEnd(link: StoredLink, id: string): string | null {
  if (!('annotation' in link.to)) return null;
  return link.from === id ? link.to.annotation : link.from;
}

/**
 * An annotation's links as its view lists them. `deletedOf` says whether an
 * annotation is tombstoned, or undefined when it does not exist.
 */
export function linksOf(index: LinkIndex, id: string, deletedOf: (id: string) => boolean | undefined): AnnotationLink[] {
  const result: AnnotationLink[] = [];
  for (const link of index.get(id) ?? []) {
    const other = otherEnd(link, id);
    if (other === null) {
      result.push({ to: { recommendation: (link.to as { recommendation: string }).recommendation }, relation: link.relation, direction: 'out', otherDeleted: false });
      continue;
    }
    const deleted = deletedOf(other);
    if (deleted === undefined) continue;
    result.push({ to: { annotation: other }, relation: link.relation, direction: link.from === id ? 'out' : 'in', otherDeleted: deleted });
  }
  return result;
}

/** The ids of annotations that `id` is linked with (either direction). */
export function partnersOf(index: LinkIndex, id: string): string[] {
  const result: string[] = [];
  for (const link of index.get(id) ?? []) {
    const other = otherEnd(link, id);
    if (other !== null) result.push(other);
  }
  return result;
}
