/**
 * Undo entries for codebook changes (issue 13), as pure data beside the
 * annotation entries of undo-stack.ts. An entry holds the contract call that
 * undoes it and the one that repeats it. Merge and delete answer with a
 * CodeChange, and `restoreCodes` with that change takes them back; so whenever
 * a merge or a delete runs (the change itself, or a redo, or the undo of a new
 * code), the opposite call becomes `restoreCodes` of the change it just made.
 */
import type { z } from 'zod';
import type { CodeChange, CodeView, UpdateCodeInput } from '../../preload/contract';

export type CodeOp =
  | { method: 'updateCode'; input: z.infer<typeof UpdateCodeInput> }
  | { method: 'mergeCodes'; input: { from: string; into: string } }
  | { method: 'deleteCode'; input: { id: string; withDescendants: boolean } }
  | { method: 'restoreCodes'; input: CodeChange };

/** What the entry changed, in words: "Undid code merge." */
export type CodeChangeKind = 'new code' | 'rename' | 'move' | 'definition' | 'codable' | 'edit' | 'merge' | 'delete';

export interface CodeEntry {
  kind: 'code';
  /** The code the change was made to (for a merge, the one merged away). */
  id: string;
  what: CodeChangeKind;
  undo: CodeOp;
  /** Null only for a new code not yet undone: its redo is known once the undo has deleted it. */
  redo: CodeOp | null;
}

/** The editable fields of a code, as updateCode takes them. */
export type CodeFields = Partial<Pick<CodeView, 'name' | 'parentId' | 'description' | 'codable'>>;

const FIELD_KINDS: Array<[keyof CodeFields, CodeChangeKind]> = [
  ['name', 'rename'],
  ['parentId', 'move'],
  ['description', 'definition'],
  ['codable', 'codable'],
];

/** The entry for editing `before` by `patch`, keeping only the fields that change; null when none does. */
export function codeEditEntry(before: CodeView, patch: CodeFields): CodeEntry | null {
  const from: CodeFields = {};
  const to: CodeFields = {};
  const kinds: CodeChangeKind[] = [];
  for (const [field, kind] of FIELD_KINDS) {
    const value = patch[field];
    if (value === undefined || value === before[field]) continue;
    Object.assign(from, { [field]: before[field] });
    Object.assign(to, { [field]: value });
    kinds.push(kind);
  }
  if (kinds.length === 0) return null;
  return {
    kind: 'code',
    id: before.id,
    what: kinds.length === 1 ? kinds[0]! : 'edit',
    undo: { method: 'updateCode', input: { id: before.id, ...from } },
    redo: { method: 'updateCode', input: { id: before.id, ...to } },
  };
}

export function codeCreateEntry(id: string): CodeEntry {
  return { kind: 'code', id, what: 'new code', undo: { method: 'deleteCode', input: { id, withDescendants: false } }, redo: null };
}

export function codeMergeEntry(from: string, into: string, change: CodeChange): CodeEntry {
  return { kind: 'code', id: from, what: 'merge', undo: { method: 'restoreCodes', input: change }, redo: { method: 'mergeCodes', input: { from, into } } };
}

export function codeDeleteEntry(id: string, withDescendants: boolean, change: CodeChange): CodeEntry {
  return { kind: 'code', id, what: 'delete', undo: { method: 'restoreCodes', input: change }, redo: { method: 'deleteCode', input: { id, withDescendants } } };
}

/** The call that undoes (`'undo'`) or repeats (`'redo'`) the entry. */
export function codeOperationFor(entry: CodeEntry, direction: 'undo' | 'redo'): CodeOp {
  const op = direction === 'undo' ? entry.undo : entry.redo;
  if (!op) throw new Error('This change cannot be redone before it is undone.');
  return op;
}

/**
 * The entry as it stands after its `direction` call ran and answered `change`
 * (what a merge or delete returns; null for the other calls): the opposite call
 * now restores exactly that change.
 */
export function afterCodeStep(entry: CodeEntry, direction: 'undo' | 'redo', change: CodeChange | null): CodeEntry {
  if (!change) return entry;
  const restore: CodeOp = { method: 'restoreCodes', input: change };
  return direction === 'undo' ? { ...entry, redo: restore } : { ...entry, undo: restore };
}

/** A short sentence announcing what an undo or redo did. */
export function describeCodeEntry(entry: CodeEntry, direction: 'undo' | 'redo'): string {
  const verb = direction === 'undo' ? 'Undid' : 'Redid';
  return entry.what === 'new code' ? `${verb} new code.` : `${verb} code ${entry.what}.`;
}
