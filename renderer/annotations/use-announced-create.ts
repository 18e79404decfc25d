/**
 * Creating a highlight and saying so: every way to highlight (the selection
 * toolbar and keys, the find match, the caret's sentence or paragraph) goes
 * through here, so a screen-reader user hears that it was saved, where and in
 * which colour. A refused save raises the alert with Retry (use-annotation-changes).
 */
import { useCallback } from 'react';
import type { AnnotationView, ColorId } from '../../preload/contract';
import { useAnnounce } from '../app-state/announcer';
import { useAnnotations } from './annotations-context';

export type AnnouncedCreate = (start: number, end: number, color: ColorId, what?: string) => Promise<AnnotationView | null>;

/** "Highlighted the sentence as Key finding at Protection ¶4. Saved." */
export function createdWords(view: Pick<AnnotationView, 'color' | 'citation'>, label: string, what = 'the selection'): string {
  return `Highlighted ${what} as ${label} at ${view.citation}. Saved.`;
}

export function useAnnouncedCreate(): AnnouncedCreate {
  const { create, colorName } = useAnnotations();
  const announce = useAnnounce();
  return useCallback(
    async (start, end, color, what) => {
      const view = await create(start, end, color);
      if (view) announce(createdWords(view, colorName(view.color), what));
      return view;
    },
    [announce, colorName, create],
  );
}
