/** Where floating UI (the highlight toolbar, the annotation card) goes beside a target rectangle. */

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface Placement {
  left: number;
  top: number;
  /** Whether it sits below the target (there was no room above). */
  below: boolean;
}

const GAP = 8;
const MARGIN = 8;

/**
 * Places a box of `size` centred above `target` (or below it when there is no
 * room above), kept inside the viewport with a small margin.
 */
export function placeBeside(target: Box, size: { width: number; height: number }, viewport: { width: number; height: number }, prefer: 'above' | 'below' = 'above'): Placement {
  const roomAbove = target.top - GAP - MARGIN >= size.height;
  const roomBelow = target.top + target.height + GAP + size.height + MARGIN <= viewport.height;
  const below = prefer === 'below' ? roomBelow || !roomAbove : !roomAbove && roomBelow;
  const rawTop = below ? target.top + target.height + GAP : target.top - GAP - size.height;
  const rawLeft = target.left + target.width / 2 - size.width / 2;
  const maxLeft = Math.max(MARGIN, viewport.width - size.width - MARGIN);
  const maxTop = Math.max(MARGIN, viewport.height - size.height - MARGIN);
  return {
    left: Math.round(Math.min(Math.max(rawLeft, MARGIN), maxLeft)),
    top: Math.round(Math.min(Math.max(rawTop, MARGIN), maxTop)),
    below,
  };
}
