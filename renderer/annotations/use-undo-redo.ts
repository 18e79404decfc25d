/**
 * Undo and redo as the panel's buttons and Ctrl+Z / Ctrl+Shift+Z run them: the
 * step taken from the UndoHistory is sent to the service as the contract call
 * that reverses or repeats it, then shown, selected (or, when it sent the
 * annotation to the trash, its card closed) and announced.
 */
import { useCallback, useMemo } from 'react';
import type { AnnotationView } from '../../preload/contract';
import type { FieldmarkClient } from '../api/client';
import { changeFailure } from './change-failure';
import type { ChangeDeps } from './use-annotation-changes';
import type { Direction } from './undo-history';
import { describeEntry, operationFor, type Operation } from './undo-stack';

export interface UndoRedo {
  undo(): Promise<void>;
  redo(): Promise<void>;
}

type UndoDeps = Pick<ChangeDeps, 'client' | 'store' | 'history' | 'notify' | 'announce' | 'refreshTags' | 'adoptNote' | 'forget'> & {
  select(id: string | null): void;
};

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
  const { client, store, history, notify, announce, refreshTags, adoptNote, forget, select } = deps;
  const step = useCallback(
    (direction: Direction): Promise<void> =>
      history.step(direction, {
        perform: async (entry) => {
          const view = await send(client, operationFor(entry, direction));
          store.upsert(view);
          adoptNote(view);
          if (view.deletedAt !== null) forget(view.id);
          else select(view.id);
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
    [adoptNote, announce, client, forget, history, notify, refreshTags, select, store],
  );
  return useMemo(() => ({ undo: () => step('undo'), redo: () => step('redo') }), [step]);
}
