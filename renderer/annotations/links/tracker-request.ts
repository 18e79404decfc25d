/**
 * "Open this recommendation in the tracker", from a card's link or a badge in
 * the text. The Recommendations view sits above the annotations in the layers,
 * so the request travels as a window event it listens for (the same way a
 * sheet asks the shell to reveal the Annotations panel).
 */
import type { RecommendationId } from '../../../preload/contract';

const EVENT = 'fieldmark:open-recommendation';

/** Asks the Recommendations view to open with `id`'s entry. */
export function openRecommendation(id: RecommendationId): void {
  window.dispatchEvent(new CustomEvent<RecommendationId>(EVENT, { detail: id }));
}

/** Calls `listener` with the id whenever a recommendation is asked for; returns the unsubscribe function. */
export function onOpenRecommendation(listener: (id: RecommendationId) => void): () => void {
  const handle = (event: Event) => listener((event as CustomEvent<RecommendationId>).detail);
  window.addEventListener(EVENT, handle);
  return () => window.removeEventListener(EVENT, handle);
}
