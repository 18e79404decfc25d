/**
 * Paints annotations with the CSS Custom Highlight API: one Highlight per
 * colour plus one for the selected annotation, registered in CSS.highlights and
 * styled by ::highlight() rules in annotations.css. The article's DOM is never
 * touched, so selection, copy, search (mark.js) and React are unaffected.
 * https://drafts.csswg.org/css-highlight-api-1/
 */
import { COLOR_IDS, type ColorId } from '../../preload/contract';
import { SELECTED_HIGHLIGHT, highlightName } from './colors';

export interface Paintable {
  id: string;
  color: ColorId;
  start: number;
  end: number;
}

export interface RangeSource {
  rangeFor(start: number, end: number): Range | null;
}

/** The User Timing measure each paint records (read it with performance.getEntriesByName). */
export const PAINT_MEASURE = 'fieldmark:paint-highlights';

/** Whether this browser can paint custom highlights. */
export function supportsHighlights(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
}

export class HighlightPainter {
  /**
   * Rebuilds every Range in one pass over the annotations and replaces the
   * per-colour highlights. Returns how many annotations were painted.
   */
  paint(surface: RangeSource, annotations: readonly Paintable[]): number {
    if (!supportsHighlights()) return 0;
    const started = performance.now();
    const byColor = new Map<ColorId, Range[]>(COLOR_IDS.map((id) => [id, []]));
    let painted = 0;
    for (const a of annotations) {
      const range = surface.rangeFor(a.start, a.end);
      if (!range) continue;
      byColor.get(a.color)!.push(range);
      painted++;
    }
    COLOR_IDS.forEach((id, i) => {
      const ranges = byColor.get(id)!;
      if (ranges.length === 0) {
        CSS.highlights.delete(highlightName(id));
        return;
      }
      const highlight = new Highlight(...ranges);
      // Later colours paint over earlier ones where they overlap; both stay visible
      // because the backgrounds are translucent and the underlines differ.
      highlight.priority = i;
      CSS.highlights.set(highlightName(id), highlight);
    });
    // Only the latest paint is kept, so the timeline does not grow while the user searches.
    performance.clearMeasures(PAINT_MEASURE);
    performance.measure(PAINT_MEASURE, { start: started, detail: { count: painted } });
    return painted;
  }

  /** Marks the selected annotation (drawn above the colours), or clears the mark. */
  paintSelected(surface: RangeSource, selected: Paintable | null): void {
    if (!supportsHighlights()) return;
    const range = selected ? surface.rangeFor(selected.start, selected.end) : null;
    if (!range) {
      CSS.highlights.delete(SELECTED_HIGHLIGHT);
      return;
    }
    const highlight = new Highlight(range);
    highlight.priority = COLOR_IDS.length;
    CSS.highlights.set(SELECTED_HIGHLIGHT, highlight);
  }

  /** Removes every highlight this painter registered. */
  clear(): void {
    if (!supportsHighlights()) return;
    for (const id of COLOR_IDS) CSS.highlights.delete(highlightName(id));
    CSS.highlights.delete(SELECTED_HIGHLIGHT);
  }
}
