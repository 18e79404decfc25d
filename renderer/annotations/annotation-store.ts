/**
 * The annotations the view holds, outside React: a store with subscriptions
 * (for `useSyncExternalStore` with selectors), kept in order and counted as
 * each change arrives. A change to one annotation moves one entry in the
 * ordered lists, re-folds one filter-index entry and adjusts the tallies by
 * one, so nothing walks all 10,000 annotations per edit; subscribers whose
 * selected value did not change do not re-render.
 */
import type { AnnotationView } from '../../preload/contract';
import { isLive, isOrphan } from './annotation-filter';
import { Tallies } from './annotation-tallies';
import { FilterIndex } from './filter-index';
import { insertSorted, removeSorted, byDocumentOrder, byNewest, byDeletedFirst } from './sorted-list';

export interface AnnotationSnapshot {
  /** Bumped on every change. */
  readonly version: number;
  readonly byId: ReadonlyMap<string, AnnotationView>;
  /** Painted annotations in document order. */
  readonly live: readonly AnnotationView[];
  /** Live annotations, newest first. */
  readonly newest: readonly AnnotationView[];
  readonly orphans: readonly AnnotationView[];
  /** Tombstones, most recently deleted first. */
  readonly deleted: readonly AnnotationView[];
  readonly index: FilterIndex;
  readonly tallies: Tallies;
}

type Kind = 'live' | 'orphan' | 'deleted';

function kindOf(view: AnnotationView): Kind {
  if (isLive(view)) return 'live';
  return isOrphan(view) ? 'orphan' : 'deleted';
}

export class AnnotationStore {
  private readonly byId = new Map<string, AnnotationView>();
  private readonly index = new FilterIndex();
  private readonly tallies = new Tallies();
  private live: AnnotationView[] = [];
  private newest: AnnotationView[] = [];
  private orphans: AnnotationView[] = [];
  private deleted: AnnotationView[] = [];
  private version = 0;
  private snapshot: AnnotationSnapshot = this.makeSnapshot();
  private readonly listeners = new Set<() => void>();

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): AnnotationSnapshot => this.snapshot;

  get(id: string): AnnotationView | null {
    return this.byId.get(id) ?? null;
  }

  /**
   * Replaces everything (a load or reload): one sort per list, one fold per annotation.
   * With `keepNewerHeld` (the first load, whose list was asked for before the page could
   * be used), an annotation made or changed since is kept: one the list lacks, or one
   * the list holds in an older version.
   */
  replaceAll(list: readonly AnnotationView[], options: { keepNewerHeld?: boolean } = {}): void {
    const held = options.keepNewerHeld ? [...this.byId.values()] : [];
    this.byId.clear();
    this.index.clear();
    this.tallies.clear();
    for (const view of list) this.byId.set(view.id, view);
    for (const view of held) {
      const listed = this.byId.get(view.id);
      if (!listed || listed.updatedAt < view.updatedAt) this.byId.set(view.id, view);
    }
    const values = [...this.byId.values()];
    this.live = values.filter(isLive).sort(byDocumentOrder);
    this.newest = this.live.slice().sort(byNewest);
    this.orphans = values.filter(isOrphan).sort(byDocumentOrder);
    this.deleted = values.filter((v) => v.deletedAt !== null).sort(byDeletedFirst);
    for (const view of this.live) {
      this.index.put(view);
      this.tallies.add(view);
    }
    this.publish();
  }

  /** Applies one acknowledged version of an annotation; an older version than the one held is ignored. */
  upsert(view: AnnotationView): void {
    const before = this.byId.get(view.id);
    if (before && before.updatedAt > view.updatedAt) return;
    if (before) this.take(before);
    this.byId.set(view.id, view);
    this.put(view);
    this.publish();
  }

  private take(view: AnnotationView): void {
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

  private put(view: AnnotationView): void {
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

  private makeSnapshot(): AnnotationSnapshot {
    const { version, byId, live, newest, orphans, deleted, index, tallies } = this;
    return { version, byId, live, newest, orphans, deleted, index, tallies };
  }

  private publish(): void {
    this.version++;
    this.snapshot = this.makeSnapshot();
    for (const listener of [...this.listeners]) listener();
  }
}
