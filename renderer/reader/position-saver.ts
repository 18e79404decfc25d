/**
 * Saves the reading position without flooding the service: a debounced save
 * after scrolling settles, an immediate flush when the page is hidden or closed,
 * and nothing at all when the position did not change since the last save.
 */
import type { ReadingPosition } from '../../preload/contract';

export interface PositionSaverOptions {
  /** Reads the current position (first visible offset and progress). */
  read(): ReadingPosition | null;
  /** Persists it; rejections are reported by the caller's save function. */
  save(position: ReadingPosition): void;
  delayMs?: number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

export interface PositionSaver {
  /** Call after every scroll: (re)starts the debounce. */
  schedule(): void;
  /** Saves now if a save is pending or the position changed. */
  flush(): void;
  /** Records a position as already saved (e.g. the one restored at launch). */
  markSaved(position: ReadingPosition | null): void;
  cancel(): void;
}

/** Rounds progress so that sub-pixel jitter does not count as a change. */
function sameAs(a: ReadingPosition | null, b: ReadingPosition): boolean {
  return a !== null && a.offset === b.offset && Math.round(a.progress * 1000) === Math.round(b.progress * 1000);
}

export function createPositionSaver(options: PositionSaverOptions): PositionSaver {
  const delay = options.delayMs ?? 800;
  const setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer = options.clearTimer ?? ((handle) => clearTimeout(handle as ReturnType<typeof setTimeout>));
  let timer: unknown = null;
  let lastSaved: ReadingPosition | null = null;

  const saveNow = () => {
    timer = null;
    const position = options.read();
    if (!position || sameAs(lastSaved, position)) return;
    lastSaved = position;
    options.save(position);
  };

  return {
    schedule() {
      if (timer !== null) clearTimer(timer);
      timer = setTimer(saveNow, delay);
    },
    flush() {
      if (timer !== null) clearTimer(timer);
      saveNow();
    },
    markSaved(position) {
      lastSaved = position;
    },
    cancel() {
      if (timer !== null) clearTimer(timer);
      timer = null;
    },
  };
}
