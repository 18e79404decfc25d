/**
 * The changes a user makes to annotations (create, edit colour or tags, delete,
 * restore), each sent to the service. A new highlight shows at once under a
 * temporary id (provisional-view.ts) that the saved view replaces; a colour, a
 * deletion and a restore show at once (a proposal in the store, see
 * pending-changes.ts); tags show once the service acknowledged them. An acknowledged change is recorded for undo; a
 * refused one is taken off the screen again and raises an alert with Retry.
 * Undo waits for the changes still in flight (UndoHistory.track), so it always
 * undoes the change the user sees last.
 */
import { useMemo } from 'react';
import type { AnnotationView, ColorId } from '../../preload/contract';
import type { FieldmarkClient } from '../api/client';
import type { AppValue } from '../app-state/app-context';
import type { AnnotationStore } from './annotation-store';
import type { PendingToken } from './pending-changes';
import type { ProvisionalIds } from './provisional-ids';
import { changeFailure } from './change-failure';
import type { UndoHistory } from './undo-history';
import { updateEntry, type Editable } from './undo-stack';

export type ChangeResult = { ok: true; view: AnnotationView } | { ok: false; error: string };

export type EditPatch = Partial<Pick<Editable, 'color' | 'tags' | 'sensitivity'>>;

export interface AnnotationChanges {
  create(start: number, end: number, color: ColorId): Promise<AnnotationView | null>;
  /** Changes colour, tags or sensitivity (recorded for undo). */
  update(id: string, patch: EditPatch): Promise<ChangeResult>;
  remove(id: string): Promise<boolean>;
  restore(id: string): Promise<boolean>;
}

export interface ChangeDeps extends Pick<AppValue, 'notify'> {
  client: FieldmarkClient;
  store: AnnotationStore;
  history: UndoHistory;
  announce(message: string): void;
  refreshTags(): Promise<void>;
  commitNote(id: string): Promise<boolean>;
  adoptNote(view: AnnotationView): void;
  openCard(id: string, focusNote?: boolean): void;
  forget(id: string): void;
  /** Temporary ids of highlights being created, and the saved ids they become. */
  ids: ProvisionalIds;
  /** The view of a highlight being created, shown until the service answers. */
  draft(id: string, start: number, end: number, color: ColorId): AnnotationView;
  /** Moves the card and the selection from a temporary id to the saved one. */
  rename(from: string, to: string): void;
}

/** Reports a change the service refused, with a Retry that tries it again. */
function refused(deps: ChangeDeps, what: string, error: unknown, retry: () => Promise<unknown>): void {
  deps.notify(`${what} ${changeFailure(error)}`, { kind: 'error', action: { label: 'Retry', run: retry } });
}

/**
 * Shows the highlight and opens its card at once; the saved view replaces it when
 * the service answers (and only then is it recorded for undo, under the saved id),
 * or it is taken away again with an alert and Retry when the service refuses.
 */
export async function createHighlight(deps: ChangeDeps, start: number, end: number, color: ColorId): Promise<AnnotationView | null> {
  const { store, ids } = deps;
  const temp = ids.make();
  store.addProvisional(deps.draft(temp, start, end, color));
  deps.openCard(temp, true);
  try {
    const view = await deps.client.createAnnotation({ start, end, color });
    store.settleProvisional(temp, view);
    ids.settle(temp, view.id);
    deps.rename(temp, view.id);
    deps.history.record({ kind: 'create', id: view.id });
    return view;
  } catch (error) {
    store.settleProvisional(temp);
    ids.settle(temp, null);
    deps.forget(temp);
    refused(deps, 'The highlight was not saved.', error, () => createHighlight(deps, start, end, color));
    return null;
  }
}

/** A change aimed at a highlight still being created waits for its saved id (null: it was refused). */
const NOT_SAVED = 'This highlight was not saved.';

async function update(deps: ChangeDeps, shownId: string, patch: EditPatch): Promise<ChangeResult> {
  const id = await deps.ids.resolve(shownId);
  if (id === null) return { ok: false, error: NOT_SAVED };
  const before = deps.store.get(id);
  if (!before) return { ok: false, error: 'This annotation no longer exists.' };
  const shown = patch.color !== undefined ? deps.store.propose(id, { color: patch.color }) : null;
  try {
    const view = await deps.client.updateAnnotation({ id, ...patch });
    settleOrUpsert(deps, shown, view);
    const entry = updateEntry(before, patch);
    if (entry) deps.history.record(entry);
    if (patch.tags) void deps.refreshTags();
    return { ok: true, view };
  } catch (error) {
    if (shown) deps.store.settle(shown);
    refused(deps, `Your change to ${before.citation} was not saved.`, error, () => update(deps, id, patch));
    return { ok: false, error: changeFailure(error) };
  }
}

function settleOrUpsert(deps: Pick<ChangeDeps, 'store'>, shown: PendingToken | null, view: AnnotationView): void {
  if (shown) deps.store.settle(shown, view);
  else deps.store.upsert(view);
}

async function remove(deps: ChangeDeps, shownId: string): Promise<boolean> {
  const id = await deps.ids.resolve(shownId);
  if (id === null) return false;
  const view = deps.store.get(id);
  // Shown in the trash at once; the card closes (and saves its note, below) as it goes.
  const shown = deps.store.propose(id, { deletedAt: new Date().toISOString() });
  deps.forget(id);
  try {
    // Whatever was typed is stored before the annotation goes to the trash.
    await deps.commitNote(id);
    settleOrUpsert(deps, shown, await deps.client.deleteAnnotation({ id }));
    deps.history.record({ kind: 'delete', id });
    deps.announce(`Deleted the highlight${view ? ` at ${view.citation}` : ''}. Press Ctrl+Z to undo, or restore it from Recently deleted.`);
    void deps.refreshTags();
    return true;
  } catch (error) {
    if (shown) deps.store.settle(shown);
    refused(deps, 'The highlight was not deleted.', error, () => remove(deps, id));
    return false;
  }
}

async function restore(deps: ChangeDeps, shownId: string): Promise<boolean> {
  const id = await deps.ids.resolve(shownId);
  if (id === null) return false;
  const shown = deps.store.propose(id, { deletedAt: null });
  try {
    const view = await deps.client.restoreAnnotation({ id });
    settleOrUpsert(deps, shown, view);
    deps.adoptNote(view);
    deps.history.record({ kind: 'restore', id });
    void deps.refreshTags();
    deps.announce(`Restored the highlight at ${view.citation}.`);
    return true;
  } catch (error) {
    if (shown) deps.store.settle(shown);
    refused(deps, 'The highlight was not restored.', error, () => restore(deps, id));
    return false;
  }
}

export function useAnnotationChanges(deps: ChangeDeps): AnnotationChanges {
  const { client, store, history, notify, announce, refreshTags, commitNote, adoptNote, openCard, forget, ids, draft, rename } = deps;
  return useMemo(() => {
    const bound: ChangeDeps = { client, store, history, notify, announce, refreshTags, commitNote, adoptNote, openCard, forget, ids, draft, rename };
    return {
      create: (start, end, color) => history.track(createHighlight(bound, start, end, color)),
      update: (id, patch) => history.track(update(bound, id, patch)),
      remove: (id) => history.track(remove(bound, id)),
      restore: (id) => history.track(restore(bound, id)),
    };
  }, [client, store, history, notify, announce, refreshTags, commitNote, adoptNote, openCard, forget, ids, draft, rename]);
}
