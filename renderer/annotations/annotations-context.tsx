/**
 * The annotations as the view holds them, and every change the user can make:
 * create, edit, delete, restore, undo and redo, note autosave, the panel's
 * filter and the selected annotation. Each change goes through the service; a
 * new highlight, a colour, a deletion and a restore show at once and are taken
 * back if the service refuses them, the rest show once it has acknowledged them
 * (written durably). A failure is reported with a Retry action and never
 * discards what was typed.
 *
 * The provider only composes the pieces: the list and its loads
 * (use-annotation-list), note sessions (use-note-sessions), selection and card
 * (use-card-selection), the changes sent to the service (use-annotation-changes)
 * and undo (undo-history, use-undo-redo).
 */
import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import type { AnnotationView, ColorId, Legend, TagCount } from '../../preload/contract';
import { useApp } from '../app-state/app-context';
import { EMPTY_FILTER, type PanelFilter, type SortOrder } from './annotation-filter';
import { AnnotationStore, type AnnotationSnapshot } from './annotation-store';
import { colorLabel } from './colors';
import { ProvisionalIds } from './provisional-ids';
import { provisionalView } from './provisional-view';
import { UndoHistory } from './undo-history';
import { useAnnotationChanges, type AnnotationChanges } from './use-annotation-changes';
import { useAnnotationList } from './use-annotation-list';
import { useCodeChanges, type CodeChanges } from './use-code-changes';
import { useLinkChanges, type LinkChanges } from './use-link-changes';
import { useAnnouncer } from './use-announcer';
import { useCardSelection, type CardSelection } from './use-card-selection';
import { useNoteSessions, type NoteSessions } from './use-note-sessions';
import { useUndoRedo, type UndoRedo } from './use-undo-redo';
import { useSelector } from './value-store';

export interface AnnotationsValue extends AnnotationChanges, UndoRedo, Omit<CardSelection, 'forget' | 'rename'>, Omit<NoteSessions, 'adoptNote' | 'renameNote'> {
  /**
   * Every annotation the service returned, tombstones and orphans included, ordered
   * and counted. Read it with `useAnnotationsSelector` so a change re-renders only
   * what depends on it.
   */
  store: AnnotationStore;
  /** False until the first load has finished (the panel says "Loading annotations…"). */
  loaded: boolean;
  loadError: string | null;
  knownTags: TagCount[];
  legend: Legend;
  readOnly: boolean;
  filter: PanelFilter;
  setFilter(update: PanelFilter | ((current: PanelFilter) => PanelFilter)): void;
  sort: SortOrder;
  setSort(order: SortOrder): void;
  reload(): Promise<void>;
  /** Codebook changes, recorded in the same undo history (issue 13). */
  codes: CodeChanges;
  /** Links and recommendation assessments, recorded in the same undo history (issue 14). */
  links: LinkChanges;
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

/**
 * `initial` is the list the boot asked for in parallel with the report; the first
 * load uses it, later loads (after an import, its undo or a restore) ask again.
 */
export function AnnotationsProvider({ children, initial }: { children: ReactNode; initial?: Promise<AnnotationView[]> }) {
  const { client, report, settings, status, surface, notify, dismiss } = useApp();
  const [store] = useState(() => new AnnotationStore());
  const [history] = useState(() => new UndoHistory());
  const [ids] = useState(() => new ProvisionalIds());
  const [filter, setFilter] = useState<PanelFilter>(EMPTY_FILTER);
  const [sort, setSort] = useState<SortOrder>('document');
  const announce = useAnnouncer({ notify, dismiss });
  const { noteSession, commitNote, flushNotes, adoptNote, renameNote } = useNoteSessions({ client, store, history, notify, dismiss, ids });
  const { loaded, loadError, knownTags, refreshTags, reload } = useAnnotationList({ client, store, initial, history, adoptNote });
  const { selection, card, select, openCard, closeCard, goTo, forget, rename: renameCard } = useCardSelection({ store, surface, commitNote });
  const draft = useCallback(
    (id: string, start: number, end: number, color: ColorId) =>
      provisionalView(report, { id, start, end, color, sensitivity: settings.defaultSensitivity, now: new Date().toISOString() }),
    [report, settings.defaultSensitivity],
  );
  const rename = useCallback(
    (from: string, to: string) => {
      renameNote(from, to);
      renameCard(from, to);
    },
    [renameCard, renameNote],
  );
  const changeDeps = { client, store, history, notify, announce, refreshTags, commitNote, adoptNote, openCard, forget, ids, draft, rename };
  const { create, update, remove, restore } = useAnnotationChanges(changeDeps);
  const reloadKeepingHistory = useCallback(() => reload({ keepHistory: true }), [reload]);
  const codes = useCodeChanges({ client, history, reloadKeepingHistory, announce });
  const links = useLinkChanges({ client, store, history, announce });
  const { undo, redo } = useUndoRedo({ client, store, history, notify, announce, refreshTags, adoptNote, forget, select, performCode: codes.performCode, performTracker: links.performTracker });

  const legend = settings.legend;
  const legendRef = useRef(legend);
  legendRef.current = legend;
  const colorName = useCallback((id: ColorId) => colorLabel(legendRef.current, id), []);

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
      codes,
      links,
      colorName,
    }),
    [store, selection, loaded, loadError, knownTags, legend, status.readOnly, select, card, openCard, closeCard, filter, sort, create, update, remove, restore, undo, redo, noteSession, commitNote, flushNotes, goTo, reload, codes, links, colorName],
  );
  return <AnnotationsContext.Provider value={value}>{children}</AnnotationsContext.Provider>;
}
