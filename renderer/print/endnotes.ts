/**
 * Printed notes (issue 15, printing the report): the notes of the live
 * highlights, numbered in reading order and gathered per section, so a printed
 * report carries them as endnotes after each section, and the paragraph that
 * holds a highlight carries the numbers of its notes. Pure: blocks and views in,
 * a plan out; print-endnotes.ts puts it into the page.
 */
import type { AnnotationView, Block } from '../../preload/contract';
import { excerpt } from '../annotations/excerpt';

export interface Endnote {
  number: number;
  citation: string;
  /** The highlighted passage, shortened. */
  quote: string;
  note: string;
}

export interface SectionNotes {
  /** Index of the section's last block: the notes follow it. */
  afterBlock: number;
  sectionTitle: string;
  notes: Endnote[];
}

export interface EndnotePlan {
  sections: SectionNotes[];
  /** Block index → the numbers of the notes on highlights in it, in order. */
  markers: Map<number, number[]>;
}

const QUOTE_CHARS = 140;

/** Index of the block holding `offset` (blocks are in text order). */
function blockIndexAt(blocks: readonly Block[], offset: number): number {
  let low = 0;
  let high = blocks.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (blocks[mid]!.start <= offset) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  return found;
}

/** Index of the last block of the section that block `index` belongs to. */
function sectionEnd(blocks: readonly Block[], index: number): number {
  const section = blocks[index]!.section;
  let last = index;
  while (last + 1 < blocks.length && blocks[last + 1]!.section === section) last++;
  return last;
}

/**
 * Numbers the notes of `live` (live, anchored annotations in document order)
 * that have text; an annotation without a note gets no number.
 */
export function planEndnotes(blocks: readonly Block[], live: readonly AnnotationView[]): EndnotePlan {
  const sections: SectionNotes[] = [];
  const markers = new Map<number, number[]>();
  let number = 0;
  for (const view of live) {
    if (view.note.trim() === '') continue;
    const at = blockIndexAt(blocks, view.start);
    if (at < 0) continue;
    number++;
    const end = sectionEnd(blocks, at);
    let section = sections.at(-1);
    if (!section || section.afterBlock !== end) {
      section = { afterBlock: end, sectionTitle: blocks[at]!.sectionTitle ?? 'Introduction', notes: [] };
      sections.push(section);
    }
    section.notes.push({ number, citation: view.citation, quote: excerpt(view.exact, QUOTE_CHARS), note: view.note });
    markers.set(at, [...(markers.get(at) ?? []), number]);
  }
  return { sections, markers };
}
