/**
 * The 12 recommendations with their assessments, asked for while a view that
 * shows them is mounted and again after the tracker changes (an edit, undo or
 * redo moves `trackerVersion`) and, when `followAnnotations` (a view showing
 * evidence), after the annotations change (a link, a deletion or a restore
 * moves evidence counts). Views that show only statuses (the badges in the
 * text) leave annotation changes alone: at 10,000 annotations every edit would
 * otherwise ask the host for the tracker. Bursts are debounced, and an answer
 * that arrives after a newer request started is dropped.
 */
import { useEffect, useRef, useState } from 'react';
import type { RecommendationView } from '../../../preload/contract';
import { useApp } from '../../app-state/app-context';
import type { AnnotationSnapshot } from '../annotation-store';
import { useAnnotations, useAnnotationsSelector } from '../annotations-context';
import { changeFailure } from '../change-failure';
import { useSelector } from '../value-store';

const REFRESH_DELAY_MS = 150;
const identity = <T,>(value: T): T => value;
const byVersion = (snapshot: AnnotationSnapshot) => snapshot.version;

export interface RecommendationList {
  /** Null until the first answer. */
  recommendations: RecommendationView[] | null;
  loadError: string | null;
}

const NOT_FOLLOWED = () => 0;

export function useRecommendationList({ followAnnotations = true }: { followAnnotations?: boolean } = {}): RecommendationList {
  const { client } = useApp();
  const annotations = useAnnotationsSelector(followAnnotations ? byVersion : NOT_FOLLOWED);
  const tracker = useSelector(useAnnotations().links.trackerVersion, identity);
  const [list, setList] = useState<RecommendationList>({ recommendations: null, loadError: null });
  const asked = useRef(false);

  useEffect(() => {
    let current = true;
    const timer = window.setTimeout(
      () => {
        asked.current = true;
        client.listRecommendations().then(
          (recommendations) => {
            if (current) setList({ recommendations, loadError: null });
          },
          (error: unknown) => {
            if (current) setList((previous) => ({ ...previous, loadError: `The recommendations could not be loaded. ${changeFailure(error)}` }));
          },
        );
      },
      asked.current ? REFRESH_DELAY_MS : 0,
    );
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [client, annotations, tracker]);

  return list;
}
