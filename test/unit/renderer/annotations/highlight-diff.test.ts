import { describe, expect, it } from 'vitest';
import { diffHighlights, type Paintable } from '../../../../renderer/annotations/highlight-diff';
import { WINDOW_ABOVE, inWindow, needsNewWindow, windowFor } from '../../../../renderer/annotations/highlight-window';

const p = (id: string, start: number, end: number, color: Paintable['color'] = 'key'): Paintable => ({ id, start, end, color });

describe('highlight diff', () => {
  it('finds only what was added, removed or changed', () => {
    const painted = new Map([p('a', 0, 5), p('b', 10, 20), p('c', 30, 40)].map((x) => [x.id, x]));
    const next = [p('a', 0, 5), p('b', 10, 20, 'gap'), p('d', 50, 60)];
    const diff = diffHighlights(painted, next);
    expect(diff.added.map((x) => x.id)).toEqual(['d']);
    expect(diff.changed.map((x) => x.id)).toEqual(['b']);
    expect(diff.removed).toEqual(['c']);
  });

  it('reports nothing when nothing changed, and a moved range as changed', () => {
    const painted = new Map([p('a', 0, 5)].map((x) => [x.id, x]));
    expect(diffHighlights(painted, [p('a', 0, 5)])).toEqual({ added: [], removed: [], changed: [] });
    expect(diffHighlights(painted, [p('a', 1, 5)]).changed).toHaveLength(1);
  });
});

describe('highlight window', () => {
  it('paints around the visible text and moves only when the reader nears its edge', () => {
    const visible = { start: 10_000, end: 12_000 };
    const window = windowFor(visible);
    expect(window.start).toBeLessThan(visible.start);
    expect(window.end).toBeGreaterThan(visible.end);
    expect(needsNewWindow(window, visible)).toBe(false);
    expect(needsNewWindow(window, { start: 12_000, end: 14_000 })).toBe(true);
    expect(needsNewWindow(null, visible)).toBe(true);
  });

  it('keeps annotations that overlap the window, including long ones starting before it', () => {
    const list = [p('before', 0, 10), p('long', 0, 500), p('inside', 200, 210), p('after', 900, 910)];
    expect(inWindow(list, { start: 100, end: 300 }).map((x) => x.id)).toEqual(['long', 'inside']);
    expect(inWindow(list, null)).toBe(list);
    expect(WINDOW_ABOVE).toBeGreaterThanOrEqual(1000);
  });
});
