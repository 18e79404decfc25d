/**
 * Peer for B4: React 19's createRoot rendering the same markup TextSurface
 * builds (renderer/reader/text-surface.ts) — `div.fm-chunk` groups of 24
 * top-level nodes, h1/p/h2/ol>li blocks with the same classes, data attributes
 * and `--fm-chars`/`--fm-blocks` size estimates — into the same reading column,
 * under the same style sheets. Its blocks therefore get the same
 * `content-visibility` rules, and B4 compares React with our DOM builder, not
 * CSS with no CSS. Rendered synchronously (flushSync), so the measurement
 * covers React's whole render and commit.
 */
import type { CSSProperties, ReactElement } from 'react';
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import type { Block } from '../../../preload/contract';

/** TextSurface's CHUNK_NODES: top-level nodes per content-visibility chunk. */
const CHUNK_NODES = 24;

type Top = { kind: 'block'; block: Block } | { kind: 'list'; items: Block[] };
interface Chunk {
  nodes: Top[];
  chars: number;
  blocks: number;
}

/** Groups blocks exactly as TextSurface.render does: recommendations in one list, 24 top-level nodes per chunk. */
function chunksOf(blocks: readonly Block[]): Chunk[] {
  const chunks: Chunk[] = [];
  let chunk: Chunk | null = null;
  let list: Block[] | null = null;
  const place = (node: Top) => {
    if (!chunk || chunk.nodes.length >= CHUNK_NODES) {
      chunk = { nodes: [], chars: 0, blocks: 0 };
      chunks.push(chunk);
    }
    chunk.nodes.push(node);
  };
  for (const block of blocks) {
    if (block.kind === 'recommendation') {
      if (!list) {
        list = [];
        place({ kind: 'list', items: list });
      }
      list.push(block);
    } else {
      list = null;
      place({ kind: 'block', block });
    }
    chunk!.chars += block.end - block.start;
    chunk!.blocks++;
  }
  return chunks;
}

const withVar = (name: string, value: number): CSSProperties => ({ [name]: String(value) }) as CSSProperties;

function BlockElement({ block, text }: { block: Block; text: string }): ReactElement {
  const content = text.slice(block.start, block.end);
  const common = { 'data-block-id': block.id, 'data-start': block.start, 'data-end': block.end };
  const sized = withVar('--fm-chars', block.end - block.start);
  switch (block.kind) {
    case 'title':
      return <h1 className="fm-title" {...common}>{content}</h1>;
    case 'tier':
      return <p className="fm-tier" {...common}>{content}</p>;
    case 'heading':
      return <h2 className="fm-heading" id={`fm-${block.id}`} {...common}>{content}</h2>;
    case 'recommendation':
      return <li className="fm-block fm-item" style={sized} {...common}>{content}</li>;
    default: {
      const numbered = block.kind === 'paragraph' || block.kind === 'intro';
      return (
        <p className="fm-block fm-para" style={numbered ? sized : undefined} data-para={numbered ? String(block.paragraph ?? '') : undefined} {...common}>
          {content}
        </p>
      );
    }
  }
}

function Surface({ text, blocks }: { text: string; blocks: readonly Block[] }): ReactElement {
  return (
    <>
      {chunksOf(blocks).map((chunk, i) => (
        <div key={i} className="fm-chunk" style={{ ...withVar('--fm-chars', chunk.chars), ...withVar('--fm-blocks', chunk.blocks) }}>
          {chunk.nodes.map((node) =>
            node.kind === 'block' ? (
              <BlockElement key={node.block.id} block={node.block} text={text} />
            ) : (
              <ol key={`list-${node.items[0]!.id}`} className="fm-recommendations">
                {node.items.map((b) => (
                  <BlockElement key={b.id} block={b} text={text} />
                ))}
              </ol>
            ),
          )}
        </div>
      ))}
    </>
  );
}

/** Renders the document into `container` and returns the root (unmount it to clean up). */
export function renderParagraphList(container: HTMLElement, text: string, blocks: readonly Block[]): Root {
  const root = createRoot(container);
  flushSync(() => root.render(<Surface text={text} blocks={blocks} />));
  return root;
}
