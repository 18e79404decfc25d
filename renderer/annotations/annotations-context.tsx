/**
 * The annotations as the view holds them, and every change the user can make:
 * create, edit, delete, restore, undo and redo, note autosave, the panel's
 * filter and the selected annotation. Each change goes through the service and
 * is shown only once the service has acknowledged it (written durably); a
 * failure is reported with a Retry action and never discards what was typed.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { AnnotationView, ColorId, Legend, TagCount } from '../../preload/contract';
import type { MenuEvent } from '../../preload/bridge';
import { useApp } from '../app-state/app-context';
import { EMPTY_FILTER, type PanelFilter, type SortOrder } from './annotation-filter';
import { AnnotationStore, type AnnotationSnapshot } from './annotation-store';
import { colorLabel } from './colors';
import { NoteSaver, type SaveStatus } from './note-saver';
import { EMPTY_UNDO, describeEntry, operationFor, record, takeRedo, takeUndo, updateEntry, type Editable, type Operation, type UndoEntry } from './undo-stack';
import { ValueStore, useSelector } from './value-store';

export interface CardTarget {
  id: string;
  /** Whether opening the card moves focus into its note. */
  focusNote: boolean;
}

export interface NoteSession {
  saver: NoteSaver;
  /** The note as typed and its save state (a stable snapshot for useSyncExternalStore). */
  status(): NoteSnapshot;
  subscribe(listener: () => void): () => void;
}

export interface NoteSnapshot {
  value: string;
  status: SaveStatus;
  error: string | null;
}

export type ChangeResult = { ok: true; view: AnnotationView } | { ok: false; error: string };

export interface AnnotationsValue {
  /**
   * Every annotation the service returned, tombstones and orphans included, ordered
   * and counted. Read it with `useAnnotationsSelector` so a change re-renders only
   * what depends on it.
   */
  store: AnnotationStore;
  /** The selected annotation's id (read it with `useSelector`). */
  selection: ValueStore<string | null>;
  /** False until the first load has finished (the panel says "Loading annotations…"). */
  loaded: boolean;
  loadError: string | null;
  knownTags: TagCount[];
  legend: Legend;
  readOnly: boolean;
  select(id: string | null): void;
  card: CardTarget | null;
  openCard(id: string, focusNote?: boolean): void;
  closeCard(): Promise<void>;
  filter: PanelFilter;
  setFilter(update: PanelFilter | ((current: PanelFilter) => PanelFilter)): void;
  sort: SortOrder;
  setSort(order: SortOrder): void;
  create(start: number, end: number, color: ColorId): Promise<AnnotationView | null>;
  /** Changes colour or tags (recorded for undo). */
  update(id: string, patch: Partial<Pick<Editable, 'color' | 'tags'>>): Promise<ChangeResult>;
  remove(id: string): Promise<boolean>;
  restore(id: string): Promise<boolean>;
  undo(): Promise<void>;
  redo(): Promise<void>;
  noteSession(id: string): NoteSession;
  /** Saves the note now and records the edit since the last commit as one undo step. */
  commitNote(id: string): Promise<boolean>;
  /** Saves every note with unsaved text; true when all are stored. */
  flushNotes(): Promise<boolean>;
  /** Scrolls the text to an annotation (centred, or near the top to make room for its card), flashes it and selects it. */
  goTo(id: string, align?: 'center' | 'start'): void;
  reload(): Promise<void>;
  colorName(id: ColorId): string;
}

const AnnotationsContext = createContext<AnnotationsValue | null>(null);

/** The annotations state; throws outside <AnnotationsProvider>. */
export function useAnnotations(): AnnotationsValue {
  const value = useContext(AnnotationsContext);
  if (!value) throw new Error('useAnnotations() must be used inside <AnnotationsProvider>.');
  return value;
}

/** Part of the annotations, re-rendering the caller only when that part changes. */
export function useAnnotationsSelector<R>(select: (snapshot: AnnotationSnapshot) => R): R {
  return useSelector(useAnnotations().store, select);
}

/** The selected annotation's id. */
export function useSelectedId(): string | null {
  return useSelector(useAnnotations().selection, identity);
}

const identity = <T,>(value: T): T => value;

/** Lets the browser paint (the report first) before a long piece of work. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

function messageOf(error: unknown): string {
  return error instanceof Error && error.message ? error.message : 'Fieldmark could not complete this change.';
}

interface SessionRecord extends NoteSession {
  /** The note as of the last commit: the "before" of the next undo step. */
  base: string;
  failureNotice: number | null;
}

