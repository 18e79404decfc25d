/**
 * How a highlight is put into words for screen readers, once, so the paragraph
 * descriptions and the highlight navigator say the same thing: the colour's
 * label (the legend), the start of the quote and whether there is a note.
 */
import type { AnnotationView, ColorId } from '../../preload/contract';
import { excerpt } from './excerpt';

/** What the words are made from (a subset of AnnotationView, so tests can build it by hand). */
export type Describable = Pick<AnnotationView, 'id' | 'color' | 'start' | 'end' | 'exact' | 'note' | 'tags'>;

/** Characters of the quote said before it is cut with an ellipsis. */
const QUOTE_START = 30;
/** Highlights listed by name in one paragraph's description; the rest are counted. */
export const LISTED_PER_BLOCK = 5;

/** "Gap or failure: 'authorities again did not…', has a note" */
export function highlightWords(view: Describable, colorName: (id: ColorId) => string): string {
  const note = view.note.trim() === '' ? '' : ', has a note';
  return `${colorName(view.color)}: '${excerpt(view.exact, QUOTE_START)}'${note}`;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "Highlight 3 of 12, Gap or failure: 'authorities again did not…', has a note, 2 tags" */
export function navigatorWords(view: Describable, position: number, total: number, colorName: (id: ColorId) => string): string {
  const tags = view.tags.length === 0 ? '' : `, ${plural(view.tags.length, 'tag', 'tags')}`;
  return `Highlight ${position} of ${total}, ${highlightWords(view, colorName)}${tags}`;
}

/**
 * The description of one paragraph: "2 highlights. Key finding: '…', has a note;
 * Gap or failure: '…'." Items in document order; '' when there are none. Only the
 * first few are named, so a crowded paragraph stays short.
 */
export function blockDescription(items: readonly Describable[], colorName: (id: ColorId) => string): string {
  if (items.length === 0) return '';
  const named = items.slice(0, LISTED_PER_BLOCK).map((view) => highlightWords(view, colorName));
  const rest = items.length - named.length;
  const more = rest > 0 ? `; and ${rest} more` : '';
  return `${plural(items.length, 'highlight', 'highlights')}. ${named.join('; ')}${more}.`;
}
