/**
 * The 12 recommendations as a table: number, title (a button that opens the
 * entry), status in words, the start of the rationale, and the evidence counts
 * by relation. A non-zero count is a button that filters the Annotations panel
 * to exactly the annotations it counts.
 */
import { STATUS_LABELS, type RecommendationId, type RecommendationRelation, type RecommendationView } from '../../preload/contract';
import { excerpt } from '../annotations/excerpt';
import { RECOMMENDATION_RELATIONS, recommendationName } from '../annotations/links/link-words';
import { evidenceCountName } from './tracker-view';

interface Props {
  recommendations: readonly RecommendationView[];
  /** The entry whose Open button takes focus as the table shows again. */
  focusId: RecommendationId | null;
  onOpen(id: RecommendationId): void;
  onShow(rec: RecommendationView, relation: RecommendationRelation): void;
}

export function TrackerTable({ recommendations, focusId, onOpen, onShow }: Props) {
  return (
    <div className="rt-scroll" tabIndex={0} role="region" aria-label="Recommendations table">
      <table className="rt-table">
        <caption>The report’s 12 recommendations, their status and the evidence linked to each</caption>
        <thead>
          <tr>
            <th scope="col">No.</th>
            <th scope="col">Recommendation</th>
            <th scope="col">Status</th>
            <th scope="col">Rationale</th>
            {RECOMMENDATION_RELATIONS.map(({ relation, label }) => (
              <th scope="col" key={relation} className="rt-count-head">
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {recommendations.map((rec) => (
            <tr key={rec.id}>
              <td className="rt-index">{rec.index}</td>
              <th scope="row" className="rt-title">
                <button
                  type="button"
                  className="rt-open"
                  data-tracker-start={rec.id === focusId ? '' : undefined}
                  aria-label={`Open ${recommendationName(rec.index, rec.title)}`}
                  onClick={() => onOpen(rec.id)}
                >
                  {rec.title}
                </button>
              </th>
              <td>
                <span className="rt-badge" data-status={rec.status}>
                  {STATUS_LABELS[rec.status]}
                </span>
              </td>
              <td className="rt-rationale">{rec.rationale ? excerpt(rec.rationale, 48) : <span className="rt-none">—</span>}</td>
              {RECOMMENDATION_RELATIONS.map(({ relation }) => {
                const count = rec.evidence[relation];
                return (
                  <td key={relation} className="rt-count">
                    {count > 0 ? (
                      <button type="button" className="rt-count-button" aria-label={evidenceCountName(count, relation, rec.index)} onClick={() => onShow(rec, relation)}>
                        {count}
                      </button>
                    ) : (
                      <span className="rt-zero">0</span>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
