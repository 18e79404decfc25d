/** Which card of the panel's list holds focus, from focus events on the list. */
import { useCallback, useState, type FocusEvent } from 'react';

/** The id of the card holding focus (null when focus is outside the list). */
export function useFocusedCard(): { focusedId: string | null; onFocus(e: FocusEvent): void; onBlur(e: FocusEvent<HTMLElement>): void } {
  const [focusedId, setFocusedId] = useState<string | null>(null);
  const onFocus = useCallback((event: FocusEvent) => {
    const id = event.target instanceof Element ? (event.target.closest<HTMLElement>('li[data-annotation-id]')?.dataset.annotationId ?? null) : null;
    setFocusedId(id);
  }, []);
  const onBlur = useCallback((event: FocusEvent<HTMLElement>) => {
    if (!(event.relatedTarget instanceof Node && event.currentTarget.contains(event.relatedTarget))) setFocusedId(null);
  }, []);
  return { focusedId, onFocus, onBlur };
}
