/**
 * Annotation views: a stored annotation joined with where it anchors in the
 * current report text and where that is (section, paragraph, citation), as the
 * contract's AnnotationView. The cache keeps the views in document order and
 * rebuilds only the records that changed, so listing 10,000 annotations does
 * not re-anchor or re-cite them on every call.
 */
import type { AnnotationLink, AnnotationView, TextQuoteSelector } from '../../../preload/contract';
import { firstIndexWhere } from '../../../common/offset-lookup';
import { quoteSelectorFor } from '../anchoring/quote-selector';
import { reanchor, reanchorAll, type AnchorResult, type AnchorTarget } from '../anchoring/re-anchor';
import { locateRange, type ReportModel } from '../report/report-model';
import { sameTarget } from '../store/record-equality';
import { codebookOf, type Codebook } from '../store/codebook';
import type { StoreOp, StoredAnnotation, StoredCode, StoredLink } from '../store/store-schema';
import { EMPTY_LINK_INDEX, indexLinks, linksOf, partnersOf, type LinkIndex } from './link-index';
import { liveCodeIds, pathsOf } from './tagged-records';

/** The `source` IRI of a text: its SHA-256 as a URN. */
export function sourceFor(sha256: string): string {
  return `urn:sha256:${sha256}`;
}

/** A stored annotation's selectors as the re-anchoring input. */
export function anchorTargetOf(record: StoredAnnotation): AnchorTarget {
  const [position, quote] = record.target.selector;
  return {
    start: position.start,
    end: position.end,
    exact: quote.exact,
    prefix: quote.prefix,
    suffix: quote.suffix,
    sha256: record.target.sha256,
  };
}

/** Resolves one stored annotation against the report. */
function anchorRecord(report: ReportModel, record: StoredAnnotation): AnchorResult {
  return reanchor(report.text, anchorTargetOf(record), { sha256: report.sha256 });
}

/**
 * The view of one annotation. An anchored annotation shows (and exports) its
 * place in the current text; an orphan keeps its last known position and its
 * original quote and target, so nothing it said is lost.
 */
export function annotationView(report: ReportModel, record: StoredAnnotation, anchor: AnchorResult, book: Codebook, links: AnnotationLink[] = []): AnnotationView {
  const { text } = report;
  let target: AnnotationView['target'] = record.target;
  let quote: TextQuoteSelector = record.target.selector[1];
  let { start, end } = anchor;
  if (anchor.status === 'orphan') {
    ({ start, end } = record.target.selector[0]);
  } else if (anchor.status !== 'exact' || record.target.sha256 !== report.sha256) {
    quote = quoteSelectorFor(text, start, end);
    target = {
      source: sourceFor(report.sha256),
      sha256: report.sha256,
      selector: [{ type: 'TextPositionSelector', start, end }, quote],
    };
  }
  // An orphan's old position may lie beyond a shorter text: cite where it would be.
  const citeStart = Math.min(start, text.length);
  const where = locateRange(report.blocks, citeStart, Math.min(Math.max(end, citeStart), text.length));
  return {
    id: record.id,
    color: record.color,
    note: record.note,
    tags: pathsOf(book, record.codeIds),
    codeIds: liveCodeIds(book, record.codeIds),
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    deletedAt: record.deletedAt,
    start,
    end,
    exact: quote.exact,
    prefix: quote.prefix,
    suffix: quote.suffix,
    section: where.section,
    sectionTitle: where.sectionTitle,
    paragraph: where.paragraph,
    citation: where.citation,
    anchor: { status: anchor.status, score: anchor.score },
    target,
    links,
    sensitivity: record.sensitivity ?? 'normal',
  };
}

