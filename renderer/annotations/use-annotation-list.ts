/**
 * The annotations as the service lists them, held in the AnnotationStore: the
 * first load (from the list the boot asked for alongside the report), later
 * reloads after an import, its undo or a restore, and the known tags offered
 * as suggestions.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AnnotationView, TagCount } from '../../preload/contract';
import type { FieldmarkClient } from '../api/client';
import type { AnnotationStore } from './annotation-store';
import { changeFailure } from './change-failure';
import { warmInIdle } from './index-warmup';
import type { UndoHistory } from './undo-history';

export interface AnnotationList {
  /** False until the first load has finished (the panel says "Loading annotations…"). */
  loaded: boolean;
  loadError: string | null;
  knownTags: TagCount[];
  refreshTags(): Promise<void>;
  /** Asks for the list again; `keepHistory` after a codebook change, whose undo entries stay valid. */
  reload(options?: { keepHistory?: boolean }): Promise<void>;
}

interface AnnotationListDeps {
  client: FieldmarkClient;
  store: AnnotationStore;
  /** The list the boot asked for in parallel with the report; the first load uses it. */
  initial: Promise<AnnotationView[]> | undefined;
  history: UndoHistory;
  adoptNote(view: AnnotationView): void;
}

/** Lets the browser paint (the report first) before a long piece of work. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export function useAnnotationList({ client, store, initial, history, adoptNote }: AnnotationListDeps): AnnotationList {
  const [loaded, setLoaded] = useState(false);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [knownTags, setKnownTags] = useState<TagCount[]>([]);

  const refreshTags = useCallback(async () => {
    try {
      setKnownTags(await client.listTags());
    } catch {
      // Suggestions are a convenience: the tags themselves are in the annotations.
    }
  }, [client]);

  const initialList = useRef(initial);
  const stopWarming = useRef<(() => void) | null>(null);
  const reload = useCallback(async (options: { keepHistory?: boolean } = {}) => {
    try {
      const pending = initialList.current;
      initialList.current = undefined;
      const first = pending !== undefined;
      const list = await (pending ?? client.listAnnotations());
      // The report is on screen already; ordering, folding and counting 10,000 annotations waits a task.
      await nextTask();
      // The page can be used while the first list is on its way: keep what was made meanwhile.
      store.replaceAll(list, { keepNewerHeld: first });
      // The filter index is folded in idle time, not in this task (the panel shows the list without it).
      stopWarming.current?.();
      stopWarming.current = warmInIdle(store.getSnapshot().index);
      setLoadError(null);
      setLoaded(true);
      // A later reload follows an import, its undo or a restore: the undo history describes
      // annotations as they were before, so replaying it could overwrite what was just brought in.
      if (!first && options.keepHistory !== true) history.clear();
      for (const view of list) adoptNote(view);
      void refreshTags();
    } catch (error) {
      setLoadError(`Your annotations could not be loaded. ${changeFailure(error)}`);
      setLoaded(true);
    }
  }, [adoptNote, client, history, refreshTags, store]);

  useEffect(() => {
    void reload();
  }, [reload]);
  useEffect(() => () => stopWarming.current?.(), []);

  return { loaded, loadError, knownTags, refreshTags, reload };
}
