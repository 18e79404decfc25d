/**
 * The review before sharing (issue 16): each note going out with likely
 * personal data, the data highlighted (a mark element) and named in words
 * (e-mail address, phone number, web address, long number). The user can go
 * back, mark an annotation sensitive (its note is then withheld), or continue.
 */
import type { ReactNode } from 'react';
import type { ShareHit, ShareReview } from '../../preload/contract';

const KIND_LABELS: Record<ShareHit['kind'], string> = { email: 'e-mail address', phone: 'phone number', url: 'web address', digits: 'long number' };

/** The note with every hit in it marked, in order. */
function markedNote(note: string, hits: readonly ShareHit[]) {
  const parts: ReactNode[] = [];
  let at = 0;
  for (const hit of hits) {
    parts.push(note.slice(at, hit.start));
    parts.push(<mark key={hit.start} title={KIND_LABELS[hit.kind]}>{note.slice(hit.start, hit.end)}</mark>);
    at = hit.end;
  }
  parts.push(note.slice(at));
  return parts;
}

interface ShareReviewListProps {
  review: ShareReview;
  onMarkSensitive(annotationId: string): void;
  onAnswer(go: boolean): void;
}

export function ShareReviewList({ review, onMarkSensitive, onAnswer }: ShareReviewListProps) {
  const byAnnotation = new Map<string, ShareHit[]>();
  for (const hit of review.hits) byAnnotation.set(hit.annotationId, [...(byAnnotation.get(hit.annotationId) ?? []), hit]);
  return (
    <section className="export-section" aria-label="Review before sharing">
      <h3 className="export-section-title">Review before sharing</h3>
      <p className="export-hint">These notes would go out and may hold personal data. Mark an annotation sensitive to withhold its note, or continue.</p>
      <ul className="export-review-list">
        {[...byAnnotation].map(([id, hits]) => (
          <li key={id}>
            <p>
              <strong>{hits[0]!.citation}</strong>: {hits.map((h) => KIND_LABELS[h.kind]).join(', ')}
            </p>
            <p>{markedNote(hits[0]!.note, hits)}</p>
            <button type="button" className="export-button" onClick={() => onMarkSensitive(id)}>
              Mark sensitive
            </button>
          </li>
        ))}
      </ul>
      <div className="export-actions">
        <button type="button" className="export-button" onClick={() => onAnswer(false)}>
          Go back
        </button>
        <button type="button" className="export-button primary" onClick={() => onAnswer(true)}>
          Continue
        </button>
      </div>
    </section>
  );
}
