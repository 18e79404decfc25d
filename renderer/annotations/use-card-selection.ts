/**
 * Which annotation is selected and which one's card is open. Opening another
 * card or closing one first saves the note being typed in it; going to an
 * annotation scrolls the reading surface to it and flashes it.
 */
import { useCallback, useRef, useState } from 'react';
import type { TextSurface } from '../text/text-surface';
import type { AnnotationStore } from './annotation-store';
import { ValueStore } from './value-store';

export interface CardTarget {
  id: string;
  /** The id the card opened with: a highlight's temporary id stays its card's key once saved, so the card is not remounted. */
  key: string;
  /** Whether opening the card moves focus into its note. */
  focusNote: boolean;
}

export interface CardSelection {
  /** The selected annotation's id (read it with `useSelector`). */
  selection: ValueStore<string | null>;
  card: CardTarget | null;
  select(id: string | null): void;
  openCard(id: string, focusNote?: boolean): void;
  closeCard(): Promise<void>;
  /** Scrolls the text to an annotation (centred, or near the top to make room for its card), flashes it and selects it. */
  goTo(id: string, align?: 'center' | 'start'): void;
  /** Closes the card of an annotation that went to the trash and clears it from the selection (its note is stored already). */
  forget(id: string): void;
  /** A highlight being created was saved: its card and selection follow it from the temporary id to the saved one. */
  rename(from: string, to: string): void;
}

interface CardSelectionDeps {
  store: AnnotationStore;
  surface: TextSurface | null;
  commitNote(id: string): Promise<boolean>;
}

export function useCardSelection({ store, surface, commitNote }: CardSelectionDeps): CardSelection {
  const [selection] = useState(() => new ValueStore<string | null>(null));
  const [card, setCard] = useState<CardTarget | null>(null);
  const cardRef = useRef(card);
  cardRef.current = card;

  const select = useCallback((id: string | null) => selection.set(id), [selection]);

  const openCard = useCallback(
    (id: string, focusNote = true) => {
      const previous = cardRef.current;
      // The card being replaced saves its note first, as closing it would.
      if (previous && previous.id !== id) void commitNote(previous.id);
      cardRef.current = { id, key: id, focusNote };
      selection.set(id);
      setCard(cardRef.current);
    },
    [commitNote, selection],
  );

  const closeCard = useCallback(async () => {
    const current = cardRef.current;
    cardRef.current = null;
    setCard(null);
    if (current) await commitNote(current.id);
  }, [commitNote]);

  const goTo = useCallback(
    (id: string, align: 'center' | 'start' = 'center') => {
      const view = store.get(id);
      if (!view) return;
      selection.set(id);
      surface?.scrollToOffset(view.start, { flash: { start: view.start, end: view.end }, align });
    },
    [selection, store, surface],
  );

  const forget = useCallback(
    (id: string) => {
      if (cardRef.current?.id === id) {
        cardRef.current = null;
        setCard(null);
      }
      if (selection.get() === id) selection.set(null);
    },
    [selection],
  );

  const rename = useCallback(
    (from: string, to: string) => {
      const current = cardRef.current;
      if (current?.id === from) {
        cardRef.current = { ...current, id: to };
        setCard(cardRef.current);
      }
      if (selection.get() === from) selection.set(to);
    },
    [selection],
  );

  return { selection, card, select, openCard, closeCard, goTo, forget, rename };
}
