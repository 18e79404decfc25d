/** The reading progress: a thin bar under the toolbar and a percentage in it. */
import { useReadingState } from './reading-state';

export function ReadingProgressBar() {
  const { progress } = useReadingState();
  const percent = Math.round(progress * 100);
  return (
    <div
      className="progress-bar"
      role="progressbar"
      aria-label="Reading progress"
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      aria-valuetext={`${percent}% read`}
    >
      <div className="progress-fill" style={{ transform: `scaleX(${progress})` }} />
    </div>
  );
}

export function ReadingProgressLabel() {
  const { progress } = useReadingState();
  return (
    <span className="progress-label" aria-hidden="true" title="Reading progress">
      {Math.round(progress * 100)}%
    </span>
  );
}
