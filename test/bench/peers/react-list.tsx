/**
 * Peer for B4: the plain React way to show a long document — one <p> per block,
 * rendered by React 19's createRoot (synchronously, with flushSync, so the
 * measurement covers React's whole render and commit).
 */
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import type { Block } from '../../../preload/contract';

function ParagraphList({ text, blocks }: { text: string; blocks: readonly Block[] }) {
  return (
    <div className="peer-react-list">
      {blocks.map((b) => (
        <p key={b.id}>{text.slice(b.start, b.end)}</p>
      ))}
    </div>
  );
}

/** Renders the list into `container` and returns the root (unmount it to clean up). */
export function renderParagraphList(container: HTMLElement, text: string, blocks: readonly Block[]): Root {
  const root = createRoot(container);
  flushSync(() => root.render(<ParagraphList text={text} blocks={blocks} />));
  return root;
}
