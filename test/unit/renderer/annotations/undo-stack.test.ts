import { describe, expect, it } from 'vitest';
import {
  EMPTY_UNDO,
  describeEntry,
  operationFor,
  record,
  takeRedo,
  takeUndo,
  updateEntry,
  type UndoEntry,
} from '../../../../renderer/annotations/undo-stack';

const ID = '11111111-1111-4111-8111-111111111111';

describe('undo stack', () => {
  it('undoes the most recent change first and redoes in the original order', () => {
    let state = record(EMPTY_UNDO, { kind: 'create', id: 'a' });
    state = record(state, { kind: 'delete', id: 'b' });
    const first = takeUndo(state)!;
    expect(first.entry).toEqual({ kind: 'delete', id: 'b' });
    const second = takeUndo(first.state)!;
    expect(second.entry).toEqual({ kind: 'create', id: 'a' });
    expect(takeUndo(second.state)).toBeNull();
    const redo1 = takeRedo(second.state)!;
    expect(redo1.entry).toEqual({ kind: 'create', id: 'a' });
    const redo2 = takeRedo(redo1.state)!;
    expect(redo2.entry).toEqual({ kind: 'delete', id: 'b' });
    expect(takeRedo(redo2.state)).toBeNull();
  });

  it('drops the redo history when a new change is made after an undo', () => {
    const state = record(record(EMPTY_UNDO, { kind: 'create', id: 'a' }), { kind: 'create', id: 'b' });
    const undone = takeUndo(state)!.state;
    expect(undone.future).toHaveLength(1);
    const next = record(undone, { kind: 'delete', id: 'a' });
    expect(next.future).toHaveLength(0);
    expect(takeRedo(next)).toBeNull();
  });

  it('keeps only the most recent changes beyond the limit', () => {
    let state = EMPTY_UNDO;
    for (let i = 0; i < 5; i++) state = record(state, { kind: 'create', id: String(i) }, 3);
    expect(state.past.map((e) => (e as { id: string }).id)).toEqual(['2', '3', '4']);
  });

  it('leaves the state untouched when taking from an empty stack', () => {
    expect(takeUndo(EMPTY_UNDO)).toBeNull();
    expect(takeRedo(EMPTY_UNDO)).toBeNull();
  });
});

describe('operations for undo and redo', () => {
  it('undoes a create with a delete and redoes it with a restore of the same id', () => {
    const entry: UndoEntry = { kind: 'create', id: ID };
    expect(operationFor(entry, 'undo')).toEqual({ method: 'deleteAnnotation', input: { id: ID } });
    expect(operationFor(entry, 'redo')).toEqual({ method: 'restoreAnnotation', input: { id: ID } });
  });

  it('undoes a delete with a restore and redoes it with a delete', () => {
    const entry: UndoEntry = { kind: 'delete', id: ID };
    expect(operationFor(entry, 'undo')).toEqual({ method: 'restoreAnnotation', input: { id: ID } });
    expect(operationFor(entry, 'redo')).toEqual({ method: 'deleteAnnotation', input: { id: ID } });
  });

  it('undoes a restore from the trash by deleting again and redoes it by restoring', () => {
    const entry: UndoEntry = { kind: 'restore', id: ID };
    expect(operationFor(entry, 'undo')).toEqual({ method: 'deleteAnnotation', input: { id: ID } });
    expect(operationFor(entry, 'redo')).toEqual({ method: 'restoreAnnotation', input: { id: ID } });
  });

  it('undoes an edit by writing back the previous values and redoes it with the new ones', () => {
    const entry: UndoEntry = { kind: 'update', id: ID, before: { color: 'key', tags: ['a'] }, after: { color: 'gap', tags: ['a', 'b'] } };
    expect(operationFor(entry, 'undo')).toEqual({ method: 'updateAnnotation', input: { id: ID, color: 'key', tags: ['a'] } });
    expect(operationFor(entry, 'redo')).toEqual({ method: 'updateAnnotation', input: { id: ID, color: 'gap', tags: ['a', 'b'] } });
  });
});

describe('update entries', () => {
  const before = { id: ID, color: 'key' as const, note: 'old', tags: ['x'] };

  it('records only the fields that change', () => {
    expect(updateEntry(before, { color: 'gap', note: 'old', tags: ['x'] })).toEqual({
      kind: 'update',
      id: ID,
      before: { color: 'key' },
      after: { color: 'gap' },
    });
  });

  it('records a committed note change with its previous text', () => {
    expect(updateEntry(before, { note: 'new text' })).toEqual({ kind: 'update', id: ID, before: { note: 'old' }, after: { note: 'new text' } });
  });

  it('treats reordered or changed tag lists as a change', () => {
    expect(updateEntry(before, { tags: ['x', 'y'] })).toMatchObject({ before: { tags: ['x'] }, after: { tags: ['x', 'y'] } });
  });

  it('records nothing when nothing changes, so undo never has empty steps', () => {
    expect(updateEntry(before, { color: 'key', note: 'old', tags: ['x'] })).toBeNull();
    expect(updateEntry(before, {})).toBeNull();
  });

  it('copies tag arrays so later edits cannot rewrite history', () => {
    const tags = ['x', 'y'];
    const entry = updateEntry(before, { tags });
    tags.push('z');
    expect(entry).toMatchObject({ after: { tags: ['x', 'y'] } });
  });
});

describe('announcements', () => {
  it('says what was undone or redone', () => {
    expect(describeEntry({ kind: 'create', id: ID }, 'undo')).toBe('Undid highlight.');
    expect(describeEntry({ kind: 'delete', id: ID }, 'redo')).toBe('Redid delete.');
    expect(describeEntry({ kind: 'restore', id: ID }, 'undo')).toBe('Undid restore.');
    expect(describeEntry({ kind: 'update', id: ID, before: { color: 'key', tags: [] }, after: { color: 'gap', tags: ['a'] } }, 'undo')).toBe(
      'Undid colour and tags change.',
    );
  });
});
