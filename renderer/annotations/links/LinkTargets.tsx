/**
 * The two pickers a card offers: the 12 recommendations by number and title,
 * and the other live annotations by citation and quote (searched over the note
 * too). Each links the card's annotation with the relation chosen.
 */
import { useMemo } from 'react';
import type { AnnotationRelation, AnnotationView, RecommendationRelation, RecommendationView } from '../../../preload/contract';
import type { AnnotationSnapshot } from '../annotation-store';
import { useAnnotations, useAnnotationsSelector } from '../annotations-context';
import { ANNOTATION_RELATIONS, annotationName, RECOMMENDATION_RELATIONS, recommendationName } from './link-words';
import { LinkPicker } from './LinkPicker';

interface TargetProps {
  view: AnnotationView;
  onDone(message: string | null): void;
}

export function RecommendationTarget({ view, recommendations, onDone }: TargetProps & { recommendations: readonly RecommendationView[] }) {
  const { links } = useAnnotations();
  const options = useMemo(() => recommendations.map((rec) => ({ id: rec.id, text: recommendationName(rec.index, rec.title), extra: rec.text })), [recommendations]);
  return (
    <LinkPicker<RecommendationRelation>
      title="Link to recommendation"
      searchLabel="Find a recommendation"
      options={options}
      relations={RECOMMENDATION_RELATIONS}
      onCancel={() => onDone(null)}
      onLink={async (id, relation) => {
        const result = await links.link({ from: view.id, to: { recommendation: id }, relation });
        if (!result.ok) return result.error;
        onDone('Linked.');
        return null;
      }}
    />
  );
}

const byLive = (snapshot: AnnotationSnapshot) => snapshot.live;

export function AnnotationTarget({ view, onDone }: TargetProps) {
  const { links } = useAnnotations();
  const live = useAnnotationsSelector(byLive);
  const options = useMemo(
    () => live.filter((other) => other.id !== view.id).map((other) => ({ id: other.id, text: annotationName(other), extra: `${other.exact} ${other.note}` })),
    [live, view.id],
  );
  return (
    <LinkPicker<AnnotationRelation>
      title="Link to another highlight"
      searchLabel="Find a highlight"
      options={options}
      relations={ANNOTATION_RELATIONS}
      onCancel={() => onDone(null)}
      onLink={async (id, relation) => {
        const result = await links.link({ from: view.id, to: { annotation: id }, relation });
        if (!result.ok) return result.error;
        onDone('Linked.');
        return null;
      }}
    />
  );
}
