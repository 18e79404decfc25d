import { describe, expect, it } from 'vitest';
import type { CodeChange } from '../../../preload/contract';
import {
  afterCodeStep,
  codeCreateEntry,
  codeDeleteEntry,
  codeEditEntry,
  codeMergeEntry,
  codeOperationFor,
  describeCodeEntry,
} from '../../../renderer/annotations/code-undo';
import { UndoHistory } from '../../../renderer/annotations/undo-history';
import type { UndoEntry } from '../../../renderer/annotations/undo-stack';
import { sampleCodes } from './codes';

function changeOf(tag: string): CodeChange {
  return { codes: [], uses: [{ id: `00000000-0000-4000-8000-${tag.padStart(12, '0')}`, before: [], after: [] }] };
}

describe('undo entries for codebook changes', () => {
  it('undoes a rename or a move with updateCode back to the old values, keeping only what changed', () => {
    const { titp, labour } = sampleCodes();
    const entry = codeEditEntry(titp, { name: 'Trainees', parentId: null, description: titp.description })!;
    expect(entry.what).toBe('edit');
    expect(codeOperationFor(entry, 'undo')).toEqual({ method: 'updateCode', input: { id: titp.id, name: 'TITP', parentId: labour.id } });
    expect(codeOperationFor(entry, 'redo')).toEqual({ method: 'updateCode', input: { id: titp.id, name: 'Trainees', parentId: null } });
    expect(codeEditEntry(titp, { description: 'x' })!.what).toBe('definition');
    expect(codeEditEntry(titp, { name: 'TITP', codable: true })).toBeNull();
  });

  it('undoes a merge with restoreCodes and redoes it with a new merge, whose change the next undo restores', () => {
    const { titp, wages } = sampleCodes();
    const first = changeOf('1');
    const entry = codeMergeEntry(titp.id, wages.id, first);
    expect(codeOperationFor(entry, 'undo')).toEqual({ method: 'restoreCodes', input: first });
    expect(codeOperationFor(entry, 'redo')).toEqual({ method: 'mergeCodes', input: { from: titp.id, into: wages.id } });
    const second = changeOf('2');
    const redone = afterCodeStep(entry, 'redo', second);
    expect(codeOperationFor(redone, 'undo')).toEqual({ method: 'restoreCodes', input: second });
    expect(afterCodeStep(entry, 'undo', null)).toBe(entry);
    expect(describeCodeEntry(entry, 'undo')).toBe('Undid code merge.');
  });

  it('undoes a delete with restoreCodes and redoes it with the same withDescendants', () => {
    const { labour } = sampleCodes();
    const entry = codeDeleteEntry(labour.id, true, changeOf('3'));
    expect(codeOperationFor(entry, 'redo')).toEqual({ method: 'deleteCode', input: { id: labour.id, withDescendants: true } });
    expect(describeCodeEntry(entry, 'redo')).toBe('Redid code delete.');
  });

  it('undoes a new code by deleting it, and redoes it by restoring what that delete removed', () => {
    const { victims } = sampleCodes();
    const entry = codeCreateEntry(victims.id);
    expect(codeOperationFor(entry, 'undo')).toEqual({ method: 'deleteCode', input: { id: victims.id, withDescendants: false } });
    expect(() => codeOperationFor(entry, 'redo')).toThrow();
    const removed = changeOf('4');
    expect(codeOperationFor(afterCodeStep(entry, 'undo', removed), 'redo')).toEqual({ method: 'restoreCodes', input: removed });
  });

  it('keeps the entry a step hands back, so a redone merge is undone with its own change', async () => {
    const { titp, wages } = sampleCodes();
    const history = new UndoHistory();
    history.record(codeMergeEntry(titp.id, wages.id, changeOf('1')));
    const performed: unknown[] = [];
    const handlers = (direction: 'undo' | 'redo') => ({
      perform: async (entry: UndoEntry) => {
        if (entry.kind !== 'code') throw new Error('not a code entry');
        const op = codeOperationFor(entry, direction);
        performed.push(op.method === 'restoreCodes' ? op.input.uses[0]!.id.slice(-1) : op.method);
        return afterCodeStep(entry, direction, op.method === 'mergeCodes' ? changeOf('2') : null);
      },
      nothing: () => performed.push('nothing'),
      failed: (error: unknown) => performed.push(error),
    });
    await history.step('undo', handlers('undo'));
    await history.step('redo', handlers('redo'));
    await history.step('undo', handlers('undo'));
    expect(performed).toEqual(['1', 'mergeCodes', '2']);
  });
});
