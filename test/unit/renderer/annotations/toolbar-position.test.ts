import { describe, expect, it } from 'vitest';
import { placeBeside } from '../../../../renderer/annotations/toolbar-position';

const viewport = { left: 0, top: 0, width: 1000, height: 800 };
const size = { width: 200, height: 40 };

describe('placing floating UI beside a target', () => {
  it('centres it above the target when there is room', () => {
    expect(placeBeside({ left: 400, top: 300, width: 100, height: 20 }, size, viewport)).toMatchObject({ left: 350, top: 252, below: false });
  });

  it('puts it below when there is no room above', () => {
    expect(placeBeside({ left: 400, top: 20, width: 100, height: 20 }, size, viewport)).toMatchObject({ left: 350, top: 48, below: true });
  });

  it('prefers below when asked and there is room', () => {
    expect(placeBeside({ left: 400, top: 300, width: 100, height: 20 }, size, viewport, 'below').below).toBe(true);
  });

  it('keeps it inside the bounds horizontally', () => {
    expect(placeBeside({ left: 0, top: 300, width: 10, height: 20 }, size, viewport).left).toBe(8);
    expect(placeBeside({ left: 990, top: 300, width: 10, height: 20 }, size, viewport).left).toBe(792);
  });

  it('never covers what lies outside the bounds (a header above the reading pane)', () => {
    const pane = { left: 230, top: 52, width: 740, height: 808 };
    const card = { width: 380, height: 440 };
    const placed = placeBeside({ left: 300, top: 456, width: 200, height: 24 }, card, pane, 'below');
    expect(placed.top).toBeGreaterThanOrEqual(52 + 8);
    expect(placed.top + Math.min(card.height, placed.maxHeight)).toBeLessThanOrEqual(52 + 808 - 8);
    expect(placed.left).toBeGreaterThanOrEqual(238);
  });

  it('takes the side with more room when it fits on neither, and says how much room there is', () => {
    const pane = { left: 0, top: 0, width: 1000, height: 800 };
    const placed = placeBeside({ left: 100, top: 500, width: 100, height: 20 }, { width: 300, height: 600 }, pane, 'below');
    expect(placed.below).toBe(false);
    expect(placed.maxHeight).toBe(500 - 8 - 8);
    expect(placed.top).toBe(8);
  });

  it('covers a target taller than the screen rather than vanishing, inside the bounds', () => {
    const placed = placeBeside({ left: 100, top: -500, width: 100, height: 2000 }, size, viewport);
    expect(placed).toMatchObject({ top: 800 - 40 - 8, maxHeight: 40 });
    const tall = placeBeside({ left: 100, top: -500, width: 100, height: 2000 }, { width: 300, height: 1200 }, viewport);
    expect(tall).toMatchObject({ top: 8, maxHeight: 800 - 16 });
  });
});
