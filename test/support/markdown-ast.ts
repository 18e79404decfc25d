/**
 * Reads Markdown back with two independent CommonMark parsers (commonmark.js and
 * markdown-it) into the same simple shape, so tests can compare recovered text
 * with what was exported and see every node type the parser produced.
 */
import { Parser, type Node } from 'commonmark';
import MarkdownIt from 'markdown-it';

/** A block as a test sees it: its type, heading level, and inline content. */
export interface SimpleBlock {
  type: 'heading' | 'paragraph' | 'blockquote' | 'list' | 'other';
  level?: number;
  /** Recovered text: text and code literally, hard breaks as `\n`. */
  text: string;
  /** Inline node types met, e.g. `text`, `code`, `hardbreak`. */
  inlineTypes: string[];
}

export interface ParsedMarkdown {
  blocks: SimpleBlock[];
  /** Every node or token type in the document. */
  allTypes: Set<string>;
}

const HTML_TYPES = ['html_block', 'html_inline'];

/**
 * The node and token types an export is built from: blocks we write on purpose
 * (headings, paragraphs, block quotes, bullet lists), plain text and hard breaks.
 * Anything else (emphasis, code, links, strikethrough, tables, soft breaks,
 * ordered lists, thematic breaks, code blocks, HTML) came out of escaped text.
 */
const STRUCTURAL_TYPES = new Set([
  // commonmark.js
  'document',
  'heading',
  'paragraph',
  'block_quote',
  'list',
  'item',
  'text',
  'linebreak',
  // markdown-it
  'heading_open',
  'heading_close',
  'paragraph_open',
  'paragraph_close',
  'blockquote_open',
  'blockquote_close',
  'bullet_list_open',
  'bullet_list_close',
  'list_item_open',
  'list_item_close',
  'inline',
  'hardbreak',
]);

/** Node types in the parse that escaped text must never produce (see STRUCTURAL_TYPES). */
export function syntaxTypes(parsed: ParsedMarkdown): string[] {
  return [...parsed.allTypes].filter((t) => !STRUCTURAL_TYPES.has(t));
}

/** True when the parse produced any raw-HTML node. */
export function hasHtml(parsed: ParsedMarkdown): boolean {
  return HTML_TYPES.some((t) => parsed.allTypes.has(t));
}

function inlineOfCommonmark(node: Node, into: { text: string; types: string[] }): void {
  for (let child = node.firstChild; child; child = child.next) {
    const type = child.type === 'linebreak' ? 'hardbreak' : child.type === 'softbreak' ? 'softbreak' : child.type;
    into.types.push(type);
    if (child.type === 'text' || child.type === 'code') into.text += child.literal ?? '';
    else if (child.type === 'linebreak' || child.type === 'softbreak') into.text += '\n';
    else inlineOfCommonmark(child, into);
  }
}

/** Parses with commonmark.js. Block quotes and list items hold one paragraph in our exports. */
export function parseCommonmark(markdown: string): ParsedMarkdown {
  const doc = new Parser().parse(markdown);
  const allTypes = new Set<string>();
  const walker = doc.walker();
  for (let event = walker.next(); event; event = walker.next()) allTypes.add(event.node.type);
  const blocks: SimpleBlock[] = [];
  for (let node = doc.firstChild; node; node = node.next) {
    const into = { text: '', types: [] as string[] };
    if (node.type === 'heading') {
      inlineOfCommonmark(node, into);
      blocks.push({ type: 'heading', level: node.level, text: into.text, inlineTypes: into.types });
    } else if (node.type === 'paragraph') {
      inlineOfCommonmark(node, into);
      blocks.push({ type: 'paragraph', text: into.text, inlineTypes: into.types });
    } else if (node.type === 'block_quote') {
      const texts: string[] = [];
      for (let p = node.firstChild; p; p = p.next) {
        const part = { text: '', types: [] as string[] };
        inlineOfCommonmark(p, part);
        texts.push(part.text);
        into.types.push(p.type, ...part.types);
      }
      blocks.push({ type: 'blockquote', text: texts.join('\n\n'), inlineTypes: into.types });
    } else if (node.type === 'list') {
      const texts: string[] = [];
      for (let item = node.firstChild; item; item = item.next) {
        const part = { text: '', types: [] as string[] };
        for (let p = item.firstChild; p; p = p.next) inlineOfCommonmark(p, part);
        texts.push(part.text);
        into.types.push(...part.types);
      }
      blocks.push({ type: 'list', text: texts.join('\n'), inlineTypes: into.types });
    } else blocks.push({ type: 'other', text: '', inlineTypes: [node.type] });
  }
  return { blocks, allTypes };
}

const markdownIt = new MarkdownIt();

type Token = ReturnType<InstanceType<typeof MarkdownIt>['parse']>[number];

function inlineOfMarkdownIt(token: Token, into: { text: string; types: string[] }): void {
  for (const child of token.children ?? []) {
    into.types.push(child.type === 'code_inline' ? 'code' : child.type);
    if (child.type === 'text' || child.type === 'code_inline') into.text += child.content;
    else if (child.type === 'hardbreak' || child.type === 'softbreak') into.text += '\n';
  }
}

/** Parses with markdown-it (default preset: CommonMark plus tables and strikethrough). */
export function parseMarkdownIt(markdown: string): ParsedMarkdown {
  const tokens = markdownIt.parse(markdown, {});
  const allTypes = new Set<string>();
  for (const t of tokens) {
    allTypes.add(t.type);
    for (const c of t.children ?? []) allTypes.add(c.type);
  }
  const blocks: SimpleBlock[] = [];
  let i = 0;
  const inlineUntil = (close: string): { text: string; types: string[] } => {
    const into = { text: '', types: [] as string[] };
    const parts: string[] = [];
    while (i < tokens.length && tokens[i]!.type !== close) {
      const t = tokens[i]!;
      if (t.type === 'inline') {
        const part = { text: '', types: [] as string[] };
        inlineOfMarkdownIt(t, part);
        parts.push(part.text);
        into.types.push(...part.types);
      } else if (t.type !== 'paragraph_open' && t.type !== 'paragraph_close' && !t.type.startsWith('list_item')) {
        into.types.push(t.type);
      } else if (t.type === 'paragraph_open') into.types.push('paragraph');
      i++;
    }
    into.text = parts.join(close === 'blockquote_close' ? '\n\n' : '\n');
    i++;
    return into;
  };
  while (i < tokens.length) {
    const t = tokens[i]!;
    i++;
    if (t.type === 'heading_open') {
      const r = inlineUntil('heading_close');
      blocks.push({ type: 'heading', level: Number(t.tag.slice(1)), text: r.text, inlineTypes: r.types });
    } else if (t.type === 'paragraph_open') {
      const r = inlineUntil('paragraph_close');
      blocks.push({ type: 'paragraph', text: r.text, inlineTypes: r.types });
    } else if (t.type === 'blockquote_open') {
      const r = inlineUntil('blockquote_close');
      blocks.push({ type: 'blockquote', text: r.text, inlineTypes: r.types });
    } else if (t.type === 'bullet_list_open') {
      const r = inlineUntil('bullet_list_close');
      blocks.push({ type: 'list', text: r.text, inlineTypes: r.types });
    } else blocks.push({ type: 'other', text: '', inlineTypes: [t.type] });
  }
  return { blocks, allTypes };
}

export const PARSERS = [
  { name: 'commonmark.js', parse: parseCommonmark },
  { name: 'markdown-it', parse: parseMarkdownIt },
] as const;
