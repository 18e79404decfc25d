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
  /** Whether it sits below the target. */
  below: boolean;
  /** The height available on the chosen side; taller content scrolls inside. */
  maxHeight: number;
}

const GAP = 8;
const MARGIN = 8;
/** Less room than this on both sides (a target taller than the screen): cover the target instead. */
const MIN_ROOM = 120;

/**
 * Places a box of `size` centred above or below `target`, inside `bounds`
 * (the visible area it may cover) with a small margin. It goes on the preferred
 * side when it fits there, else on the side with more room; `maxHeight` is the
 * room on that side, so a box taller than the room never leaves the bounds.
 */
export function placeBeside(target: Box, size: { width: number; height: number }, bounds: Box, prefer: 'above' | 'below' = 'above'): Placement {
  const boundsBottom = bounds.top + bounds.height;
  const roomAbove = Math.max(0, target.top - GAP - MARGIN - bounds.top);
  const roomBelow = Math.max(0, boundsBottom - MARGIN - (target.top + target.height + GAP));
  if (Math.max(roomAbove, roomBelow) < Math.min(size.height, MIN_ROOM)) {
    const height = Math.min(size.height, bounds.height - 2 * MARGIN);
    const left = Math.min(Math.max(target.left + target.width / 2 - size.width / 2, bounds.left + MARGIN), Math.max(bounds.left + MARGIN, bounds.left + bounds.width - size.width - MARGIN));
    return { left: Math.round(left), top: Math.round(boundsBottom - height - MARGIN), below: true, maxHeight: Math.max(0, Math.floor(height)) };
  }
  const fitsAbove = roomAbove >= size.height;
  const fitsBelow = roomBelow >= size.height;
  const below = prefer === 'below' ? fitsBelow || (!fitsAbove && roomBelow >= roomAbove) : !fitsAbove && (fitsBelow || roomBelow > roomAbove);
  const room = below ? roomBelow : roomAbove;
  const height = Math.min(size.height, room);
  const rawTop = below ? target.top + target.height + GAP : target.top - GAP - height;
  const rawLeft = target.left + target.width / 2 - size.width / 2;
  const maxLeft = Math.max(bounds.left + MARGIN, bounds.left + bounds.width - size.width - MARGIN);
  const maxTop = Math.max(bounds.top + MARGIN, boundsBottom - height - MARGIN);
  return {
    left: Math.round(Math.min(Math.max(rawLeft, bounds.left + MARGIN), maxLeft)),
    top: Math.round(Math.min(Math.max(rawTop, bounds.top + MARGIN), maxTop)),
    below,
    maxHeight: Math.max(0, Math.floor(room)),
  };
}
