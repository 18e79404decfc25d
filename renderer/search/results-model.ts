/**
 * The find results list as data: matches grouped by the section they fall in,
 * each with a short snippet of the surrounding text. Pure, so the list can be
 * tested without a DOM and rendered by React (never as HTML).
 */
import type { Block } from '../../preload/contract';
import type { TextMatch } from './matcher';
import { sectionLabel } from '../../common/citation';
import { indexAtOffset } from '../../common/offset-lookup';

export interface Snippet {
  /** Text before the match, white space collapsed, with a leading "…" when cut. */
  before: string;
  /** The matched text, white space collapsed. */
  match: string;
  /** Text after the match, white space collapsed, with a trailing "…" when cut. */
  after: string;
}

export interface ResultItem {
  /** Index of the match in the full match list (what navigation uses). */
  index: number;
  match: TextMatch;
  snippet: Snippet;
}

export interface ResultGroup {
  /** Stable key for the list: section title plus the index of its first match. */
  key: string;
  title: string;
  /** Items on the current page. */
  items: ResultItem[];
  /** Matches in this run of the section, including those outside the page. */
  total: number;
}

/** Characters of context shown on each side of a match. */
export const SNIPPET_CONTEXT = 48;

const collapse = (s: string) => s.replace(/\s+/g, ' ');

/** The section title a match is listed under ("Protection"; "Title" before the first section). */
export function sectionTitleAt(blocks: readonly Block[], offset: number): string {
  const block = blocks[Math.max(0, indexAtOffset(blocks, offset))];
  if (!block) return 'Report';
  return sectionLabel(block);
}

/**
 * A snippet around a match, kept within the match's block(s) so it never drags
 * in a heading, and cut at word boundaries where possible.
 */
export function snippetFor(text: string, blocks: readonly Block[], match: TextMatch, context = SNIPPET_CONTEXT): Snippet {
  const first = blocks[indexAtOffset(blocks, match.start)];
  const last = blocks[indexAtOffset(blocks, Math.max(match.start, match.end - 1))];
  const floor = first ? Math.min(first.start, match.start) : 0;
  const ceiling = last ? Math.max(last.end, match.end) : text.length;
  let from = Math.max(floor, match.start - context);
  let to = Math.min(ceiling, match.end + context);
  if (from > floor) {
    const space = text.indexOf(' ', from);
    if (space !== -1 && space < match.start) from = space + 1;
  }
  if (to < ceiling) {
    const space = text.lastIndexOf(' ', to);
    if (space > match.end) to = space;
  }
  const before = collapse(text.slice(from, match.start)).replace(/^ /, '');
  const after = collapse(text.slice(match.end, to)).replace(/ $/, '');
  return {
    before: (from > floor ? '…' : '') + before,
    match: collapse(text.slice(match.start, match.end)),
    after: after + (to < ceiling ? '…' : ''),
  };
}

/**
 * Groups the matches [from, to) by section, in document order. Consecutive
 * matches of one section form one group (a document repeated 100× gets one
 * group per occurrence of the section); `total` counts the whole run, also the
 * part outside the page.
 */
export function groupResults(
  text: string,
  blocks: readonly Block[],
  matches: readonly TextMatch[],
  from = 0,
  to = matches.length,
): ResultGroup[] {
  const start = Math.max(0, from);
  const end = Math.min(to, matches.length);
  const titleOf = (index: number) => sectionTitleAt(blocks, matches[index]!.start);
  const groups: ResultGroup[] = [];
  let group: ResultGroup | null = null;
  for (let index = start; index < end; index++) {
    const match = matches[index]!;
    const title = titleOf(index);
    if (!group || group.title !== title) {
      group = { key: `${title}:${index}`, title, items: [], total: 0 };
      groups.push(group);
    }
    group.items.push({ index, match, snippet: snippetFor(text, blocks, match) });
  }
  for (const g of groups) g.total = g.items.length;
  // The first and last groups may continue beyond the page.
  const first = groups[0];
  if (first) for (let i = start - 1; i >= 0 && titleOf(i) === first.title; i--) first.total++;
  const last = groups[groups.length - 1];
  if (last) for (let i = end; i < matches.length && titleOf(i) === last.title; i++) last.total++;
  return groups;
}
