/**
 * Undo and redo as the panel's buttons and Ctrl+Z / Ctrl+Shift+Z run them: the
 * step taken from the UndoHistory is sent to the service as the contract call
 * that reverses or repeats it, then announced. A deletion, a restore or a colour
 * shows at once, as a proposal the service's answer settles (pending-changes.ts);
 * a refusal takes it off the screen again and puts the step back.
 */
import { useCallback, useMemo } from 'react';
import type { AnnotationView } from '../../preload/contract';
import type { FieldmarkClient } from '../api/client';
import { changeFailure } from './change-failure';
import type { ChangeDeps } from './use-annotation-changes';
import type { Direction } from './undo-history';
import type { PendingPatch } from './pending-changes';
import type { CodeChanges } from './use-code-changes';
import type { LinkChanges } from './use-link-changes';
import { describeEntry, operationFor, type Operation } from './undo-stack';

export interface UndoRedo {
  undo(): Promise<void>;
  redo(): Promise<void>;
}

type UndoDeps = Pick<ChangeDeps, 'client' | 'store' | 'history' | 'notify' | 'announce' | 'refreshTags' | 'adoptNote' | 'forget'> & {
  select(id: string | null): void;
  /** Runs a codebook entry's step (use-code-changes.ts). */
  performCode: CodeChanges['performCode'];
  /** Runs a tracker entry's step: a link, an unlink, a recommendation edit (use-link-changes.ts). */
  performTracker: LinkChanges['performTracker'];
};

/** What `op` changes that can be shown before the service answers. */
function provisional(op: Operation): PendingPatch | null {
  switch (op.method) {
    case 'deleteAnnotation':
      return { deletedAt: new Date().toISOString() };
    case 'restoreAnnotation':
      return { deletedAt: null };
    case 'updateAnnotation':
      return op.input.color !== undefined ? { color: op.input.color } : null;
  }
}

function send(client: FieldmarkClient, op: Operation): Promise<AnnotationView> {
  switch (op.method) {
    case 'deleteAnnotation':
      return client.deleteAnnotation(op.input);
    case 'restoreAnnotation':
      return client.restoreAnnotation(op.input);
    case 'updateAnnotation':
      return client.updateAnnotation(op.input);
  }
}

export function useUndoRedo(deps: UndoDeps): UndoRedo {
  const { client, store, history, notify, announce, refreshTags, adoptNote, forget, select, performCode, performTracker } = deps;
  // Selects what the step brought back, or closes the card of what it sent to the trash.
  const show = useCallback(
    (view: AnnotationView | null) => {
      if (view?.deletedAt === null) select(view.id);
      else if (view) forget(view.id);
    },
    [forget, select],
  );
  const step = useCallback(
    (direction: Direction): Promise<void> =>
      history.step(direction, {
        perform: async (entry) => {
          if (entry.kind === 'code') return performCode(entry, direction);
          if (entry.kind === 'link' || entry.kind === 'recommendation') return performTracker(entry, direction);
          const op = operationFor(entry, direction);
          const patch = provisional(op);
          const shown = patch ? store.propose(entry.id, patch) : null;
          if (shown) show(store.get(entry.id));
          let view: AnnotationView;
          try {
            view = await send(client, op);
          } catch (error) {
            if (shown) store.settle(shown);
            throw error;
          }
          if (shown) store.settle(shown, view);
          else store.upsert(view);
          adoptNote(view);
          show(view);
          void refreshTags();
          announce(describeEntry(entry, direction));
        },
        nothing: () => announce(direction === 'undo' ? 'Nothing to undo.' : 'Nothing to redo.'),
        failed: (error) =>
          notify(`Could not ${direction}. ${changeFailure(error)}`, {
            kind: 'error',
            action: { label: 'Retry', run: () => step(direction) },
          }),
      }),
    [adoptNote, announce, client, history, notify, performCode, performTracker, refreshTags, show, store],
  );
  return useMemo(() => ({ undo: () => step('undo'), redo: () => step('redo') }), [step]);
}
