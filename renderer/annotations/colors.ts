/**
 * The five annotation colours and how each is told apart: a translucent
 * background per theme (annotations.css) plus a distinct underline style, so a
 * colour never depends on hue alone (WCAG 1.4.1, Use of Color).
 */
import { COLOR_IDS, DEFAULT_LEGEND, type ColorId, type Legend } from '../../preload/contract';

export type DecorationStyle = 'solid' | 'dotted' | 'dashed' | 'wavy' | 'double';

export interface ColorStyle {
  id: ColorId;
  /** The hue's plain name, stable while the user renames the label. */
  swatch: string;
  /** The second cue: the underline drawn under text in this colour. */
  decoration: DecorationStyle;
  /** The digit key that applies this colour to a selection. */
  shortcut: string;
}

export const COLORS: readonly ColorStyle[] = [
  { id: 'key', swatch: 'Yellow', decoration: 'solid', shortcut: '1' },
  { id: 'gap', swatch: 'Red', decoration: 'wavy', shortcut: '2' },
  { id: 'progress', swatch: 'Green', decoration: 'double', shortcut: '3' },
  { id: 'statistic', swatch: 'Blue', decoration: 'dashed', shortcut: '4' },
  { id: 'question', swatch: 'Purple', decoration: 'dotted', shortcut: '5' },
];

export const DEFAULT_COLOR: ColorId = COLOR_IDS[0]!;

/** Name of the CSS custom highlight that paints annotations of this colour. */
export function highlightName(id: ColorId): string {
  return `fm-annotation-${id}`;
}

export const SELECTED_HIGHLIGHT = 'fm-annotation-selected';

/** The colour bound to a digit key, or null. */
export function colorForShortcut(key: string): ColorId | null {
  return COLORS.find((c) => c.shortcut === key)?.id ?? null;
}

/** The label the user gave a colour (the default label if the legend lacks it). */
export function colorLabel(legend: Partial<Legend> | undefined, id: ColorId): string {
  return legend?.[id] ?? DEFAULT_LEGEND[id];
}

/** The style record of a colour id. */
export function colorStyle(id: ColorId): ColorStyle {
  return COLORS.find((c) => c.id === id) ?? COLORS[0]!;
}
