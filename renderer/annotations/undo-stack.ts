/**
 * Undo and redo for annotation changes, as pure data: each entry records what
 * changed, and `operationFor` says which contract call reverses or repeats it.
 * Deletions are tombstones, so undoing a create is a delete and redoing it a
 * restore: the annotation keeps its id throughout. Codebook changes are
 * entries too (code-undo.ts), in the same history.
 */
import type { AnnotationView, ColorId, Sensitivity } from '../../preload/contract';
import { describeCodeEntry, type CodeEntry } from './code-undo';
import { describeTrackerEntry, type TrackerEntry } from './link-undo';

/** The editable fields of an annotation. */
export interface Editable {
  color: ColorId;
  note: string;
  tags: string[];
  /** Issue 16: undo puts a changed mark back like any other field. */
  sensitivity: Sensitivity;
}

/** A change to one annotation. */
export type AnnotationEntry =
  | { kind: 'create'; id: string }
  | { kind: 'delete'; id: string }
  | { kind: 'restore'; id: string }
  | { kind: 'update'; id: string; before: Partial<Editable>; after: Partial<Editable> };

export type UndoEntry = AnnotationEntry | CodeEntry | TrackerEntry;

export type Operation =
  | { method: 'deleteAnnotation'; input: { id: string } }
  | { method: 'restoreAnnotation'; input: { id: string } }
  | { method: 'updateAnnotation'; input: { id: string } & Partial<Editable> };

export interface UndoState {
  readonly past: readonly UndoEntry[];
  readonly future: readonly UndoEntry[];
}

export const EMPTY_UNDO: UndoState = { past: [], future: [] };

const UNDO_LIMIT = 200;

/** Adds a new change: it becomes the next undo, and the redo history is dropped. */
export function record(state: UndoState, entry: UndoEntry, limit = UNDO_LIMIT): UndoState {
  const past = [...state.past, entry];
  return { past: past.length > limit ? past.slice(past.length - limit) : past, future: [] };
}

/** Takes the change to undo, or null when there is none. */
export function takeUndo(state: UndoState): { entry: UndoEntry; state: UndoState } | null {
  const entry = state.past[state.past.length - 1];
  if (!entry) return null;
  return { entry, state: { past: state.past.slice(0, -1), future: [...state.future, entry] } };
}

/** Takes the change to redo, or null when there is none. */
export function takeRedo(state: UndoState): { entry: UndoEntry; state: UndoState } | null {
  const entry = state.future[state.future.length - 1];
  if (!entry) return null;
  return { entry, state: { past: [...state.past, entry], future: state.future.slice(0, -1) } };
}

/**
 * The state with `moved`, the entry a step just took (now the top of `future`
 * after an undo, of `past` after a redo), replaced by `entry`; unchanged when
 * a change recorded meanwhile has taken its place.
 */
export function replaceMoved(state: UndoState, direction: 'undo' | 'redo', moved: UndoEntry, entry: UndoEntry): UndoState {
  const stack = direction === 'undo' ? state.future : state.past;
  if (stack[stack.length - 1] !== moved) return state;
  const replaced = [...stack.slice(0, -1), entry];
  return direction === 'undo' ? { past: state.past, future: replaced } : { past: replaced, future: state.future };
}

/** The contract call that undoes (`'undo'`) or repeats (`'redo'`) an entry. */
export function operationFor(entry: AnnotationEntry, direction: 'undo' | 'redo'): Operation {
  switch (entry.kind) {
    case 'create':
    case 'restore':
      return direction === 'undo'
        ? { method: 'deleteAnnotation', input: { id: entry.id } }
        : { method: 'restoreAnnotation', input: { id: entry.id } };
    case 'delete':
      return direction === 'undo'
        ? { method: 'restoreAnnotation', input: { id: entry.id } }
        : { method: 'deleteAnnotation', input: { id: entry.id } };
    case 'update':
      return { method: 'updateAnnotation', input: { id: entry.id, ...(direction === 'undo' ? entry.before : entry.after) } };
  }
}

function sameTags(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((tag, i) => tag === b[i]);
}

/**
 * The update entry for changing `before` by `patch`, keeping only the fields
 * that really change; null when nothing does (so no empty undo steps).
 */
export function updateEntry(
  before: Pick<AnnotationView, 'id' | 'color' | 'note' | 'tags'> & Partial<Pick<AnnotationView, 'sensitivity'>>,
  patch: Partial<Editable>,
): AnnotationEntry | null {
  const from: Partial<Editable> = {};
  const to: Partial<Editable> = {};
  const mark = before.sensitivity ?? 'normal';
  if (patch.sensitivity !== undefined && patch.sensitivity !== mark) {
    from.sensitivity = mark;
    to.sensitivity = patch.sensitivity;
  }
  if (patch.color !== undefined && patch.color !== before.color) {
    from.color = before.color;
    to.color = patch.color;
  }
  if (patch.note !== undefined && patch.note !== before.note) {
    from.note = before.note;
    to.note = patch.note;
  }
  if (patch.tags !== undefined && !sameTags(patch.tags, before.tags)) {
    from.tags = [...before.tags];
    to.tags = [...patch.tags];
  }
  if (Object.keys(to).length === 0) return null;
  return { kind: 'update', id: before.id, before: from, after: to };
}

/** A short sentence announcing what an undo or redo did. */
export function describeEntry(entry: UndoEntry, direction: 'undo' | 'redo'): string {
  const verb = direction === 'undo' ? 'Undid' : 'Redid';
  switch (entry.kind) {
    case 'create':
      return `${verb} highlight.`;
    case 'delete':
      return `${verb} delete.`;
    case 'restore':
      return `${verb} restore.`;
    case 'update': {
      const fields = Object.keys(entry.after).map((f) => (f === 'color' ? 'colour' : f));
      return `${verb} ${fields.join(' and ')} change.`;
    }
    case 'code':
      return describeCodeEntry(entry, direction);
    case 'link':
    case 'recommendation':
      return describeTrackerEntry(entry, direction);
  }
}
