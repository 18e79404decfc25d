/**
 * How a place in the report is cited, for every side that names one (the
 * annotation's citation, the import review, the find results): "Protection ¶4",
 * "Protection ¶4–¶6", "Title". Paragraph numbers are the report model's own
 * (1-based within a section; recommendation items count as paragraphs).
 */
import type { Block } from '../preload/contract';

type Cited = Pick<Block, 'kind' | 'section' | 'sectionTitle' | 'paragraph'>;

/** The part of the report a block is in: its section's title, or "Title" / "Tier ranking" before the first section. */
export function sectionLabel(block: Pick<Block, 'kind' | 'sectionTitle'>): string {
  if (block.kind === 'title') return 'Title';
  if (block.kind === 'tier') return 'Tier ranking';
  return block.sectionTitle ?? '';
}

/** A block's label for citations: "Protection ¶2", "Prioritized Recommendations ¶3", "Title". */
export function blockLabel(block: Cited): string {
  if (block.kind === 'title' || block.kind === 'tier' || block.paragraph === null) return sectionLabel(block);
  return `${block.sectionTitle} ¶${block.paragraph}`;
}

/** The citation of a range from its first to its last block: "Protection ¶2", "Protection ¶2–¶4", "Protection ¶9 – Prevention ¶1". */
export function rangeCitation(first: Cited, last: Cited): string {
  if (last === first) return blockLabel(first);
  const sameSection = last.section === first.section && last.paragraph !== null;
  return `${blockLabel(first)}${sameSection ? `–¶${last.paragraph}` : ` – ${blockLabel(last)}`}`;
}
