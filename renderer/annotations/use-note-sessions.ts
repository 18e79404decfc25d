/**
 * Note autosave for the annotations provider: one session per annotation whose
 * note has been opened, committing a note records its edit as one undo step,
 * and leaving the page (or quitting the desktop app) saves what is being typed.
 */
import { useCallback, useEffect, useRef, type RefObject } from 'react';
import type { AnnotationView } from '../../preload/contract';
import type { FieldmarkClient } from '../api/client';
import { onMenuEvent } from '../api/menu-events';
import type { AppValue } from '../app-state/app-context';
import type { AnnotationStore } from './annotation-store';
import { createNoteSession, type NoteSession, type SessionRecord } from './note-session';
import type { ProvisionalIds } from './provisional-ids';
import type { UndoHistory } from './undo-history';

export interface NoteSessions {
  noteSession(id: string): NoteSession;
  /** Saves the note now and records the edit since the last commit as one undo step. */
  commitNote(id: string): Promise<boolean>;
  /** Saves every note with unsaved text; true when all are stored. */
  flushNotes(): Promise<boolean>;
  /** Brings a session in line with a change made elsewhere (undo, redo, reload). */
  adoptNote(view: AnnotationView): void;
  /** A highlight being created was saved: the note typed under its temporary id is now the saved id's. */
  renameNote(from: string, to: string): void;
}

interface NoteSessionsDeps extends Pick<AppValue, 'notify' | 'dismiss'> {
  client: FieldmarkClient;
  store: AnnotationStore;
  history: UndoHistory;
  ids: ProvisionalIds;
}

/** Quitting or leaving the page: save what is being typed (keepalive fetches survive unload). */
function useSaveOnLeave(sessions: RefObject<Map<string, SessionRecord>>, flushNotes: () => Promise<boolean>): void {
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
    const unsubscribe = onMenuEvent((event) => event.action === 'flush' && void flushNotes());
    return () => {
      window.removeEventListener('pagehide', onPageHide);
      window.removeEventListener('beforeunload', onBeforeUnload);
      unsubscribe?.();
    };
  }, [sessions, flushNotes]);
}

/** Saved ids only reach the service: a note typed on a highlight being created waits for its saved id. */
async function savedId(ids: ProvisionalIds, id: string): Promise<string> {
  const saved = await ids.resolve(id);
  if (saved === null) throw new Error('The highlight it belongs to was not saved.');
  return saved;
}

export function useNoteSessions({ client, store, history, notify, dismiss, ids }: NoteSessionsDeps): NoteSessions {
  const sessions = useRef(new Map<string, SessionRecord>());

  const noteSession = useCallback(
    (id: string): NoteSession => {
      const existing = sessions.current.get(id);
      if (existing) return existing;
      const session = createNoteSession({
        initial: store.get(id)?.note ?? '',
        save: async (text) => {
          store.upsert(await client.updateAnnotation({ id: await savedId(ids, id), note: text }));
        },
        where: () => store.get(ids.current(id) ?? id)?.citation ?? 'this passage',
        notify,
        dismiss,
      });
      sessions.current.set(id, session);
      return session;
    },
    [client, dismiss, notify, store, ids],
  );

  const commitNote = useCallback(
    async (shownId: string): Promise<boolean> => {
      const session = sessions.current.get(shownId) ?? sessions.current.get(ids.current(shownId) ?? shownId);
      if (!session) return true;
      const ok = await session.saver.flush();
      if (!ok) return false;
      const saved = session.saver.savedValue;
      const id = ids.current(shownId);
      if (saved !== session.base && id !== null) {
        history.record({ kind: 'update', id, before: { note: session.base }, after: { note: saved } });
        session.base = saved;
      }
      return true;
    },
    [history, ids],
  );

  const renameNote = useCallback((from: string, to: string) => {
    const session = sessions.current.get(from);
    if (!session || sessions.current.has(to)) return;
    sessions.current.delete(from);
    sessions.current.set(to, session);
  }, []);

  const flushNotes = useCallback(async (): Promise<boolean> => {
    const results = await Promise.all([...sessions.current.keys()].map((id) => commitNote(id)));
    return results.every(Boolean);
  }, [commitNote]);

  const adoptNote = useCallback((view: AnnotationView) => {
    const session = sessions.current.get(view.id);
    if (!session) return;
    session.saver.adopt(view.note);
    if (!session.saver.dirty) session.base = view.note;
  }, []);

  useSaveOnLeave(sessions, flushNotes);

  return { noteSession, commitNote, flushNotes, adoptNote, renameNote };
}
