/**
 * Counts over the live annotations, maintained as annotations come and go
 * rather than recounted by walking every annotation on each render: per colour,
 * per section, and per tag (a tag counts itself and its sub-tags, by the tag
 * rule of common/tag-identity.ts). The panel reads them directly when no filter
 * narrows the list.
 */
import { COLOR_IDS, type AnnotationView, type ColorId, type SectionId } from '../../preload/contract';
import { tagKey, tagKeys } from '../../common/tag-identity';

function bump<K>(map: Map<K, number>, key: K, by: number): void {
  const next = (map.get(key) ?? 0) + by;
  if (next === 0) map.delete(key);
  else map.set(key, next);
}

export function emptyColorCounts(): Record<ColorId, number> {
  return Object.fromEntries(COLOR_IDS.map((id) => [id, 0])) as Record<ColorId, number>;
}

export class Tallies {
  readonly colors = emptyColorCounts();
  readonly sections = new Map<SectionId, number>();
  /** Annotations per tag key (a tag and its sub-tags). */
  readonly tagTotals = new Map<string, number>();
  /** Tags as written, by tag key: each spelling and how many annotations use it. */
  readonly written = new Map<string, Map<string, number>>();

  add(view: AnnotationView): void {
    this.change(view, 1);
  }

  remove(view: AnnotationView): void {
    this.change(view, -1);
  }

  clear(): void {
    for (const id of COLOR_IDS) this.colors[id] = 0;
    this.sections.clear();
    this.tagTotals.clear();
    this.written.clear();
  }

  private change(view: AnnotationView, by: 1 | -1): void {
    this.colors[view.color] += by;
    if (view.section !== null) bump(this.sections, view.section, by);
    for (const key of tagKeys(view.tags)) bump(this.tagTotals, key, by);
    const seen = new Set<string>();
    for (const tag of view.tags) {
      if (seen.has(tag)) continue;
      seen.add(tag);
      const key = tagKey(tag);
      let spellings = this.written.get(key);
      if (!spellings) this.written.set(key, (spellings = new Map()));
      bump(spellings, tag, by);
      if (spellings.size === 0) this.written.delete(key);
    }
  }
}

/**
 * The tags the panel lists, each shown as first written in `live` (document
 * order), with the count `counts` gives it; chosen tags are always listed.
 * Spellings of one tag (by the tag rule) are listed once. Most used first, then by name.
 */
export function listTags(
  tallies: Tallies,
  live: readonly AnnotationView[],
  counts: ReadonlyMap<string, number>,
  chosen: readonly string[],
): Array<{ tag: string; count: number }> {
  const distinct = new Map<string, string>();
  let ambiguous = false;
  for (const [key, spellings] of tallies.written) {
    if (spellings.size === 1) distinct.set(key, spellings.keys().next().value!);
    else ambiguous = true;
  }
  // Rare: one tag written in several spellings. The first spelling in document order wins.
  if (ambiguous) {
    for (const a of live) for (const tag of a.tags) if (!distinct.has(tagKey(tag))) distinct.set(tagKey(tag), tag);
  }
  for (const wanted of chosen) if (!distinct.has(tagKey(wanted))) distinct.set(tagKey(wanted), wanted);
  const list = [...distinct].map(([key, tag]) => ({ tag, count: counts.get(key) ?? 0 }));
  return list.sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag));
}
