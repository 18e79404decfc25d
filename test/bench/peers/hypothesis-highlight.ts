/**
 * Peer for B1: a Hypothesis-style highlighting pipeline, written for the
 * benchmark. For each annotation it reads the root's text, anchors the quote
 * with approx-string-match near the position hint (hypothesis-anchor.ts),
 * turns the text offsets into a DOM Range by walking the text nodes, splits the
 * text nodes at the range's ends and wraps every text node inside the range in
 * a <hypothesis-highlight> element — the DOM-wrapping approach Hypothesis uses.
 */
import { anchorQuote, type PeerQuote } from './hypothesis-anchor';

export interface PeerAnnotation {
  quote: PeerQuote;
  /** Position hint: where the quote started in the root's text when it was made. */
  hint: number;
}

/** The text node and offset `offset` characters into `root`'s text. */
function pointAt(root: Node, offset: number): { node: Text; offset: number } | null {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let remaining = offset;
  let last: Text | null = null;
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    if (remaining < node.length) return { node, offset: remaining };
    remaining -= node.length;
    last = node;
  }
  return last && remaining === 0 ? { node: last, offset: last.length } : null;
}

/** A Range over root-text offsets [start, end). */
function rangeAt(root: Node, start: number, end: number): Range | null {
  const from = pointAt(root, start);
  const to = pointAt(root, end);
  if (!from || !to) return null;
  const range = document.createRange();
  range.setStart(from.node, from.offset);
  range.setEnd(to.node, to.offset);
  return range;
}

/** Wraps the text in `range` in highlight elements (splitting text nodes at its ends); returns them. */
function wrap(range: Range, className: string): HTMLElement[] {
  let startNode = range.startContainer;
  let endNode = range.endContainer;
  let endOffset = range.endOffset;
  if (startNode instanceof Text && range.startOffset > 0) {
    const rest = startNode.splitText(range.startOffset);
    if (endNode === startNode) {
      endNode = rest;
      endOffset -= range.startOffset;
    }
    startNode = rest;
  }
  if (endNode instanceof Text && endOffset < endNode.length) endNode.splitText(endOffset);
  const nodes: Text[] = [];
  const walker = document.createTreeWalker(range.commonAncestorContainer, NodeFilter.SHOW_TEXT);
  walker.currentNode = startNode;
  for (let node: Node | null = startNode; node; node = walker.nextNode()) {
    if (node instanceof Text && node.data.trim() !== '') nodes.push(node);
    if (node === endNode) break;
  }
  return nodes.map((node) => {
    const el = document.createElement('hypothesis-highlight');
    el.className = className;
    node.parentNode!.insertBefore(el, node);
    el.appendChild(node);
    return el;
  });
}

/** Anchors and highlights each annotation in turn; returns how many were highlighted. */
export function highlightAll(root: HTMLElement, annotations: readonly PeerAnnotation[]): number {
  let highlighted = 0;
  for (const a of annotations) {
    const text = root.textContent ?? '';
    const anchor = anchorQuote(text, a.quote, a.hint);
    if (!anchor) continue;
    const range = rangeAt(root, anchor.start, anchor.end);
    if (!range) continue;
    if (wrap(range, 'hypothesis-highlight').length > 0) highlighted++;
  }
  return highlighted;
}
