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
}

export const COLORS: readonly ColorStyle[] = [
  { id: 'key', swatch: 'Yellow', decoration: 'solid' },
  { id: 'gap', swatch: 'Red', decoration: 'wavy' },
  { id: 'progress', swatch: 'Green', decoration: 'double' },
  { id: 'statistic', swatch: 'Blue', decoration: 'dashed' },
  { id: 'question', swatch: 'Purple', decoration: 'dotted' },
];

export const DEFAULT_COLOR: ColorId = COLOR_IDS[0]!;

/** Name of the CSS custom highlight that paints annotations of this colour. */
export function highlightName(id: ColorId): string {
  return `fm-annotation-${id}`;
}

export const SELECTED_HIGHLIGHT = 'fm-annotation-selected';

/** The label the user gave a colour (the default label if the legend lacks it). */
export function colorLabel(legend: Partial<Legend> | undefined, id: ColorId): string {
  return legend?.[id] ?? DEFAULT_LEGEND[id];
}

/** The style record of a colour id. */
export function colorStyle(id: ColorId): ColorStyle {
  return COLORS.find((c) => c.id === id) ?? COLORS[0]!;
}
