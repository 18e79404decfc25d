/**
 * Codebook changes (issue 13) as the Codebook view makes them and as undo and
 * redo repeat them. Each change goes to the service; once acknowledged it is
 * recorded in the same undo history as annotation edits, the annotations are
 * reloaded when their tag paths changed (a rename, move, merge or delete of a
 * code in use), and `codesVersion` moves on so views listing codes ask again.
 */
import { useMemo } from 'react';
import type { z } from 'zod';
import type { CodeChange, CodeView, CreateCodeInput } from '../../preload/contract';
import type { FieldmarkClient } from '../api/client';
import { changeFailure } from './change-failure';
import {
  afterCodeStep,
  codeCreateEntry,
  codeDeleteEntry,
  codeEditEntry,
  codeMergeEntry,
  codeOperationFor,
  describeCodeEntry,
  type CodeEntry,
  type CodeFields,
  type CodeOp,
} from './code-undo';
import type { UndoHistory } from './undo-history';
import { ValueStore } from './value-store';

export type CodeResult<T> = { ok: true; value: T } | { ok: false; error: string };

export interface CodeChanges {
  /** Moves on after every change to the codebook (made here, undone or redone). */
  codesVersion: ValueStore<number>;
  createCode(input: z.infer<typeof CreateCodeInput>): Promise<CodeResult<CodeView>>;
  updateCode(before: CodeView, patch: CodeFields): Promise<CodeResult<CodeView>>;
  mergeCodes(from: CodeView, into: CodeView): Promise<CodeResult<CodeChange>>;
  deleteCode(code: CodeView, withDescendants: boolean): Promise<CodeResult<CodeChange>>;
  /** Runs an undo or redo step of a code entry; resolves with the entry as it now stands. */
  performCode(entry: CodeEntry, direction: 'undo' | 'redo'): Promise<CodeEntry>;
}

export interface CodeChangeDeps {
  client: FieldmarkClient;
  history: UndoHistory;
  /** Reloads the annotations, keeping the undo history (their ids and notes are unchanged). */
  reloadKeepingHistory(): Promise<void>;
  announce(message: string): void;
}

/** Sends one code call; says whether annotations' tag paths changed, and the CodeChange a merge or delete made. */
async function send(client: FieldmarkClient, op: CodeOp): Promise<{ uses: boolean; change: CodeChange | null }> {
  switch (op.method) {
    case 'updateCode': {
      const view = await client.updateCode(op.input);
      const paths = op.input.name !== undefined || op.input.parentId !== undefined;
      return { uses: paths && view.totalCount > 0, change: null };
    }
    case 'mergeCodes':
    case 'deleteCode': {
      const change = op.method === 'mergeCodes' ? await client.mergeCodes(op.input) : await client.deleteCode(op.input);
      return { uses: change.uses.length > 0, change };
    }
    case 'restoreCodes': {
      const restored = await client.restoreCodes(op.input);
      return { uses: restored.annotations > 0, change: null };
    }
  }
}

/** A change the service refused is a message for the view to show beside the control. */
async function attempt<T>(run: () => Promise<T>): Promise<CodeResult<T>> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    return { ok: false, error: changeFailure(error) };
  }
}

function bind(deps: CodeChangeDeps, codesVersion: ValueStore<number>): CodeChanges {
  const { client, history } = deps;
  const settled = async (uses: boolean) => {
    if (uses) await deps.reloadKeepingHistory();
    codesVersion.set(codesVersion.get() + 1);
  };
  /** Runs a change; once acknowledged, records its undo entry and shows its effects. */
  const change = <T>(run: () => Promise<T>, outcome: (value: T) => { entry: CodeEntry; uses: boolean }) =>
    history.track(
      attempt(async () => {
        const value = await run();
        const { entry, uses } = outcome(value);
        history.record(entry);
        await settled(uses);
        return value;
      }),
    );
  return {
    codesVersion,
    createCode: (input) => change(() => client.createCode(input), (view) => ({ entry: codeCreateEntry(view.id), uses: false })),
    updateCode: (before, patch) => {
      const entry = codeEditEntry(before, patch);
      if (!entry) return Promise.resolve({ ok: true, value: before });
      const paths = patch.name !== undefined || patch.parentId !== undefined;
      return change(() => client.updateCode({ id: before.id, ...patch }), (view) => ({ entry, uses: paths && view.totalCount > 0 }));
    },
    mergeCodes: (from, into) =>
      change(() => client.mergeCodes({ from: from.id, into: into.id }), (made) => ({ entry: codeMergeEntry(from.id, into.id, made), uses: made.uses.length > 0 })),
    deleteCode: (code, withDescendants) =>
      change(() => client.deleteCode({ id: code.id, withDescendants }), (made) => ({ entry: codeDeleteEntry(code.id, withDescendants, made), uses: made.uses.length > 0 })),
    performCode: async (entry, direction) => {
      const result = await send(client, codeOperationFor(entry, direction));
      await settled(result.uses);
      deps.announce(describeCodeEntry(entry, direction));
      return afterCodeStep(entry, direction, result.change);
    },
  };
}

export function useCodeChanges(deps: CodeChangeDeps): CodeChanges {
  const { client, history, reloadKeepingHistory, announce } = deps;
  const codesVersion = useMemo(() => new ValueStore(0), []);
  return useMemo(
    () => bind({ client, history, reloadKeepingHistory, announce }, codesVersion),
    [client, history, reloadKeepingHistory, announce, codesVersion],
  );
}
