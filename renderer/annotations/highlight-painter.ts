/**
 * Paints annotations with the CSS Custom Highlight API: one Highlight per
 * colour plus one for the selected annotation, registered in CSS.highlights and
 * styled by ::highlight() rules in annotations.css. The article's DOM is never
 * touched, so selection, copy, search (mark.js) and React are unaffected.
 * https://drafts.csswg.org/css-highlight-api-1/
 *
 * `sync` updates only the ranges of annotations that were added, removed or
 * changed since the last paint (a Highlight is a set of ranges, so one range
 * can be added or deleted on its own); `paint` rebuilds everything, which is
 * needed only when the text's DOM changes (a render, search marks).
 */
import { COLOR_IDS, type ColorId } from '../../preload/contract';
import { SELECTED_HIGHLIGHT, highlightName } from './colors';
import { diffHighlights, type Paintable } from './highlight-diff';

export type { Paintable } from './highlight-diff';

export interface RangeSource {
  rangeFor(start: number, end: number): Range | null;
}

/** The User Timing measure each paint records (read it with performance.getEntriesByName). */
const PAINT_MEASURE = 'fieldmark:paint-highlights';

/** Whether this browser can paint custom highlights. */
function supportsHighlights(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
}

interface Painted extends Paintable {
  /** Null when the offsets could not be placed in the text (nothing is drawn). */
  range: Range | null;
}

export class HighlightPainter {
  private readonly painted = new Map<string, Painted>();
  private highlights: Map<ColorId, Highlight> | null = null;

  /**
   * Rebuilds every Range in one pass over the annotations and replaces the
   * per-colour highlights. Returns how many annotations were painted.
   */
  paint(surface: RangeSource, annotations: readonly Paintable[]): number {
    if (!supportsHighlights()) return 0;
    const started = performance.now();
    this.painted.clear();
    this.highlights = new Map(
      COLOR_IDS.map((id, i) => {
        const highlight = new Highlight();
        // Later colours paint over earlier ones where they overlap; both stay visible
        // because the backgrounds are translucent and the underlines differ.
        highlight.priority = i;
        return [id, highlight];
      }),
    );
    for (const a of annotations) this.add(surface, a);
    return this.finish(started);
  }

  /**
   * Paints `annotations`, touching only the ranges that differ from the last
   * paint. Returns how many annotations are painted.
   */
  sync(surface: RangeSource, annotations: readonly Paintable[]): number {
    if (!supportsHighlights()) return 0;
    if (!this.highlights) return this.paint(surface, annotations);
    const started = performance.now();
    const { added, removed, changed } = diffHighlights(this.painted, annotations);
    if (added.length === 0 && removed.length === 0 && changed.length === 0) return this.count();
    for (const id of removed) this.drop(id);
    for (const a of changed) {
      this.drop(a.id);
      this.add(surface, a);
    }
    for (const a of added) this.add(surface, a);
    return this.finish(started);
  }

  private add(surface: RangeSource, a: Paintable): void {
    const range = surface.rangeFor(a.start, a.end);
    this.painted.set(a.id, { id: a.id, color: a.color, start: a.start, end: a.end, range });
    if (range) this.highlights!.get(a.color)!.add(range);
  }

  private drop(id: string): void {
    const before = this.painted.get(id);
    if (!before) return;
    this.painted.delete(id);
    if (before.range) this.highlights!.get(before.color)!.delete(before.range);
  }

  private count(): number {
    let total = 0;
    for (const highlight of this.highlights?.values() ?? []) total += highlight.size;
    return total;
  }

  /** Registers the colours that have ranges (and only those), and records the measure. */
  private finish(started: number): number {
    for (const [id, highlight] of this.highlights!) {
      const name = highlightName(id);
      if (highlight.size === 0) CSS.highlights.delete(name);
      else if (CSS.highlights.get(name) !== highlight) CSS.highlights.set(name, highlight);
    }
    const painted = this.count();
    // Only the latest paint is kept, so the timeline does not grow while the user works.
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
    this.painted.clear();
    this.highlights = null;
  }
}