/** Document order: by position, then creation time, then id (so the order is total). */
export function compareViews(a: AnnotationView, b: AnnotationView): number {
  return a.start - b.start || a.end - b.end || (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

interface Entry {
  record: StoredAnnotation;
  anchor: AnchorResult;
  view: AnnotationView;
}

export interface ViewCache {
  /** Every annotation (tombstones included) in document order; a fresh array each call. */
  views(): AnnotationView[];
  /** The current view of one annotation. */
  get(id: string): AnnotationView | undefined;
  /** Says the records may have changed (after a store write); the next read reconciles. */
  invalidate(): void;
  /**
   * Applies a batch the store has just made durable to the cached views, touching
   * only the annotations it names, so saving one annotation does not walk the
   * whole store. Batches that replace the document or touch many records fall
   * back to invalidate().
   */
  applied(ops: readonly StoreOp[]): void;
}

/** Index of the first view that sorts after `view` (binary search). */
function insertionPoint(sorted: readonly AnnotationView[], view: AnnotationView): number {
  return firstIndexWhere(sorted.length, (i) => compareViews(sorted[i]!, view) > 0);
}

/** Above this many changed records a full sort is cheaper than inserting one by one. */
const INCREMENTAL_LIMIT = 64;

/** The cache's state: one entry per record, and the views in document order. */
interface CacheState {
  readonly report: ReportModel;
  /** The codes the views' paths were resolved with (a new array after every code write). */
  codes: readonly StoredCode[];
  /** The links the views list, and their index (a new array after every link write). */
  links: readonly StoredLink[];
  linkIndex: LinkIndex;
  readonly entries: Map<string, Entry>;
  sorted: AnnotationView[];
}

interface Change {
  previous: Entry | undefined;
  record: StoredAnnotation;
}

/** One record's view with the state's codebook and links. */
function viewOf(state: CacheState, record: StoredAnnotation, anchor: AnchorResult): AnnotationView {
  const deletedOf = (id: string) => {
    const entry = state.entries.get(id);
    return entry ? entry.record.deletedAt !== null : undefined;
  };
  return annotationView(state.report, record, anchor, codebookOf(state.codes), linksOf(state.linkIndex, record.id, deletedOf));
}

/** Rebuilds the views of `ids` (their links or their partners changed), keeping each in its place in `sorted`. */
function refreshViews(state: CacheState, ids: Iterable<string>, inSorted: boolean): void {
  for (const id of ids) {
    const entry = state.entries.get(id);
    if (!entry) continue;
    const view = viewOf(state, entry.record, entry.anchor);
    if (inSorted) {
      const near = insertionPoint(state.sorted, entry.view) - 1;
      const at = state.sorted[near] === entry.view ? near : state.sorted.indexOf(entry.view);
      if (at >= 0) state.sorted[at] = view;
    }
    entry.view = view;
  }
}

/** After a bulk rebuild: the views of linked annotations again, now that every end's record is in. */
function refreshLinked(state: CacheState): void {
  if (state.linkIndex.size > 0) refreshViews(state, [...state.linkIndex.keys()], false);
}

function sortAll(state: CacheState): void {
  state.sorted = [...state.entries.values()].map((e) => e.view).sort(compareViews);
}

/** Re-anchors every record in one batch. */
function rebuildAll(state: CacheState, list: readonly StoredAnnotation[]): void {
  const { report } = state;
  const anchors = reanchorAll(report.text, list.map(anchorTargetOf), { sha256: report.sha256 });
  state.entries.clear();
  list.forEach((record, i) => {
    state.entries.set(record.id, { record, anchor: anchors[i]!, view: viewOf(state, record, anchors[i]!) });
  });
  refreshLinked(state);
  sortAll(state);
}

/** Records whose object changed since they were cached (the store replaces a record on every write), and ids gone. */
function changesSince(state: CacheState, list: readonly StoredAnnotation[]): { changed: Change[]; removed: string[] } {
  const seen = new Set<string>();
  const changed: Change[] = [];
  for (const record of list) {
    seen.add(record.id);
    const entry = state.entries.get(record.id);
    if (entry?.record !== record) changed.push({ previous: entry, record });
  }
  return { changed, removed: [...state.entries.keys()].filter((id) => !seen.has(id)) };
}

/** Many changes at once: keeps anchors of records whose target did not change, resolves the rest together, sorts once. */
function rebuildChanged(state: CacheState, changed: readonly Change[], removed: readonly string[]): void {
  const { report } = state;
  const fresh = changed.filter(({ previous, record }) => !previous || !sameTarget(previous.record.target, record.target));
  const anchors = reanchorAll(report.text, fresh.map(({ record }) => anchorTargetOf(record)), { sha256: report.sha256 });
  const resolved = new Map(fresh.map(({ record }, i) => [record.id, anchors[i]!]));
  for (const id of removed) state.entries.delete(id);
  for (const { previous, record } of changed) {
    const anchor = resolved.get(record.id) ?? previous!.anchor;
    state.entries.set(record.id, { record, anchor, view: viewOf(state, record, anchor) });
  }
  refreshLinked(state);
  sortAll(state);
}

function dropView(sorted: AnnotationView[], view: AnnotationView): void {
  const at = insertionPoint(sorted, view) - 1;
  if (sorted[at] === view) sorted.splice(at, 1);
  else sorted.splice(sorted.indexOf(view), 1);
}

/** Replaces (or adds) one record's view, re-anchoring only if its target changed. */
function putRecord(state: CacheState, previous: Entry | undefined, record: StoredAnnotation): void {
  if (previous) dropView(state.sorted, previous.view);
  const anchor = previous && sameTarget(previous.record.target, record.target) ? previous.anchor : anchorRecord(state.report, record);
  const view = viewOf(state, record, anchor);
  state.entries.set(record.id, { record, anchor, view });
  state.sorted.splice(insertionPoint(state.sorted, view), 0, view);
  // Its partners show whether this end is deleted: a new record, a delete or a restore changes their views.
  if (!previous || previous.record.deletedAt !== record.deletedAt) refreshViews(state, partnersOf(state.linkIndex, record.id), true);
}

function removeRecord(state: CacheState, id: string): void {
  const entry = state.entries.get(id);
  if (!entry) return;
  dropView(state.sorted, entry.view);
  state.entries.delete(id);
  refreshViews(state, partnersOf(state.linkIndex, id), true);
}

/** The links changed (a link or an unlink): the views of every annotation at an end of a link before or after. */
function refreshLinks(state: CacheState, links: readonly StoredLink[]): void {
  const before = state.linkIndex;
  state.links = links;
  state.linkIndex = indexLinks(links);
  const touched = new Set([...before.keys(), ...state.linkIndex.keys()]);
  refreshViews(state, touched, true);
}

/** The codes changed (a rename, a move, a merge): every view's paths again, with the anchors kept and the order unchanged. */
function refreshCodes(state: CacheState, codes: readonly StoredCode[]): void {
  state.codes = codes;
  const book = codebookOf(codes);
  for (const entry of state.entries.values()) entry.view = annotationView(state.report, entry.record, entry.anchor, book, entry.view.links);
  state.sorted = state.sorted.map((view) => state.entries.get(view.id)!.view);
}

/** Brings the cache up to date with `list`: a full rebuild the first time, else only what changed. */
function reconcile(state: CacheState, list: readonly StoredAnnotation[]): void {
  if (state.entries.size === 0) return rebuildAll(state, list);
  const { changed, removed } = changesSince(state, list);
  if (changed.length + removed.length > INCREMENTAL_LIMIT) return rebuildChanged(state, changed, removed);
  for (const id of removed) removeRecord(state, id);
  for (const { previous, record } of changed) putRecord(state, previous, record);
}

/** How many records a batch touches (Infinity for a whole-document replace). */
function recordsTouched(ops: readonly StoreOp[]): number {
  return ops.reduce((n, op) => n + (op.op === 'putAnnotation' ? 1 : op.op === 'removeAnnotations' ? op.ids.length : op.op === 'replace' ? Infinity : 0), 0);
}

/**
 * Builds the cache over `records()` (the store's live array). The first read
 * re-anchors every record in one batch; later reads rebuild only records whose
 * object changed (the store replaces a record on every write), re-anchoring
 * only those whose target changed.
 */
export function createViewCache(
  report: ReportModel,
  records: () => readonly StoredAnnotation[],
  codes: () => readonly StoredCode[] = () => [],
  links: () => readonly StoredLink[] = () => [],
): ViewCache {
  const state: CacheState = { report, codes: codes(), links: [], linkIndex: EMPTY_LINK_INDEX, entries: new Map(), sorted: [] };
  let dirty = true;
  const syncCodes = () => {
    const current = codes();
    if (current !== state.codes) refreshCodes(state, current);
  };
  const syncLinks = () => {
    const current = links();
    if (current !== state.links) refreshLinks(state, current);
  };
  const fresh = () => {
    syncCodes();
    syncLinks();
    if (!dirty) return;
    dirty = false;
    reconcile(state, records());
  };
  return {
    views() {
      fresh();
      return state.sorted.slice();
    },
    get(id) {
      fresh();
      return state.entries.get(id)?.view;
    },
    invalidate() {
      dirty = true;
    },
    applied(ops) {
      if (dirty || recordsTouched(ops) > INCREMENTAL_LIMIT) {
        dirty = true;
        return;
      }
      syncCodes();
      for (const op of ops) {
        if (op.op === 'putAnnotation') putRecord(state, state.entries.get(op.value.id), op.value);
        else if (op.op === 'removeAnnotations') for (const id of op.ids) removeRecord(state, id);
      }
      syncLinks();
    },
  };
}
