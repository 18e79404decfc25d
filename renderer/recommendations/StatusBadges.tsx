/**
 * The status badges in the reading view: each recommendation item shows a
 * small focusable button with its status in words ("Partly addressed") that
 * opens its tracker entry. Keys pressed on a badge stay with it, so Enter opens
 * the entry rather than a highlight's card under the caret.
 */
import { createPortal } from 'react-dom';
import { STATUS_LABELS, type RecommendationId, type RecommendationView } from '../../preload/contract';
import { useApp } from '../app-state/app-context';
import { useBadgeHosts } from './use-badge-hosts';

interface Props {
  recommendations: readonly RecommendationView[] | null;
  onOpen(id: RecommendationId): void;
}

export function StatusBadges({ recommendations, onOpen }: Props) {
  const { surface } = useApp();
  const hosts = useBadgeHosts(surface);
  if (!recommendations) return null;
  return (
    <>
      {hosts.map((host) => {
        const rec = recommendations.find((r) => r.id === host.id);
        if (!rec) return null;
        const label = STATUS_LABELS[rec.status];
        return createPortal(
          <button
            type="button"
            className="rt-text-badge"
            data-status={rec.status}
            data-label={label}
            aria-label={`Recommendation ${rec.index}: ${label}`}
            onKeyDown={(event) => {
              if (event.key === 'Enter' || event.key === ' ') event.stopPropagation();
            }}
            onClick={(event) => {
              event.stopPropagation();
              onOpen(rec.id);
            }}
          />,
          host.element,
          host.id,
        );
      })}
    </>
  );
}
