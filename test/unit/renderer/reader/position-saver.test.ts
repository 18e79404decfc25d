import { describe, expect, it } from 'vitest';
import type { ReadingPosition } from '../../../../preload/contract';
import { createPositionSaver } from '../../../../renderer/reader/position-saver';

/** A saver on a hand-driven clock. */
function setup(initial: ReadingPosition) {
  let position: ReadingPosition | null = initial;
  const saved: ReadingPosition[] = [];
  const timers = new Map<number, () => void>();
  let nextTimer = 1;
  const saver = createPositionSaver({
    read: () => position,
    save: (p) => void saved.push(p),
    delayMs: 800,
    setTimer: (fn) => {
      const id = nextTimer++;
      timers.set(id, fn);
      return id;
    },
    clearTimer: (id) => void timers.delete(id as number),
  });
  return {
    saver,
    saved,
    move: (p: ReadingPosition | null) => (position = p),
    elapse: () => {
      const pending = [...timers.values()];
      timers.clear();
      for (const fn of pending) fn();
    },
    pending: () => timers.size,
  };
}

describe('reading position saver', () => {
  it('saves once after scrolling settles, not on every scroll event', () => {
    const s = setup({ offset: 100, progress: 0.1 });
    s.saver.schedule();
    s.move({ offset: 200, progress: 0.2 });
    s.saver.schedule();
    s.move({ offset: 300, progress: 0.3 });
    s.saver.schedule();
    expect(s.pending()).toBe(1);
    expect(s.saved).toEqual([]);
    s.elapse();
    expect(s.saved).toEqual([{ offset: 300, progress: 0.3 }]);
  });

  it('flushes a pending save at once when the page is hidden', () => {
    const s = setup({ offset: 100, progress: 0.1 });
    s.saver.schedule();
    s.saver.flush();
    expect(s.saved).toEqual([{ offset: 100, progress: 0.1 }]);
    expect(s.pending()).toBe(0);
  });

  it('does not save a position equal to the last one saved or restored', () => {
    const s = setup({ offset: 500, progress: 0.5 });
    s.saver.markSaved({ offset: 500, progress: 0.5 });
    s.saver.schedule();
    s.elapse();
    s.saver.flush();
    expect(s.saved).toEqual([]);
    s.move({ offset: 501, progress: 0.5 });
    s.saver.flush();
    expect(s.saved).toEqual([{ offset: 501, progress: 0.5 }]);
  });

  it('ignores sub-permille progress jitter at the same offset', () => {
    const s = setup({ offset: 10, progress: 0.25 });
    s.saver.flush();
    s.move({ offset: 10, progress: 0.25001 });
    s.saver.flush();
    expect(s.saved).toHaveLength(1);
  });

  it('saves nothing when there is no position to read, and cancel drops a pending save', () => {
    const s = setup({ offset: 1, progress: 0 });
    s.move(null);
    s.saver.flush();
    expect(s.saved).toEqual([]);
    s.move({ offset: 2, progress: 0 });
    s.saver.schedule();
    s.saver.cancel();
    s.elapse();
    expect(s.saved).toEqual([]);
  });
});
