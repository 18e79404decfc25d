import { describe, expect, it } from 'vitest';
import { UndoHistory, type StepHandlers } from '../../../../renderer/annotations/undo-history';
import type { UndoEntry } from '../../../../renderer/annotations/undo-stack';

/** Handlers that log what happened; `perform` fails for the ids in `refuse`. */
function recorder(refuse: ReadonlySet<string> = new Set()) {
  const log: string[] = [];
  const handlers = (direction: string): StepHandlers => ({
    perform: async (entry: UndoEntry) => {
      await Promise.resolve();
      if (refuse.has(entry.id)) throw new Error(`refused ${entry.id}`);
      log.push(`${direction} ${entry.kind} ${entry.id}`);
    },
    nothing: () => log.push(`nothing to ${direction}`),
    failed: (error) => log.push(`failed: ${(error as Error).message}`),
  });
  return { log, handlers };
}

describe('UndoHistory', () => {
  it('undoes the newest change first and redoes it again', async () => {
    const history = new UndoHistory();
    const { log, handlers } = recorder();
    history.record({ kind: 'create', id: 'a' });
    history.record({ kind: 'delete', id: 'b' });
    await history.step('undo', handlers('undo'));
    await history.step('redo', handlers('redo'));
    expect(log).toEqual(['undo delete b', 'redo delete b']);
  });

  it('runs steps asked for together one after another, in order', async () => {
    const history = new UndoHistory();
    const { log, handlers } = recorder();
    history.record({ kind: 'create', id: 'a' });
    history.record({ kind: 'create', id: 'b' });
    await Promise.all([history.step('undo', handlers('undo')), history.step('undo', handlers('undo')), history.step('undo', handlers('undo'))]);
    expect(log).toEqual(['undo create b', 'undo create a', 'nothing to undo']);
  });

  it('puts a refused step back so that it can be tried again', async () => {
    const history = new UndoHistory();
    const refuse = new Set(['a']);
    const { log, handlers } = recorder(refuse);
    history.record({ kind: 'create', id: 'a' });
    await history.step('undo', handlers('undo'));
    refuse.clear();
    await history.step('undo', handlers('undo'));
    expect(log).toEqual(['failed: refused a', 'undo create a']);
  });

  it('forgets every step when cleared', async () => {
    const history = new UndoHistory();
    const { log, handlers } = recorder();
    history.record({ kind: 'create', id: 'a' });
    history.clear();
    await history.step('undo', handlers('undo'));
    expect(log).toEqual(['nothing to undo']);
  });
});

describe('UndoHistory.track', () => {
  it('makes a step wait for a change in flight, so it undoes the change shown last', async () => {
    const history = new UndoHistory();
    const { log, handlers } = recorder();
    history.record({ kind: 'create', id: 'a' });
    let answer!: () => void;
    // A delete shown at once, whose entry is recorded only when the service answers.
    const change = history.track(
      new Promise<void>((resolve) => {
        answer = () => {
          history.record({ kind: 'delete', id: 'a' });
          resolve();
        };
      }),
    );
    const step = history.step('undo', handlers('undo'));
    await Promise.resolve();
    expect(log).toEqual([]);
    answer();
    await change;
    await step;
    expect(log).toEqual(['undo delete a']);
  });

  it('does not wait for a change that failed any longer than it took', async () => {
    const history = new UndoHistory();
    const { log, handlers } = recorder();
    history.record({ kind: 'create', id: 'a' });
    await history.track(Promise.reject(new Error('refused'))).catch(() => undefined);
    await history.step('undo', handlers('undo'));
    expect(log).toEqual(['undo create a']);
  });
});
