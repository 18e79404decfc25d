/**
 * The annotations the view holds, outside React: a store with subscriptions
 * (for `useSyncExternalStore` with selectors), kept in order and counted as
 * each change arrives. A change to one annotation moves one entry in the
 * ordered lists, re-folds one filter-index entry and adjusts the tallies by
 * one, so nothing walks all 10,000 annotations per edit; subscribers whose
 * selected value did not change do not re-render.
 *
 * A change can be shown before the service acknowledges it (`propose`), as an
 * overlay on the acknowledged version that `settle` removes (pending-changes.ts),
 * and so can a highlight being created (`addProvisional`, under a temporary id,
 * until `settleProvisional` puts the saved view in its place or takes it away).
 */
import type { AnnotationView } from '../../preload/contract';
import type { Tallies } from './annotation-tallies';
import type { FilterIndex } from './filter-index';
import { OrderedViews } from './ordered-views';
import { PendingChanges, type PendingPatch, type PendingToken } from './pending-changes';

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

export class AnnotationStore {
  /** What the view shows: the acknowledged version with any pending change on top. */
  private readonly byId = new Map<string, AnnotationView>();
  /** The versions the service acknowledged. */
  private readonly confirmed = new Map<string, AnnotationView>();
  private readonly pending = new PendingChanges();
  /** Highlights being created, by temporary id (provisional-view.ts). */
  private readonly drafts = new Map<string, AnnotationView>();
  private readonly lists = new OrderedViews();
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
    const held = options.keepNewerHeld ? [...this.confirmed.values()] : [];
    this.confirmed.clear();
    this.byId.clear();
    for (const view of list) this.confirmed.set(view.id, view);
    for (const view of held) {
      const listed = this.confirmed.get(view.id);
      if (!listed || listed.updatedAt < view.updatedAt) this.confirmed.set(view.id, view);
    }
    for (const view of this.confirmed.values()) this.byId.set(view.id, this.pending.apply(view));
    // A highlight still being created is not in any list the service sent yet.
    for (const view of this.drafts.values()) this.byId.set(view.id, view);
    this.lists.rebuild([...this.byId.values()]);
    this.publish();
  }

  /** Applies one acknowledged version of an annotation; an older version than the one held is ignored. */
  upsert(view: AnnotationView): void {
    if (!this.confirm(view)) return;
    this.show(view.id);
  }

  /**
   * Shows a change to `id` at once, before the service has answered; null when
   * there is no such annotation. Every proposal must be settled.
   */
  propose(id: string, patch: PendingPatch): PendingToken | null {
    if (!this.confirmed.has(id)) return null;
    const token = this.pending.add(id, patch);
    this.show(id);
    return token;
  }

  /**
   * Ends a proposal: with the service's answer, that version is kept; without
   * one (refused, failed), the change disappears and the acknowledged version shows.
   */
  settle(token: PendingToken, answer?: AnnotationView): void {
    const dropped = this.pending.remove(token);
    const confirmed = answer ? this.confirm(answer) : false;
    if (dropped || confirmed) this.show(token.id);
  }

  /** Shows a highlight being created at once, under its temporary id; settle it with `settleProvisional`. */
  addProvisional(view: AnnotationView): void {
    this.drafts.set(view.id, view);
    this.byId.set(view.id, view);
    this.lists.put(view);
    this.publish();
  }

  /**
   * Ends a creation: the temporary view goes and the service's answer, if there is
   * one, takes its place, in one change (one render, one highlight update).
   */
  settleProvisional(id: string, answer?: AnnotationView): void {
    const draft = this.drafts.get(id);
    let changed = false;
    if (draft) {
      this.drafts.delete(id);
      this.byId.delete(id);
      this.lists.take(draft);
      changed = true;
    }
    if (answer && this.confirm(answer)) changed = this.place(answer.id) || changed;
    if (changed) this.publish();
  }

  /** Keeps `view` as the acknowledged version unless a newer one is held. */
  private confirm(view: AnnotationView): boolean {
    const held = this.confirmed.get(view.id);
    if (held && held.updatedAt > view.updatedAt) return false;
    this.confirmed.set(view.id, view);
    return true;
  }

  /** Puts what `id` should look like now in the lists, if it differs from what they hold. */
  private show(id: string): void {
    if (this.place(id)) this.publish();
  }

  /** `show` without publishing; true when the lists changed. */
  private place(id: string): boolean {
    const confirmed = this.confirmed.get(id);
    if (!confirmed) return false;
    const next = this.pending.apply(confirmed);
    const before = this.byId.get(id);
    if (before === next) return false;
    if (before) this.lists.take(before);
    this.byId.set(id, next);
    this.lists.put(next);
    return true;
  }

  private makeSnapshot(): AnnotationSnapshot {
    const { version, byId } = this;
    const { live, newest, orphans, deleted, index, tallies } = this.lists;
    return { version, byId, live, newest, orphans, deleted, index, tallies };
  }

  private publish(): void {
    this.version++;
    this.snapshot = this.makeSnapshot();
    for (const listener of [...this.listeners]) listener();
  }
}
