/**
 * A briefing's groups: its annotations by section, colour, code or
 * recommendation, in an order that depends only on the data (document order,
 * the legend's order, the code tree, the recommendations' numbers). An
 * annotation that belongs to several groups (two codes, two recommendations)
 * is in each, once.
 */
import {
  COLOR_IDS,
  RecommendationRelation,
  SectionId,
  type AnnotationView,
  type BriefingGroupBy,
  type CodeView,
  type Legend,
  type RecommendationView,
} from '../../../../preload/contract';

/** A group before its annotations become items. */
export interface RawGroup {
  key: string;
  heading: string;
  level: number;
  items: Array<{ view: AnnotationView; relation: RecommendationRelation | null }>;
}

export const NO_SECTION_HEADING = 'Title and tier';
export const NOT_CODED_HEADING = 'Not coded';
export const NOT_LINKED_HEADING = 'Not linked to a recommendation';

export interface GroupContext {
  legend: Legend;
  /** Every live code in tree order. */
  codebook: readonly CodeView[];
  recommendations: readonly RecommendationView[];
}

const plain = (view: AnnotationView) => ({ view, relation: null });

function bySection(chosen: readonly AnnotationView[]): RawGroup[] {
  const groups = new Map<string, RawGroup>();
  for (const view of chosen) {
    const key = view.section === null ? 'none' : `section:${view.section}`;
    let group = groups.get(key);
    if (!group) {
      group = { key, heading: view.sectionTitle ?? NO_SECTION_HEADING, level: 2, items: [] };
      groups.set(key, group);
    }
    group.items.push(plain(view));
  }
  // Report order, whatever order the first quotes came in (the title line has no section and leads).
  const rank = (key: string) => (key === 'none' ? -1 : SectionId.options.indexOf(key.slice('section:'.length) as SectionId));
  return [...groups.values()].sort((a, b) => rank(a.key) - rank(b.key));
}

function byColor(chosen: readonly AnnotationView[], legend: Legend): RawGroup[] {
  return COLOR_IDS.map((color) => ({
    key: `color:${color}`,
    heading: legend[color],
    level: 2,
    items: chosen.filter((v) => v.color === color).map(plain),
  })).filter((g) => g.items.length > 0);
}

/** Code groups follow the tree (deeper codes are deeper headings, at most 6); a code shows when it or a code under it holds a quote. */
function byCode(chosen: readonly AnnotationView[], codebook: readonly CodeView[]): RawGroup[] {
  const byId = new Map(codebook.map((c) => [c.id, c]));
  const direct = new Map<string, AnnotationView[]>();
  const uncoded: AnnotationView[] = [];
  for (const view of chosen) {
    const ids = [...new Set(view.codeIds)].filter((id) => byId.has(id));
    if (ids.length === 0) uncoded.push(view);
    for (const id of ids) direct.set(id, [...(direct.get(id) ?? []), view]);
  }
  const shown = new Set<string>();
  for (const id of direct.keys()) {
    for (let at = byId.get(id); at && !shown.has(at.id); at = at.parentId ? byId.get(at.parentId) : undefined) shown.add(at.id);
  }
  const groups: RawGroup[] = codebook
    .filter((c) => shown.has(c.id))
    .map((c) => ({ key: `code:${c.id}`, heading: c.name, level: Math.min(6, 2 + depthOf(c, byId)), items: (direct.get(c.id) ?? []).map(plain) }));
  if (uncoded.length > 0) groups.push({ key: 'none', heading: NOT_CODED_HEADING, level: 2, items: uncoded.map(plain) });
  return groups;
}

function depthOf(code: CodeView, byId: ReadonlyMap<string, CodeView>): number {
  let depth = 0;
  const seen = new Set<string>([code.id]);
  for (let at = code.parentId; at !== null && !seen.has(at); at = byId.get(at)?.parentId ?? null) {
    seen.add(at);
    depth++;
  }
  return depth;
}

/**
 * One group per recommendation with live links from the chosen quotes, in the
 * recommendations' order; a quote linked twice to one recommendation is there
 * once, with the first relation in the order progress, gap, context.
 */
function byRecommendation(chosen: readonly AnnotationView[], recommendations: readonly RecommendationView[]): RawGroup[] {
  const byId = new Map(chosen.map((v) => [v.id, v]));
  const linked = new Set<string>();
  const rank = (r: RecommendationRelation) => RecommendationRelation.options.indexOf(r);
  const groups: RawGroup[] = [];
  for (const rec of recommendations) {
    const relationOf = new Map<string, RecommendationRelation>();
    for (const link of rec.links) {
      if (link.deleted || !byId.has(link.annotationId)) continue;
      const had = relationOf.get(link.annotationId);
      if (had === undefined || rank(link.relation) < rank(had)) relationOf.set(link.annotationId, link.relation);
    }
    if (relationOf.size === 0) continue;
    const items = chosen.filter((v) => relationOf.has(v.id)).map((view) => ({ view, relation: relationOf.get(view.id)! }));
    for (const id of relationOf.keys()) linked.add(id);
    groups.push({ key: `recommendation:${rec.id}`, heading: `Recommendation ${rec.index}: ${rec.title}`, level: 2, items });
  }
  const rest = chosen.filter((v) => !linked.has(v.id));
  if (rest.length > 0) groups.push({ key: 'none', heading: NOT_LINKED_HEADING, level: 2, items: rest.map(plain) });
  return groups;
}

/** The groups of `chosen` (already in document order, which each group keeps). */
export function groupAnnotations(chosen: readonly AnnotationView[], groupBy: BriefingGroupBy, context: GroupContext): RawGroup[] {
  switch (groupBy) {
    case 'color':
      return byColor(chosen, context.legend);
    case 'code':
      return byCode(chosen, context.codebook);
    case 'recommendation':
      return byRecommendation(chosen, context.recommendations);
    default:
      return bySection(chosen);
  }
}