/**
 * `initial` is the list the boot asked for in parallel with the report; the first
 * load uses it, later loads (after an import, its undo or a restore) ask again.
 */
export function AnnotationsProvider({ children, initial }: { children: ReactNode; initial?: Promise<AnnotationView[]> }) {
  const { client, settings, status, surface, notify, dismiss } = useApp();
  const [store] = useState(() => new AnnotationStore());
  const [selection] = useState(() => new ValueStore<string | null>(null));
  const [loaded, setLoaded] = useState(false);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [knownTags, setKnownTags] = useState<TagCount[]>([]);
  const [card, setCard] = useState<CardTarget | null>(null);
  const [filter, setFilter] = useState<PanelFilter>(EMPTY_FILTER);
  const [sort, setSort] = useState<SortOrder>('document');

  const cardRef = useRef(card);
  cardRef.current = card;
  const undoRef = useRef(EMPTY_UNDO);
  const undoChain = useRef<Promise<void>>(Promise.resolve());
  const sessions = useRef(new Map<string, SessionRecord>());
  const legend = settings.legend;
  const legendRef = useRef(legend);
  legendRef.current = legend;

  const colorName = useCallback((id: ColorId) => colorLabel(legendRef.current, id), []);

  // One "what just happened" message at a time: a new one replaces the last instead of stacking.
  const lastAnnouncement = useRef<number | null>(null);
  const announce = useCallback(
    (message: string) => {
      if (lastAnnouncement.current !== null) dismiss(lastAnnouncement.current);
      lastAnnouncement.current = notify(message);
    },
    [dismiss, notify],
  );

  // The store keeps the newer of two versions, so a late reply cannot roll a change back.
  const apply = useCallback((view: AnnotationView) => store.upsert(view), [store]);
  const setSelectedId = useCallback(
    (update: string | null | ((current: string | null) => string | null)) =>
      selection.set(typeof update === 'function' ? update(selection.get()) : update),
    [selection],
  );

  const refreshTags = useCallback(async () => {
    try {
      setKnownTags(await client.listTags());
    } catch {
      // Suggestions are a convenience: the tags themselves are in the annotations.
    }
  }, [client]);

  const initialList = useRef(initial);
  const reload = useCallback(async () => {
    try {
      const pending = initialList.current;
      initialList.current = undefined;
      const first = pending !== undefined;
      const list = await (pending ?? client.listAnnotations());
      // The report is on screen already; ordering, folding and counting 10,000 annotations waits a task.
      await nextTask();
      // The page can be used while the first list is on its way: keep what was made meanwhile.
      store.replaceAll(list, { keepNewerHeld: first });
      setLoadError(null);
      setLoaded(true);
      // A later reload follows an import, its undo or a restore: the undo history describes
      // annotations as they were before, so replaying it could overwrite what was just brought in.
      if (!first) undoRef.current = EMPTY_UNDO;
      for (const view of list) adoptNote(view);
      void refreshTags();
    } catch (error) {
      setLoadError(`Your annotations could not be loaded. ${messageOf(error)}`);
      setLoaded(true);
    }
  }, [client, refreshTags, store]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const findView = (id: string) => store.get(id);

  const call = useCallback(
    (op: Operation): Promise<AnnotationView> => {
      switch (op.method) {
        case 'deleteAnnotation':
          return client.deleteAnnotation(op.input);
        case 'restoreAnnotation':
          return client.restoreAnnotation(op.input);
        case 'updateAnnotation':
          return client.updateAnnotation(op.input);
      }
    },
    [client],
  );

  const pushUndo = (entry: UndoEntry) => {
    undoRef.current = record(undoRef.current, entry);
  };

  // ------------------------------------------------------------ notes

  const noteSession = useCallback(
    (id: string): NoteSession => {
      const existing = sessions.current.get(id);
      if (existing) return existing;
      const initial = findView(id)?.note ?? '';
      const listeners = new Set<() => void>();
      let snapshot: NoteSnapshot = { value: initial, status: 'saved', error: null };
      const session: SessionRecord = {
        base: initial,
        failureNotice: null,
        saver: new NoteSaver({
          initial,
          save: async (text) => {
            apply(await client.updateAnnotation({ id, note: text }));
          },
          onStatus: (status, error) => {
            const value = session.saver.value;
            if (snapshot.status !== status || snapshot.error !== error || snapshot.value !== value) snapshot = { value, status, error };
            if (status === 'failed') {
              const where = findView(id)?.citation ?? 'this passage';
              session.failureNotice = notify(`Your note on ${where} was not saved. ${error ?? ''}`.trim(), {
                kind: 'error',
                action: { label: 'Retry', run: () => session.saver.flush() },
              });
            } else if (status === 'saved' && session.failureNotice !== null) {
              dismiss(session.failureNotice);
              session.failureNotice = null;
            }
            for (const listener of [...listeners]) listener();
          },
        }),
        status: () => snapshot,
        subscribe(listener) {
          listeners.add(listener);
          return () => listeners.delete(listener);
        },
      };
      sessions.current.set(id, session);
      return session;
    },
    [apply, client, dismiss, notify, store],
  );

  const commitNote = useCallback(async (id: string): Promise<boolean> => {
    const session = sessions.current.get(id);
    if (!session) return true;
    const ok = await session.saver.flush();
    if (!ok) return false;
    const saved = session.saver.savedValue;
    if (saved !== session.base) {
      pushUndo({ kind: 'update', id, before: { note: session.base }, after: { note: saved } });
      session.base = saved;
    }
    return true;
  }, []);

  const flushNotes = useCallback(async (): Promise<boolean> => {
    const results = await Promise.all([...sessions.current.keys()].map((id) => commitNote(id)));
    return results.every(Boolean);
  }, [commitNote]);

  /** Brings a session in line with a change made elsewhere (undo, redo, reload). */
  const adoptNote = (view: AnnotationView) => {
    const session = sessions.current.get(view.id);
    if (!session) return;
    session.saver.adopt(view.note);
    if (!session.saver.dirty) session.base = view.note;
  };

  // Quitting or leaving the page: save what is being typed (keepalive fetches survive unload).
  useEffect(() => {
    const hasRefused = () => [...sessions.current.values()].some((s) => s.saver.status === 'failed');
    const onPageHide = () => void flushNotes();
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      void flushNotes();
      // A note the service refused is only in this page: let the browser ask before it is thrown away.
      if (hasRefused()) event.preventDefault();
    };
    window.addEventListener('pagehide', onPageHide);
    window.addEventListener('beforeunload', onBeforeUnload);
    const bridge = window.fieldmark as { onMenu?: (cb: (event: MenuEvent) => void) => () => void } | undefined;
    const unsubscribe = typeof bridge?.onMenu === 'function' ? bridge.onMenu((event) => event.action === 'flush' && void flushNotes()) : null;
    return () => {
      window.removeEventListener('pagehide', onPageHide);
      window.removeEventListener('beforeunload', onBeforeUnload);
      unsubscribe?.();
    };
  }, [flushNotes]);

  // ------------------------------------------------------------ selection and card

  const select = useCallback((id: string | null) => setSelectedId(id), [setSelectedId]);

  const openCard = useCallback(
    (id: string, focusNote = true) => {
      const previous = cardRef.current;
      // The card being replaced saves its note first, as closing it would.
      if (previous && previous.id !== id) void commitNote(previous.id);
      cardRef.current = { id, focusNote };
      setSelectedId(id);
      setCard(cardRef.current);
    },
    [commitNote, setSelectedId],
  );

  const closeCard = useCallback(async () => {
    const current = cardRef.current;
    cardRef.current = null;
    setCard(null);
    if (current) await commitNote(current.id);
  }, [commitNote]);

  const goTo = useCallback(
    (id: string, align: 'center' | 'start' = 'center') => {
      const view = findView(id);
      if (!view) return;
      setSelectedId(id);
      surface?.scrollToOffset(view.start, { flash: { start: view.start, end: view.end }, align });
    },
    [setSelectedId, store, surface],
  );

  // ------------------------------------------------------------ changes

  const create = useCallback(
    async (start: number, end: number, color: ColorId): Promise<AnnotationView | null> => {
      try {
        const view = await client.createAnnotation({ start, end, color });
        apply(view);
        pushUndo({ kind: 'create', id: view.id });
        openCard(view.id, true);
        return view;
      } catch (error) {
        notify(`The highlight was not saved. ${messageOf(error)}`, {
          kind: 'error',
          action: { label: 'Retry', run: () => create(start, end, color) },
        });
        return null;
      }
    },
    [apply, client, notify, openCard],
  );

  const update = useCallback(
    async (id: string, patch: Partial<Pick<Editable, 'color' | 'tags'>>): Promise<ChangeResult> => {
      const before = findView(id);
      if (!before) return { ok: false, error: 'This annotation no longer exists.' };
      try {
        const view = await client.updateAnnotation({ id, ...patch });
        apply(view);
        const entry = updateEntry(before, patch);
        if (entry) pushUndo(entry);
        if (patch.tags) void refreshTags();
        return { ok: true, view };
      } catch (error) {
        const message = messageOf(error);
        notify(`Your change to ${before.citation} was not saved. ${message}`, {
          kind: 'error',
          action: { label: 'Retry', run: () => update(id, patch) },
        });
        return { ok: false, error: message };
      }
    },
    [apply, client, notify, refreshTags],
  );

  const remove = useCallback(
    async (id: string): Promise<boolean> => {
      const view = findView(id);
      // Whatever was typed is stored before the annotation goes to the trash.
      await commitNote(id);
      try {
        apply(await client.deleteAnnotation({ id }));
        pushUndo({ kind: 'delete', id });
        if (cardRef.current?.id === id) {
          cardRef.current = null;
          setCard(null);
        }
        setSelectedId((current) => (current === id ? null : current));
        announce(`Deleted the highlight${view ? ` at ${view.citation}` : ''}. Press Ctrl+Z to undo, or restore it from Recently deleted.`);
        void refreshTags();
        return true;
      } catch (error) {
        notify(`The highlight was not deleted. ${messageOf(error)}`, {
          kind: 'error',
          action: { label: 'Retry', run: () => remove(id) },
        });
        return false;
      }
    },
    [announce, apply, client, commitNote, notify, refreshTags, setSelectedId],
  );

  const restore = useCallback(
    async (id: string): Promise<boolean> => {
      try {
        const view = await client.restoreAnnotation({ id });
        apply(view);
        adoptNote(view);
        pushUndo({ kind: 'restore', id });
        void refreshTags();
        announce(`Restored the highlight at ${view.citation}.`);
        return true;
      } catch (error) {
        notify(`The highlight was not restored. ${messageOf(error)}`, {
          kind: 'error',
          action: { label: 'Retry', run: () => restore(id) },
        });
        return false;
      }
    },
    [announce, apply, client, notify, refreshTags],
  );

  const step = useCallback(
    (direction: 'undo' | 'redo'): Promise<void> => {
      const run = async () => {
        const previous = undoRef.current;
        const taken = direction === 'undo' ? takeUndo(previous) : takeRedo(previous);
        if (!taken) {
          announce(direction === 'undo' ? 'Nothing to undo.' : 'Nothing to redo.');
          return;
        }
        undoRef.current = taken.state;
        try {
          const view = await call(operationFor(taken.entry, direction));
          apply(view);
          adoptNote(view);
          if (view.deletedAt !== null) {
            if (cardRef.current?.id === view.id) {
              cardRef.current = null;
              setCard(null);
            }
            setSelectedId((current) => (current === view.id ? null : current));
          } else setSelectedId(view.id);
          void refreshTags();
          announce(describeEntry(taken.entry, direction));
        } catch (error) {
          undoRef.current = previous;
          notify(`Could not ${direction}. ${messageOf(error)}`, {
            kind: 'error',
            action: { label: 'Retry', run: () => step(direction) },
          });
        }
      };
      // One step at a time, so holding Ctrl+Z walks back in order.
      undoChain.current = undoChain.current.then(run, run);
      return undoChain.current;
    },
    [announce, apply, call, notify, refreshTags, setSelectedId],
  );

  const undo = useCallback(() => step('undo'), [step]);
  const redo = useCallback(() => step('redo'), [step]);

  const value = useMemo<AnnotationsValue>(
    () => ({
      store,
      selection,
      loaded,
      loadError,
      knownTags,
      legend,
      readOnly: status.readOnly,
      select,
      card,
      openCard,
      closeCard,
      filter,
      setFilter,
      sort,
      setSort,
      create,
      update,
      remove,
      restore,
      undo,
      redo,
      noteSession,
      commitNote,
      flushNotes,
      goTo,
      reload,
      colorName,
    }),
    [store, selection, loaded, loadError, knownTags, legend, status.readOnly, select, card, openCard, closeCard, filter, sort, create, update, remove, restore, undo, redo, noteSession, commitNote, flushNotes, goTo, reload, colorName],
  );
  return <AnnotationsContext.Provider value={value}>{children}</AnnotationsContext.Provider>;
}
