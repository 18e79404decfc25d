/** The table of contents: the introduction and every section heading, with where each starts. */
import type { Block, Report } from '../../preload/contract';
import { indexAtOffset } from '../../common/offset-lookup';

export interface TocEntry {
  /** Block id of the heading (or of the first introduction paragraph). */
  id: string;
  title: string;
  /** Text offset where the entry starts. */
  start: number;
}

/** Entries in document order: "Introduction" (if present) and one per heading. */
export function tocEntries(report: Pick<Report, 'blocks'>): TocEntry[] {
  const entries: TocEntry[] = [];
  const intro = report.blocks.find((b: Block) => b.kind === 'intro');
  if (intro) entries.push({ id: intro.id, title: intro.sectionTitle ?? 'Introduction', start: intro.start });
  for (const block of report.blocks) {
    if (block.kind === 'heading') entries.push({ id: block.id, title: block.sectionTitle ?? '', start: block.start });
  }
  return entries;
}

/** Index of the entry the offset falls in (the last one starting at or before it), or -1 before the first. */
export function entryIndexAt(entries: readonly TocEntry[], offset: number): number {
  return indexAtOffset(entries, offset);
}
