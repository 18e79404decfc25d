/**
 * Paragraph descriptions for screen readers: each block that holds highlights
 * gets `aria-describedby` pointing at a sentence ("2 highlights. Key finding:
 * '…', has a note; …") kept in a hidden element outside the article. The
 * sentences are never inside the article, so its text nodes, text offsets, find
 * and copy are untouched; a hidden element still gives its text to the
 * accessible description of whatever points at it (accname 1.2, step 2B).
 * https://www.w3.org/TR/accname-1.2/#step2B
 *
 * Only the blocks whose highlights changed are rewritten (block-descriptions.ts),
 * and a first build is one append of a fragment, because every DOM change costs
 * more while many highlight ranges are registered (see use-highlight-painting).
 */
import { useEffect, useRef } from 'react';
import type { AnnotationView, ColorId, Legend } from '../../preload/contract';
import type { TextSurface } from '../text/text-surface';
import { BlockDescriptions } from './block-descriptions';

/** The User Timing measure each update records (read it with performance.getEntriesByName). */
export const DESCRIBE_MEASURE = 'fieldmark:describe-highlights';
const HOST_ID = 'fm-highlight-descriptions';
/** A first build of more annotations than this waits for idle time (measured: 38–214 ms at 10,000 on a loaded 2-core machine). */
const IDLE_BUILD_ABOVE = 1000;
/** Longest wait for idle time before the first build runs anyway. */
const FIRST_BUILD_WAIT_MS = 1500;

/** The id of a block's description element. */
export function descriptionId(blockId: string): string {
  return `fm-desc-${blockId}`;
}

class DescriptionWriter {
  readonly host = document.createElement('div');
  readonly index: BlockDescriptions;
  private readonly nodes = new Map<number, HTMLElement>();

  constructor(private readonly surface: TextSurface) {
    this.host.id = HOST_ID;
    this.host.hidden = true;
    document.body.appendChild(this.host);
    this.index = new BlockDescriptions(surface.blocks);
  }

  /** Whether a list with highlights has been described once (the first build is done). */
  built = false;

  /** Takes the new list and rewrites what changed; the measure covers both (nothing is recorded when nothing changed). */
  sync(list: readonly AnnotationView[], colorName: (id: ColorId) => string): void {
    const started = performance.now();
    if (list.length > 0) this.built = true;
    const dirty = this.index.update(list);
    if (dirty.size > 0) this.write(dirty, colorName, started);
  }

  /** Rewrites the descriptions of `dirty` blocks and points their elements at them. */
  write(dirty: Iterable<number>, colorName: (id: ColorId) => string, started = performance.now()): void {
    const elements = this.surface.blockElements();
    const fresh = document.createDocumentFragment();
    let count = 0;
    for (const i of dirty) {
      count++;
      const element = elements[i];
      if (!element) continue;
      const text = this.index.describe(i, colorName);
      let node = this.nodes.get(i);
      if (text === '') {
        node?.remove();
        this.nodes.delete(i);
        element.removeAttribute('aria-describedby');
        continue;
      }
      if (!node) {
        node = document.createElement('p');
        node.id = descriptionId(element.getAttribute('data-block-id') ?? String(i));
        this.nodes.set(i, node);
        fresh.appendChild(node);
      }
      if (node.textContent !== text) node.textContent = text;
      element.setAttribute('aria-describedby', node.id);
    }
    if (fresh.childNodes.length > 0) this.host.appendChild(fresh);
    performance.clearMeasures(DESCRIBE_MEASURE);
    performance.measure(DESCRIBE_MEASURE, { start: started, detail: { blocks: count } });
  }

  /** Points the (re-rendered) block elements at their descriptions again. */
  relink(): void {
    const elements = this.surface.blockElements();
    for (const [i, node] of this.nodes) elements[i]?.setAttribute('aria-describedby', node.id);
  }

  destroy(): void {
    const elements = this.surface.blockElements();
    for (const i of this.nodes.keys()) elements[i]?.removeAttribute('aria-describedby');
    this.nodes.clear();
    this.host.remove();
  }
}

/** Keeps the paragraph descriptions in step with `live` and the legend's labels. */
export function useHighlightDescriptions(surface: TextSurface | null, live: readonly AnnotationView[], legend: Legend, colorName: (id: ColorId) => string): void {
  const writer = useRef<DescriptionWriter | null>(null);
  const latest = useRef({ live, colorName });
  latest.current = { live, colorName };

  useEffect(() => {
    if (!surface || !surface.report) return;
    const built = new DescriptionWriter(surface);
    writer.current = built;
    if (latest.current.live.length > 0) built.sync(latest.current.live, latest.current.colorName);
    // A render replaces the block elements (mark.js only splits their text nodes): relink them.
    const unsubscribe = surface.onChange(() => built.relink());
    return () => {
      unsubscribe();
      built.destroy();
      if (writer.current === built) writer.current = null;
    };
  }, [surface]);

  // A large first build (all annotations arriving at once, while the panel renders them too)
  // waits for idle time; every later change is described at once.
  useEffect(() => {
    const w = writer.current;
    if (!w) return;
    if (w.built || live.length <= IDLE_BUILD_ABOVE || typeof requestIdleCallback !== 'function') {
      w.sync(live, colorName);
      return;
    }
    const handle = requestIdleCallback(() => w.sync(latest.current.live, latest.current.colorName), { timeout: FIRST_BUILD_WAIT_MS });
    return () => cancelIdleCallback(handle);
  }, [live, colorName]);

  // Another label for a colour changes the words of every description.
  const shownLegend = useRef(legend);
  useEffect(() => {
    const w = writer.current;
    if (!w || shownLegend.current === legend) return;
    shownLegend.current = legend;
    w.write(w.index.described(), latest.current.colorName);
  }, [legend]);
}
