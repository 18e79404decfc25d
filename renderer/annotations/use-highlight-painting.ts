/**
 * Keeps the painted highlights in step with the annotations and the surface:
 * repaints when annotations change and whenever the surface says its DOM
 * changed (a render, or search marks added or removed).
 */
import { useEffect, useRef } from 'react';
import type { AnnotationView } from '../../preload/contract';
import type { TextSurface } from '../reader/text-surface';
import { HighlightPainter } from './highlight-painter';

/** Paints `live` on the surface and marks the selected annotation. */
export function useHighlightPainting(surface: TextSurface | null, live: readonly AnnotationView[], selectedId: string | null): void {
  const painter = useRef<HighlightPainter | null>(null);
  painter.current ??= new HighlightPainter();

  useEffect(() => {
    const p = painter.current!;
    return () => p.clear();
  }, []);

  useEffect(() => {
    if (!surface) return;
    const p = painter.current!;
    const paint = () => p.paint(surface, live);
    paint();
    return surface.onChange(paint);
  }, [surface, live]);

  useEffect(() => {
    if (!surface) return;
    const p = painter.current!;
    const selected = selectedId ? (live.find((a) => a.id === selectedId) ?? null) : null;
    const paint = () => p.paintSelected(surface, selected);
    paint();
    return surface.onChange(paint);
  }, [surface, live, selectedId]);
}
