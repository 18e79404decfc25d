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

/** A code with every live ancestor, memoised per call (ancestors of a code are the same for every annotation). */
function ancestry(book: Codebook): (id: string) => readonly string[] {
  const memo = new Map<string, readonly string[]>();
  const of = (id: string): readonly string[] => {
    let chain = memo.get(id);
    if (chain) return chain;
    const code = book.liveCode(id);
    if (!code || book.pathOf(id) === null) chain = [];
    else chain = code.parentId === null ? [id] : [id, ...of(code.parentId)];
    memo.set(id, chain);
    return chain;
  };
  return of;
}

/** For each live annotation, its codes with their ancestors, each once. */
function rolledUp(book: Codebook, views: readonly CodedView[]): Array<{ view: CodedView; codes: string[] }> {
  const up = ancestry(book);
  const out: Array<{ view: CodedView; codes: string[] }> = [];
  for (const view of views) {
    if (view.deletedAt !== null || view.codeIds.length === 0) continue;
    const codes: string[] = [];
    for (const id of view.codeIds) for (const a of up(id)) if (!codes.includes(a)) codes.push(a);
    if (codes.length > 0) out.push({ view, codes });
  }
  return out;
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
  const direct = new Map<string, number>();
  const total = new Map<string, number>();
  for (const view of views) {
    if (view.deletedAt !== null) continue;
    for (const id of view.codeIds) direct.set(id, (direct.get(id) ?? 0) + 1);
  }
  for (const { codes } of rolledUp(book, views)) for (const id of codes) total.set(id, (total.get(id) ?? 0) + 1);
  return treeOrder(book).map((id) => {
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
      totalCount: total.get(id) ?? 0,
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
  const rowOf = new Map(order.map((id, i) => [id, i]));
  const counts = order.map(() => new Array<number>(columns.length).fill(0));
  const totals = new Array<number>(order.length).fill(0);
  for (const { view, codes } of rolledUp(book, views)) {
    const column = columnOf(view);
    const c = column === null ? undefined : at.get(column);
    for (const id of codes) {
      const r = rowOf.get(id)!;
      totals[r]!++;
      if (c !== undefined) counts[r]![c]!++;
    }
  }
  return { columns: columns.map((c) => ({ ...c })), rows: order.map((codeId, r) => ({ codeId, path: book.pathOf(codeId)!, counts: counts[r]!, total: totals[r]! })) };
}
