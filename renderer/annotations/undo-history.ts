/**
 * The undo history the view keeps: the undo-stack state plus the queue that
 * runs one undo or redo at a time, so holding Ctrl+Z walks back in order. A
 * step whose change the service refuses puts the history back as it was.
 */
import { EMPTY_UNDO, record, replaceMoved, takeRedo, takeUndo, type UndoEntry, type UndoState } from './undo-stack';

export type Direction = 'undo' | 'redo';

export interface StepHandlers {
  /**
   * Makes the change that undoes or repeats `entry`; throws when it was not made.
   * May resolve with the entry as it now stands (a redone merge has a new change to restore).
   */
  perform(entry: UndoEntry): Promise<UndoEntry | void>;
  /** There is nothing to undo (or redo). */
  nothing(): void;
  /** `perform` threw; the history is back as it was before the step. */
  failed(error: unknown): void;
}

export class UndoHistory {
  private state: UndoState = EMPTY_UNDO;
  private queue: Promise<void> = Promise.resolve();
  /** Changes shown but not yet answered; a step waits for them, so it undoes what the user sees last. */
  private readonly inFlight = new Set<Promise<unknown>>();

  /**
   * Makes undo and redo wait for `change` (a change already on screen whose
   * answer, and so whose undo entry, has not arrived). Returns `change`.
   */
  track<T>(change: Promise<T>): Promise<T> {
    this.inFlight.add(change);
    const done = () => this.inFlight.delete(change);
    change.then(done, done);
    return change;
  }

  /** Adds a change the user made: it becomes the next undo, and the redo history is dropped. */
  record(entry: UndoEntry): void {
    this.state = record(this.state, entry);
  }

  /** Forgets every step (after a reload replaced the annotations the steps describe). */
  clear(): void {
    this.state = EMPTY_UNDO;
  }

  /** Runs one undo or redo after the steps already queued. */
  step(direction: Direction, handlers: StepHandlers): Promise<void> {
    const run = async () => {
      if (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
      const previous = this.state;
      const taken = direction === 'undo' ? takeUndo(previous) : takeRedo(previous);
      if (!taken) {
        handlers.nothing();
        return;
      }
      this.state = taken.state;
      try {
        const updated = await handlers.perform(taken.entry);
        if (updated) this.state = replaceMoved(this.state, direction, taken.entry, updated);
      } catch (error) {
        this.state = previous;
        handlers.failed(error);
      }
    };
    this.queue = this.queue.then(run, run);
    return this.queue;
  }
}
