/**
 * Which annotations a briefing quotes: the one place that decides, so that a
 * later pre-filter (issue 16's share audience) plugs in here and every format
 * and the print view follow.
 *
 * - `ids` picks annotations explicitly, `filter` by the panel's rule
 *   (common/annotation-filter.ts); with both, the ids that match the filter;
 *   with neither, every live annotation;
 * - tombstones never count; orphans (no place in the current text) are left
 *   out and counted, since a quote without a place cannot be cited;
 * - the result is in document order (position, then id), whatever order the
 *   ids came in.
 */
import type { AnnotationFilter, AnnotationView } from '../../../../preload/contract';
import { annotationFilter, type CodeParents } from '../../../../common/annotation-filter';

export interface BriefingSelection {
  /** Live, placed, selected annotations in document order. */
  chosen: AnnotationView[];
  /** Selected live annotations left out because they are orphans. */
  orphansExcluded: number;
}

export interface SelectOptions {
  filter?: AnnotationFilter;
  ids?: readonly string[];
  parentOf?: CodeParents;
  /** A further rule every annotation must pass (e.g. what a share may hold); absent passes all. */
  admit?: (a: AnnotationView) => boolean;
}

/** Position, then end, then id, by code units: the same order on every machine. */
export function byPosition(a: AnnotationView, b: AnnotationView): number {
  return a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Selects a briefing's annotations from every view (tombstones included). */
export function selectAnnotations(views: readonly AnnotationView[], options: SelectOptions): BriefingSelection {
  const matches = annotationFilter(options.filter, options.parentOf);
  const wanted = options.ids ? new Set(options.ids) : null;
  const admit = options.admit ?? (() => true);
  const chosen: AnnotationView[] = [];
  let orphansExcluded = 0;
  for (const a of views) {
    if (wanted && !wanted.has(a.id)) continue;
    if (!matches(a) || !admit(a)) continue;
    if (a.anchor.status === 'orphan') orphansExcluded++;
    else chosen.push(a);
  }
  chosen.sort(byPosition);
  return { chosen, orphansExcluded };
}
