/**
 * The changes a user makes to annotations (create, edit colour or tags, delete,
 * restore), each sent to the service and shown only once it is acknowledged.
 * An acknowledged change is recorded for undo; a refused one raises an alert
 * with Retry and leaves the view as it was.
 */
import { useMemo } from 'react';
import type { AnnotationView, ColorId } from '../../preload/contract';
import type { FieldmarkClient } from '../api/client';
import type { AppValue } from '../app-state/app-context';
import type { AnnotationStore } from './annotation-store';
import { changeFailure } from './change-failure';
import type { UndoHistory } from './undo-history';
import { updateEntry, type Editable } from './undo-stack';

export type ChangeResult = { ok: true; view: AnnotationView } | { ok: false; error: string };

export type EditPatch = Partial<Pick<Editable, 'color' | 'tags'>>;

export interface AnnotationChanges {
  create(start: number, end: number, color: ColorId): Promise<AnnotationView | null>;
  /** Changes colour or tags (recorded for undo). */
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
}

/** Reports a change the service refused, with a Retry that tries it again. */
function refused(deps: ChangeDeps, what: string, error: unknown, retry: () => Promise<unknown>): void {
  deps.notify(`${what} ${changeFailure(error)}`, { kind: 'error', action: { label: 'Retry', run: retry } });
}

async function create(deps: ChangeDeps, start: number, end: number, color: ColorId): Promise<AnnotationView | null> {
  try {
    const view = await deps.client.createAnnotation({ start, end, color });
    deps.store.upsert(view);
    deps.history.record({ kind: 'create', id: view.id });
    deps.openCard(view.id, true);
    return view;
  } catch (error) {
    refused(deps, 'The highlight was not saved.', error, () => create(deps, start, end, color));
    return null;
  }
}

async function update(deps: ChangeDeps, id: string, patch: EditPatch): Promise<ChangeResult> {
  const before = deps.store.get(id);
  if (!before) return { ok: false, error: 'This annotation no longer exists.' };
  try {
    const view = await deps.client.updateAnnotation({ id, ...patch });
    deps.store.upsert(view);
    const entry = updateEntry(before, patch);
    if (entry) deps.history.record(entry);
    if (patch.tags) void deps.refreshTags();
    return { ok: true, view };
  } catch (error) {
    refused(deps, `Your change to ${before.citation} was not saved.`, error, () => update(deps, id, patch));
    return { ok: false, error: changeFailure(error) };
  }
}

async function remove(deps: ChangeDeps, id: string): Promise<boolean> {
  const view = deps.store.get(id);
  // Whatever was typed is stored before the annotation goes to the trash.
  await deps.commitNote(id);
  try {
    deps.store.upsert(await deps.client.deleteAnnotation({ id }));
    deps.history.record({ kind: 'delete', id });
    deps.forget(id);
    deps.announce(`Deleted the highlight${view ? ` at ${view.citation}` : ''}. Press Ctrl+Z to undo, or restore it from Recently deleted.`);
    void deps.refreshTags();
    return true;
  } catch (error) {
    refused(deps, 'The highlight was not deleted.', error, () => remove(deps, id));
    return false;
  }
}

async function restore(deps: ChangeDeps, id: string): Promise<boolean> {
  try {
    const view = await deps.client.restoreAnnotation({ id });
    deps.store.upsert(view);
    deps.adoptNote(view);
    deps.history.record({ kind: 'restore', id });
    void deps.refreshTags();
    deps.announce(`Restored the highlight at ${view.citation}.`);
    return true;
  } catch (error) {
    refused(deps, 'The highlight was not restored.', error, () => restore(deps, id));
    return false;
  }
}

export function useAnnotationChanges(deps: ChangeDeps): AnnotationChanges {
  const { client, store, history, notify, announce, refreshTags, commitNote, adoptNote, openCard, forget } = deps;
  return useMemo(() => {
    const bound: ChangeDeps = { client, store, history, notify, announce, refreshTags, commitNote, adoptNote, openCard, forget };
    return {
      create: (start, end, color) => create(bound, start, end, color),
      update: (id, patch) => update(bound, id, patch),
      remove: (id) => remove(bound, id),
      restore: (id) => restore(bound, id),
    };
  }, [client, store, history, notify, announce, refreshTags, commitNote, adoptNote, openCard, forget]);
}
