/**
 * "Highlight the current find match": the find bar's way to create a highlight
 * without a visible selection (a screen reader's browse-mode selection is not
 * the page's). The button, and Ctrl/Cmd+Shift+H anywhere in the bar (the key
 * that highlights a selection in the text), highlight the current match in the
 * first colour; the card opens for a note, and the result is announced.
 */
import { useCallback } from 'react';
import { isMac } from '../api/platform';
import { DEFAULT_COLOR } from '../annotations/colors';
import { useAnnouncedCreate } from '../annotations/use-announced-create';
import type { FindState } from './use-find';

/** Whether a key press is the bar's highlight key. */
export function isHighlightMatchKey(event: { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean }): boolean {
  const mod = isMac ? event.metaKey : event.ctrlKey;
  return mod && event.shiftKey && !event.altKey && event.key.toLowerCase() === 'h';
}

/** Highlights the current match; resolves false when there is none. */
export function useHighlightMatch(find: Pick<FindState, 'matches' | 'current'>): () => Promise<boolean> {
  const create = useAnnouncedCreate();
  const { matches, current } = find;
  return useCallback(async () => {
    const match = current >= 0 ? matches[current] : undefined;
    if (!match) return false;
    return (await create(match.start, match.end, DEFAULT_COLOR, 'the find match')) !== null;
  }, [create, current, matches]);
}

export function HighlightMatchButton({ onHighlight, disabled }: { onHighlight(): void; disabled: boolean }) {
  const keys = isMac ? 'Meta+Shift+H' : 'Control+Shift+H';
  return (
    <button type="button" className="find-highlight" aria-keyshortcuts={keys} title={`Highlight the current find match (${isMac ? '⇧⌘H' : 'Ctrl+Shift+H'})`} disabled={disabled} onClick={onHighlight}>
      Highlight the current find match
    </button>
  );
}
