/**
 * A card's links (issue 14): each one in words, out and in ("Evidence of a gap
 * for Recommendation 3: …", "Supported by Protection ¶4 “…”"), with Follow
 * (the tracker entry, or the other highlight and its card) and Remove; then
 * "Link to recommendation…" and "Link to another highlight…".
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { AnnotationLink, AnnotationView, LinkInput, RecommendationView } from '../../../preload/contract';
import { useAnnotations } from '../annotations-context';
import { annotationLinkText, annotationName, isRecommendationRelation, recommendationLinkText } from './link-words';
import { AnnotationTarget, RecommendationTarget } from './LinkTargets';
import { openRecommendation } from './tracker-request';
import { useRecommendationList } from './use-recommendation-list';
import './card-links.css';

interface LinkRow {
  key: string;
  text: string;
  /** The link as the service names it (from, to, relation), to remove it. */
  input: LinkInput;
  follow: (() => void) | null;
}

function rowsOf(view: AnnotationView, recs: readonly RecommendationView[] | null, find: (id: string) => AnnotationView | null, go: (id: string) => void): LinkRow[] {
  return view.links.map((link: AnnotationLink) => {
    const key = `${link.direction} ${link.relation} ${'recommendation' in link.to ? link.to.recommendation : link.to.annotation}`;
    if ('recommendation' in link.to) {
      const id = link.to.recommendation;
      const rec = recs?.find((r) => r.id === id);
      const relation = isRecommendationRelation(link.relation) ? link.relation : 'context';
      const text = recommendationLinkText(relation, rec?.index ?? Number(id.slice(4)), rec?.title ?? '…');
      return { key, text, input: { from: view.id, to: link.to, relation: link.relation }, follow: () => openRecommendation(id) };
    }
    const otherId = link.to.annotation;
    const other = find(otherId);
    const name = other ? annotationName(other) : 'another highlight';
    const relation = isRecommendationRelation(link.relation) ? 'same-issue' : link.relation;
    const text = `${annotationLinkText(link, relation, name)}${link.otherDeleted ? ' (in Recently deleted)' : ''}`;
    const input: LinkInput =
      link.direction === 'out' ? { from: view.id, to: link.to, relation: link.relation } : { from: otherId, to: { annotation: view.id }, relation: link.relation };
    return { key, text, input, follow: link.otherDeleted || !other ? null : () => go(otherId) };
  });
}

export function CardLinks({ view, readOnly }: { view: AnnotationView; readOnly: boolean }) {
  const { links, store, goTo, openCard } = useAnnotations();
  const { recommendations } = useRecommendationList();
  const [picking, setPicking] = useState<'recommendation' | 'annotation' | null>(null);
  const [message, setMessage] = useState('');
  const headingId = useId();
  const go = (id: string) => {
    goTo(id);
    openCard(id, false);
  };
  const rows = rowsOf(view, recommendations, (id) => store.get(id), go);
  const done = (said: string | null) => {
    setPicking(null);
    if (said) setMessage(said);
  };
  // When the picker closes, focus goes back to the button that opened it (the picker's controls are gone).
  const actionsRef = useRef<HTMLDivElement>(null);
  const lastPicked = useRef<typeof picking>(null);
  useEffect(() => {
    if (picking !== null) lastPicked.current = picking;
    else if (lastPicked.current !== null) {
      actionsRef.current?.querySelectorAll<HTMLButtonElement>('button')[lastPicked.current === 'recommendation' ? 0 : 1]?.focus();
      lastPicked.current = null;
    }
  }, [picking]);

  return (
    <section className="fm-card-links" aria-labelledby={headingId}>
      <h3 id={headingId} className="fm-field-label">
        Links
      </h3>
      {rows.length === 0 ? (
        <p className="fm-link-none">No links yet.</p>
      ) : (
        <ul className="fm-link-list">
          {rows.map((row) => (
            <li key={row.key}>
              <span className="fm-link-text">{row.text}</span>
              {row.follow && (
                <button type="button" className="fm-link-button" aria-label={`Follow: ${row.text}`} onClick={row.follow}>
                  Follow
                </button>
              )}
              <button
                type="button"
                className="fm-link-button"
                aria-label={`Remove link: ${row.text}`}
                disabled={readOnly}
                onClick={async () => {
                  const result = await links.unlink(row.input);
                  setMessage(result.ok ? 'Link removed.' : result.error);
                }}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <p className="fm-link-status" role="status">
        {message}
      </p>
      {picking === 'recommendation' && recommendations && <RecommendationTarget view={view} recommendations={recommendations} onDone={done} />}
      {picking === 'annotation' && <AnnotationTarget view={view} onDone={done} />}
      {picking === null && !readOnly && (
        <div className="fm-link-actions" ref={actionsRef}>
          <button type="button" className="fm-button" onClick={() => setPicking('recommendation')}>
            Link to recommendation…
          </button>
          <button type="button" className="fm-button" onClick={() => setPicking('annotation')}>
            Link to another highlight…
          </button>
        </div>
      )}
    </section>
  );
}
