/** Font-size steps of the reading view (the contract's FONT_SIZES). */
import { DEFAULT_SETTINGS, FONT_SIZES } from '../../preload/contract';

export const DEFAULT_FONT_SIZE = DEFAULT_SETTINGS.fontSize;
export const MIN_FONT_SIZE = FONT_SIZES[0];
export const MAX_FONT_SIZE = FONT_SIZES[FONT_SIZES.length - 1]!;

/** The next larger step (or the largest), also from a size between steps. */
export function largerFontSize(size: number): number {
  return FONT_SIZES.find((s) => s > size) ?? MAX_FONT_SIZE;
}

/** The next smaller step (or the smallest), also from a size between steps. */
export function smallerFontSize(size: number): number {
  for (let i = FONT_SIZES.length - 1; i >= 0; i--) if (FONT_SIZES[i]! < size) return FONT_SIZES[i]!;
  return MIN_FONT_SIZE;
}

/** What a keyboard shortcut asks for: Ctrl/Cmd with +, −, or 0; null for any other key. */
export function fontSizeShortcut(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey'>): 'larger' | 'smaller' | 'reset' | null {
  if (!(event.ctrlKey || event.metaKey) || event.altKey) return null;
  switch (event.key) {
    case '+':
    case '=':
      return 'larger';
    case '-':
    case '_':
      return 'smaller';
    case '0':
      return 'reset';
    default:
      return null;
  }
}

export type FontSizeAction = 'larger' | 'smaller' | 'reset';

/** The size a shortcut or the desktop View menu's zoom asks for, from the current size. */
export function nextFontSize(action: FontSizeAction, size: number): number {
  return action === 'larger' ? largerFontSize(size) : action === 'smaller' ? smallerFontSize(size) : DEFAULT_FONT_SIZE;
}

/** The desktop View menu's zoom direction as a font-size action. */
export function zoomToFontSizeAction(direction: 'in' | 'out' | 'reset'): FontSizeAction {
  return direction === 'in' ? 'larger' : direction === 'out' ? 'smaller' : 'reset';
}
