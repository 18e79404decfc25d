import { describe, expect, it } from 'vitest';
import { placeBeside } from '../../../../renderer/annotations/toolbar-position';

const viewport = { width: 1000, height: 800 };
const size = { width: 200, height: 40 };

describe('placing floating UI beside a target', () => {
  it('centres it above the target when there is room', () => {
    expect(placeBeside({ left: 400, top: 300, width: 100, height: 20 }, size, viewport)).toEqual({ left: 350, top: 252, below: false });
  });

  it('puts it below when there is no room above', () => {
    expect(placeBeside({ left: 400, top: 20, width: 100, height: 20 }, size, viewport)).toEqual({ left: 350, top: 48, below: true });
  });

  it('prefers below when asked and there is room', () => {
    expect(placeBeside({ left: 400, top: 300, width: 100, height: 20 }, size, viewport, 'below').below).toBe(true);
  });

  it('keeps it inside the viewport horizontally', () => {
    expect(placeBeside({ left: 0, top: 300, width: 10, height: 20 }, size, viewport).left).toBe(8);
    expect(placeBeside({ left: 990, top: 300, width: 10, height: 20 }, size, viewport).left).toBe(792);
  });

  it('keeps it inside the viewport vertically even for a target taller than the screen', () => {
    const placed = placeBeside({ left: 100, top: -500, width: 100, height: 2000 }, size, viewport);
    expect(placed.top).toBeGreaterThanOrEqual(8);
    expect(placed.top).toBeLessThanOrEqual(800 - 40 - 8);
  });
});
