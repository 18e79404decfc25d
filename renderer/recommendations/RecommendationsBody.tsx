/**
 * The sheet's content: the Assessor field, a status line saying what a click
 * put in the Annotations panel, then either the table of the 12 or the one
 * recommendation opened from it, and the status legend.
 */
import { useState } from 'react';
import type { RecommendationId, RecommendationRelation, RecommendationView } from '../../preload/contract';
import { revealAnnotationsPanel } from '../app-state/panel-reveal';
import { useAnnotations } from '../annotations/annotations-context';
import { EMPTY_FILTER } from '../annotations/annotation-filter';
import type { RecommendationList } from '../annotations/links/use-recommendation-list';
import { AssessorField } from './AssessorField';
import { RecommendationDetail } from './RecommendationDetail';
import { StatusLegend } from './StatusLegend';
import { evidenceFilterLabel, evidenceIds } from './tracker-view';
import { TrackerDownloads } from './TrackerDownloads';
import { TrackerTable } from './TrackerTable';

interface Props {
  list: RecommendationList;
  openId: RecommendationId | null;
  onOpen(id: RecommendationId | null): void;
}

export function RecommendationsBody({ list, openId, onOpen }: Props) {
  const { setFilter } = useAnnotations();
  const [shown, setShown] = useState('');
  // Back in the table, focus returns to the entry just left.
  const [left, setLeft] = useState<RecommendationId | null>(null);
  const { recommendations, loadError } = list;
  const opened = openId ? (recommendations?.find((rec) => rec.id === openId) ?? null) : null;

  const onShow = (rec: RecommendationView, relation: RecommendationRelation) => {
    const label = evidenceFilterLabel(rec.index, relation);
    setFilter({ ...EMPTY_FILTER, ids: evidenceIds(rec, relation), idsLabel: label });
    revealAnnotationsPanel();
    setShown(`Annotations panel filtered to ${label}.`);
  };

  return (
    <div className="rt-body">
      <AssessorField />
      <p className="rt-status" role="status">
        {shown}
      </p>
      {loadError && (
        <p className="rt-error" role="alert">
          {loadError}
        </p>
      )}
      {recommendations === null ? (
        !loadError && <p className="rt-empty">Loading the recommendations…</p>
      ) : opened ? (
        <RecommendationDetail
          key={opened.id}
          rec={opened}
          onBack={() => {
            setLeft(opened.id);
            onOpen(null);
          }}
          onShow={onShow}
        />
      ) : (
        <>
          <TrackerTable recommendations={recommendations} focusId={left} onOpen={onOpen} onShow={onShow} />
          <TrackerDownloads />
        </>
      )}
      <StatusLegend />
    </div>
  );
}
