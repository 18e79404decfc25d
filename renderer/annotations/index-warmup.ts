/**
 * Folds the filter index in the browser's idle time after a load, a few
 * milliseconds at a time, so the first filter key finds it ready without the
 * load itself paying for 10,000 folds in one long task.
 * https://developer.mozilla.org/docs/Web/API/Window/requestIdleCallback
 */
import type { FilterIndex } from './filter-index';

/** Leaves this much of each idle period to the browser. */
const SPARE_MS = 2;
/**
 * The most one slice works, though an idle period may offer 50 ms: a key pressed
 * during a slice waits for it to end (a traced 10,000-annotation load spent 45 ms in one).
 */
const SLICE_MS = 8;

/** Starts warming `index` in idle periods; the returned function stops it. */
export function warmInIdle(index: FilterIndex): () => void {
  let handle: number | null = null;
  const step = (deadline: IdleDeadline) => {
    const until = performance.now() + SLICE_MS;
    const more = index.warm(() => deadline.timeRemaining() > SPARE_MS && performance.now() < until);
    handle = more ? requestIdleCallback(step) : null;
  };
  handle = requestIdleCallback(step);
  return () => {
    if (handle !== null) cancelIdleCallback(handle);
  };
}
