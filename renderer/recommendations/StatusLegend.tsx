/** The statuses in their order, each in words with what it means (the legend). */
import { useId } from 'react';
import { STATUS_LEGEND } from './tracker-view';

export function StatusLegend() {
  const id = useId();
  return (
    <section className="rt-legend" aria-labelledby={id}>
      <h3 id={id}>Statuses, in order</h3>
      <ol>
        {STATUS_LEGEND.map((entry) => (
          <li key={entry.status}>
            <span className="rt-badge" data-status={entry.status}>
              {entry.label}
            </span>{' '}
            — {entry.meaning}
          </li>
        ))}
      </ol>
    </section>
  );
}
