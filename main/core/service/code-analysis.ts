/**
 * What the codebook says about the annotations: counts per code (direct and
 * with everything under it), the coding matrix (codes × sections or colours)
 * and co-occurrence. Pure functions of the codebook and the annotation views.
 *
 * Roll-up: an annotation counts toward a code when it carries that code or any
 * code under it, and once per code however many of its codes lie under it
 * ("coded twice under the same parent is counted once for the parent").
 * Tombstones never count. Each annotation's set of codes with their ancestors
 * is computed once per call and reused for every row.
 */
import type { AnnotationView, CodeView, CodingMatrix } from '../../../preload/contract';
import type { Codebook } from '../store/codebook';

/** The fields of a view the analysis reads. */
export type CodedView = Pick<AnnotationView, 'id' | 'codeIds' | 'section' | 'color' | 'start' | 'end' | 'deletedAt' | 'anchor'>;

/**
 * Walks the live annotations with their codes rolled up: `visit` gets each
 * annotation and each row (an index into `order`) it counts toward, once per
 * row. Rows are small integers and each row's chain of ancestors is built once,
 * so a call costs about one step per applied code and level.
 */
function forEachRollUp(book: Codebook, order: readonly string[], views: readonly CodedView[], visit: (view: CodedView, row: number) => void): void {
  const rowOf = new Map(order.map((id, i) => [id, i]));
  const chains = order.map((id) => {
    const chain: number[] = [];
    for (let code = book.liveCode(id); code; code = code.parentId === null ? undefined : book.liveCode(code.parentId)) {
      const row = rowOf.get(code.id);
      if (row === undefined || chain.includes(row)) break;
      chain.push(row);
    }
    return chain;
  });
  const stamp = new Int32Array(order.length).fill(-1);
  views.forEach((view, v) => {
    if (view.deletedAt !== null) return;
    for (const id of view.codeIds) {
      const row = rowOf.get(id);
      if (row === undefined) continue;
      for (const r of chains[row]!) {
        if (stamp[r] === v) continue;
        stamp[r] = v;
        visit(view, r);
      }
    }
  });
}

/** Live codes depth first, siblings by name (case and accents aside), so a tree reads top down. */
export function treeOrder(book: Codebook): string[] {
  const order: string[] = [];
  const byName = (a: { name: string; id: string }, b: { name: string; id: string }) =>
    a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const walk = (parentId: string | null) => {
    for (const code of [...book.children(parentId)].sort(byName)) {
      order.push(code.id);
      walk(code.id);
    }
  };
  walk(null);
  return order;
}

/** Every live code with its path and counts, in tree order. */
export function listCodeViews(book: Codebook, views: readonly CodedView[]): CodeView[] {
  const order = treeOrder(book);
  const direct = new Map<string, number>();
  for (const view of views) {
    if (view.deletedAt !== null) continue;
    for (const id of view.codeIds) direct.set(id, (direct.get(id) ?? 0) + 1);
  }
  const totals = new Array<number>(order.length).fill(0);
  forEachRollUp(book, order, views, (_view, row) => totals[row]!++);
  return order.map((id, row) => {
    const code = book.get(id)!;
    return {
      id,
      name: code.name,
      path: book.pathOf(id)!,
      parentId: code.parentId,
      description: code.description,
      color: code.color,
      codable: code.codable,
      count: direct.get(id) ?? 0,
      totalCount: totals[row]!,
    };
  });
}

/**
 * Codes × columns. `columnOf` says which column an annotation falls in (null:
 * none, e.g. the title line has no section); `total` counts each annotation
 * once per row, whatever its column.
 */
export function codingMatrix(
  book: Codebook,
  views: readonly CodedView[],
  columns: ReadonlyArray<{ id: string; label: string }>,
  columnOf: (view: CodedView) => string | null,
): CodingMatrix {
  const at = new Map(columns.map((c, i) => [c.id, i]));
  const order = treeOrder(book);
  const width = columns.length;
  const cells = new Int32Array(order.length * width);
  const totals = new Int32Array(order.length);
  let lastView: CodedView | null = null;
  let column = -1;
  forEachRollUp(book, order, views, (view, row) => {
    if (view !== lastView) {
      lastView = view;
      const id = columnOf(view);
      column = id === null ? -1 : (at.get(id) ?? -1);
    }
    totals[row]!++;
    if (column >= 0) cells[row * width + column]!++;
  });
  return {
    columns: columns.map((c) => ({ ...c })),
    rows: order.map((codeId, row) => ({ codeId, path: book.pathOf(codeId)!, counts: Array.from(cells.subarray(row * width, (row + 1) * width)), total: totals[row]! })),
  };
}
