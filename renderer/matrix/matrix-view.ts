/**
 * What the Coding matrix view shows, as pure functions of the service's answers
 * (codingMatrix and coOccurrence): each row's depth, each cell's shade and
 * accessible name, the panel filter a cell stands for, and the co-occurrence
 * list in paths. The view components only lay these out.
 */
import type { CodingMatrix, CoOccurrence, ColorId, SectionId } from '../../preload/contract';
import { EMPTY_FILTER, type PanelFilter } from '../annotations/annotation-filter';

export type MatrixColumns = CodingMatrix['columns'];
export type MatrixRow = CodingMatrix['rows'][number];
export type ColumnKind = 'sections' | 'colors';

/** How deep a code sits: 0 for a top-level code (`Labour`), 1 for `Labour/TITP`, … */
export function depthOf(path: string): number {
  let depth = 0;
  for (const ch of path) if (ch === '/') depth++;
  return depth;
}

/** The last segment of a path: the code's own name, shown indented under its parent. */
export function nameOf(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** The largest count among the cells (the Total column is shaded on its own scale, see `largestTotal`). */
export function largestCell(rows: readonly MatrixRow[]): number {
  let most = 0;
  for (const row of rows) for (const n of row.counts) if (n > most) most = n;
  return most;
}

export function largestTotal(rows: readonly MatrixRow[]): number {
  return rows.reduce((most, row) => Math.max(most, row.total), 0);
}

/**
 * A cell's shade from 0 (none) to 1 (the largest count), proportional to the
 * count. The stylesheet caps the strongest shade so that text keeps 4.5:1 in
 * every theme (matrix.css).
 */
export function heat(count: number, most: number): number {
  if (count <= 0 || most <= 0) return 0;
  return Math.min(1, count / most);
}

function annotations(count: number): string {
  return count === 1 ? '1 annotation' : `${count} annotations`;
}

/** A cell button's accessible name: "Labour/TITP in Protection: 4 annotations". */
export function cellName(path: string, columnLabel: string, count: number): string {
  return `${path} in ${columnLabel}: ${annotations(count)}`;
}

/** A Total cell's accessible name: "Labour/TITP in all sections: 5 annotations". */
export function totalName(path: string, kind: ColumnKind, count: number): string {
  return `${path} in all ${kind === 'sections' ? 'sections' : 'colours'}: ${annotations(count)}`;
}

/**
 * The panel filter showing exactly a cell's annotations: the code's path (the
 * panel's tag filter takes a path with everything under it, as the matrix rolls
 * up) and the cell's section or colour. A null column stands for the Total.
 */
export function cellFilter(path: string, kind: ColumnKind, columnId: string | null): PanelFilter {
  const filter: PanelFilter = { ...EMPTY_FILTER, tags: [path] };
  if (columnId === null) return filter;
  return kind === 'sections' ? { ...filter, section: columnId as SectionId } : { ...filter, colors: [columnId as ColorId] };
}

export interface PairEntry {
  key: string;
  a: string;
  b: string;
  count: number;
}

/**
 * Co-occurrence in paths, as the service ranks it (most frequent first). Pairs
 * whose codes the matrix does not know (a code removed between the two answers)
 * are left out; at most `limit` are kept, so the list stays readable.
 */
export function pairEntries(pairs: readonly CoOccurrence[], rows: readonly MatrixRow[], limit: number): PairEntry[] {
  const rowOf = new Map(rows.map((row, i) => [row.codeId, i]));
  const entries: PairEntry[] = [];
  for (const pair of pairs) {
    if (entries.length >= limit) break;
    const i = rowOf.get(pair.a);
    const j = rowOf.get(pair.b);
    if (i === undefined || j === undefined) continue;
    // The service orders a pair by id, which means nothing to a reader: the codes are named in the matrix's (tree) order.
    const [a, b] = i < j ? [rows[i]!.path, rows[j]!.path] : [rows[j]!.path, rows[i]!.path];
    entries.push({ key: `${pair.a} ${pair.b}`, a, b, count: pair.count });
  }
  return entries;
}

/** The text of one co-occurrence entry: "Labour/TITP + Labour/Debt bondage: 3". */
export function pairText(entry: PairEntry): string {
  return `${entry.a} + ${entry.b}: ${entry.count}`;
}
