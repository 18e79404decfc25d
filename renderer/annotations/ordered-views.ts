/**
 * The annotations the view shows, kept in order and counted: live ones in
 * document order and newest first, orphans, tombstones, the filter index and
 * the tallies. `take` and `put` move one annotation with a binary-search
 * removal and insertion, so an edit never re-sorts or re-counts 10,000.
 */
import type { AnnotationView } from '../../preload/contract';
import { isLive, isOrphan } from './annotation-filter';
import { Tallies } from './annotation-tallies';
import { FilterIndex } from './filter-index';
import { insertSorted, removeSorted, byDocumentOrder, byNewest, byDeletedFirst } from './sorted-list';

type Kind = 'live' | 'orphan' | 'deleted';

function kindOf(view: AnnotationView): Kind {
  if (isLive(view)) return 'live';
  return isOrphan(view) ? 'orphan' : 'deleted';
}

export class OrderedViews {
  readonly index = new FilterIndex();
  readonly tallies = new Tallies();
  /** Painted annotations in document order. */
  live: AnnotationView[] = [];
  /** Live annotations, newest first. */
  newest: AnnotationView[] = [];
  orphans: AnnotationView[] = [];
  /** Tombstones, most recently deleted first. */
  deleted: AnnotationView[] = [];

  /** Rebuilds everything from `values`: one sort per list, one fold per annotation. */
  rebuild(values: readonly AnnotationView[]): void {
    this.index.clear();
    this.tallies.clear();
    this.live = values.filter(isLive).sort(byDocumentOrder);
    this.newest = this.live.slice().sort(byNewest);
    this.orphans = values.filter(isOrphan).sort(byDocumentOrder);
    this.deleted = values.filter((v) => v.deletedAt !== null).sort(byDeletedFirst);
    for (const view of this.live) {
      this.index.put(view);
      this.tallies.add(view);
    }
  }

  /** Removes `view` (the exact version held) from the lists, the index and the tallies. */
  take(view: AnnotationView): void {
    switch (kindOf(view)) {
      case 'live':
        this.live = removeSorted(this.live, view, byDocumentOrder);
        this.newest = removeSorted(this.newest, view, byNewest);
        this.index.delete(view.id);
        this.tallies.remove(view);
        break;
      case 'orphan':
        this.orphans = removeSorted(this.orphans, view, byDocumentOrder);
        break;
      case 'deleted':
        this.deleted = removeSorted(this.deleted, view, byDeletedFirst);
    }
  }

  put(view: AnnotationView): void {
    switch (kindOf(view)) {
      case 'live':
        this.live = insertSorted(this.live, view, byDocumentOrder);
        this.newest = insertSorted(this.newest, view, byNewest);
        this.index.put(view);
        this.tallies.add(view);
        break;
      case 'orphan':
        this.orphans = insertSorted(this.orphans, view, byDocumentOrder);
        break;
      case 'deleted':
        this.deleted = insertSorted(this.deleted, view, byDeletedFirst);
    }
  }
}
