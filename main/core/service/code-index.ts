/**
 * The live codes of the live annotations as flat typed arrays, for analyses
 * that visit every annotation many times (co-occurrence): codes become small
 * integers in id order, and annotation x's codes are
 * `codes[first[x]] … codes[first[x + 1] - 1]`, each once.
 *
 * Reading 10,000 views (a map lookup per applied code) costs about as much as
 * the analysis itself, so the index of the last set of views is kept per
 * codebook and reused while every view is the same object. That is safe
 * because views are never changed in place: the view cache makes a new view
 * for every changed record and for every view when the codes change
 * (annotation-view.ts), and a new codebook after every code write (codebook.ts).
 */
import type { Codebook } from '../store/codebook';
import type { CodedView } from './code-analysis';

export interface IndexedCodes {
  /** The live code ids, sorted: index order is id order. */
  ids: string[];
  /** ids.length. */
  n: number;
  /** How many annotations carry at least one live code. */
  size: number;
  first: Int32Array;
  codes: Int32Array;
  start: Float64Array;
  end: Float64Array;
  /** The annotations that are placed (not orphans), in order of start. */
  placed: Int32Array;
}

const kept = new WeakMap<Codebook, { views: readonly CodedView[]; index: IndexedCodes }>();

/** The index of `views` under `book`: the kept one if the views are the very same objects, else a new one. */
export function indexCodedViews(book: Codebook, views: readonly CodedView[]): IndexedCodes {
  const last = kept.get(book);
  if (last && sameObjects(last.views, views)) return last.index;
  const index = buildIndex(book, views);
  kept.set(book, { views: views.slice(), index });
  return index;
}

function sameObjects<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function buildIndex(book: Codebook, views: readonly CodedView[]): IndexedCodes {
  const ids = book.live.map((c) => c.id).sort();
  const n = ids.length;
  const at = new Map(ids.map((id, i) => [id, i]));
  const first = new Int32Array(views.length + 1);
  const start = new Float64Array(views.length);
  const end = new Float64Array(views.length);
  const placed = new Uint8Array(views.length);
  let applied = 0;
  for (const view of views) applied += view.codeIds.length;
  const codes = new Int32Array(applied);
  // seen[c] === x + 1: code c is already listed for annotation x.
  const seen = new Int32Array(n);
  let size = 0;
  let used = 0;
  for (const view of views) {
    if (view.deletedAt !== null) continue;
    const from = used;
    for (const id of view.codeIds) {
      const c = at.get(id);
      if (c === undefined || seen[c] === size + 1) continue;
      seen[c] = size + 1;
      codes[used++] = c;
    }
    if (used === from) continue;
    start[size] = view.start;
    end[size] = view.end;
    placed[size] = view.anchor.status === 'orphan' ? 0 : 1;
    first[++size] = used;
  }
  return { ids, n, size, first, codes, start, end, placed: placedByStart(size, start, placed) };
}

/** Placed annotations by start; ties keep annotation order (the sort key is start × size + index). */
function placedByStart(size: number, start: Float64Array, placed: Uint8Array): Int32Array {
  const keys = new Float64Array(size);
  let count = 0;
  let sorted = true;
  for (let x = 0; x < size; x++) {
    if (!placed[x]) continue;
    keys[count] = start[x]! * size + x;
    if (count > 0 && keys[count - 1]! > keys[count]!) sorted = false;
    count++;
  }
  const order = keys.subarray(0, count);
  if (!sorted) order.sort();
  const out = new Int32Array(count);
  for (let k = 0; k < count; k++) out[k] = order[k]! % size;
  return out;
}
