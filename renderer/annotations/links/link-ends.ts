/**
 * The other end of an annotation-to-annotation link lists it too (direction
 * 'in'). The service answers a link or unlink with the `from` annotation's view
 * only, so the view held for the other end is brought up to date here, the way
 * the service's next list would show it.
 */
import type { AnnotationLink, AnnotationView, LinkInput } from '../../../preload/contract';

function sameLink(a: AnnotationLink, b: AnnotationLink): boolean {
  const at = 'annotation' in a.to ? a.to.annotation : a.to.recommendation;
  const bt = 'annotation' in b.to ? b.to.annotation : b.to.recommendation;
  return a.direction === b.direction && a.relation === b.relation && at === bt;
}

/** Whether `view` lists the link `input` describes (out from `from`). */
export function hasOutLink(view: AnnotationView, input: LinkInput): boolean {
  const wanted: AnnotationLink = { to: input.to, relation: input.relation, direction: 'out', otherDeleted: false };
  return view.links.some((link) => sameLink(link, wanted));
}

/**
 * The other annotation's view with the incoming side of `input` added
 * (`present`) or removed; null when the link is to a recommendation, or the
 * view already says so.
 */
export function otherEndAfter(other: AnnotationView, from: AnnotationView, input: LinkInput, present: boolean): AnnotationView | null {
  if (!('annotation' in input.to) || input.to.annotation !== other.id) return null;
  const incoming: AnnotationLink = { to: { annotation: from.id }, relation: input.relation, direction: 'in', otherDeleted: from.deletedAt !== null };
  const listed = other.links.some((link) => sameLink(link, incoming));
  if (listed === present) return null;
  const links = present ? [...other.links, incoming] : other.links.filter((link) => !sameLink(link, incoming));
  return { ...other, links };
}
