/**
 * A recommendation's evidence by relation (progress, gap, context): each
 * annotation by citation and quote, a button that goes to the passage in the
 * text and opens its card. An annotation in the trash is listed as "in
 * Recently deleted" and goes nowhere.
 */
import type { RecommendationRelation, RecommendationView } from '../../preload/contract';
import { useAnnotations } from '../annotations/annotations-context';
import { annotationName } from '../annotations/links/link-words';
import { evidenceCountName, evidenceGroups } from './tracker-view';

interface Props {
  rec: RecommendationView;
  onShow(rec: RecommendationView, relation: RecommendationRelation): void;
}

export function EvidenceList({ rec, onShow }: Props) {
  const { store, goTo, openCard } = useAnnotations();
  const groups = evidenceGroups(rec, (id) => store.get(id));
  return (
    <section className="rt-evidence" aria-label="Evidence">
      {groups.map((group) => (
        <div key={group.relation} className="rt-evidence-group">
          <h4>
            {group.label} ({rec.evidence[group.relation]})
          </h4>
          {group.items.length === 0 ? (
            <p className="rt-none">None linked.</p>
          ) : (
            <ul>
              {group.items.map((item) => (
                <li key={item.annotationId}>
                  {item.deleted || !item.view ? (
                    <span className="rt-deleted">{item.view ? `${annotationName(item.view, 80)} — in Recently deleted` : 'An annotation in Recently deleted'}</span>
                  ) : (
                    <button
                      type="button"
                      className="rt-evidence-button"
                      onClick={() => {
                        goTo(item.view!.id);
                        openCard(item.view!.id, false);
                      }}
                    >
                      {annotationName(item.view, 80)}
                    </button>
                  )}
                </li>
              ))}
            </ul>
          )}
          {rec.evidence[group.relation] > 0 && (
            <button type="button" className="rt-link-button" onClick={() => onShow(rec, group.relation)}>
              {`Show the ${evidenceCountName(rec.evidence[group.relation], group.relation, rec.index)} in the panel`}
            </button>
          )}
        </div>
      ))}
    </section>
  );
}
