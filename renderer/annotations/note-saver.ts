/**
 * Saves a note as it is typed without ever dropping a keystroke: changes are
 * debounced, saves run one at a time in order, a flush (blur, close, quit)
 * saves whatever is newest right away, and a failed save keeps the text and
 * reports it so the user can retry.
 */
import { messageOf } from '../api/error-message';

export type SaveStatus = 'saved' | 'editing' | 'saving' | 'failed';

export interface Timers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export interface NoteSaverOptions {
  /** The note as it is stored now. */
  initial: string;
  /** Persists a note; rejects if it was not saved. */
  save(text: string): Promise<void>;
  /** Quiet time after the last keystroke before saving. */
  delay?: number;
  onStatus?(status: SaveStatus, error: string | null): void;
  timers?: Timers;
}

const NOTE_SAVE_DELAY = 400;

const realTimers: Timers = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};


export class NoteSaver {
  private latest: string;
  private saved: string;
  private saving = false;
  private error: string | null = null;
  private timer: unknown = null;
  private chain: Promise<void> = Promise.resolve();
  private readonly delay: number;
  private readonly timers: Timers;

  constructor(private readonly options: NoteSaverOptions) {
    this.latest = options.initial;
    this.saved = options.initial;
    this.delay = options.delay ?? NOTE_SAVE_DELAY;
    this.timers = options.timers ?? realTimers;
  }

  /** The newest text typed. */
  get value(): string {
    return this.latest;
  }

  /** The newest text known to be stored. */
  get savedValue(): string {
    return this.saved;
  }

  /** Whether something typed is not stored yet. */
  get dirty(): boolean {
    return this.latest !== this.saved;
  }

  get status(): SaveStatus {
    if (this.saving) return 'saving';
    if (!this.dirty) return 'saved';
    return this.error !== null ? 'failed' : 'editing';
  }

  get lastError(): string | null {
    return this.error;
  }

  /** Records a keystroke's result and schedules a save. */
  change(text: string): void {
    this.latest = text;
    this.clearTimer();
    if (this.dirty) this.timer = this.timers.set(() => void this.flush(), this.delay);
    this.emit();
  }

  /** Saves the newest text now (after any save in flight); resolves true once it is stored. */
  flush(): Promise<boolean> {
    this.clearTimer();
    const link = this.chain.then(() => this.saveIfDirty());
    this.chain = link.then(
      () => undefined,
      () => undefined,
    );
    return link;
  }

  /**
   * Adopts a note changed elsewhere (an undo, another window) unless the user
   * has typed something not yet stored, which always wins.
   */
  adopt(text: string): void {
    if (this.dirty || this.saving) return;
    this.latest = text;
    this.saved = text;
    this.error = null;
    this.emit();
  }

  /** Stops the pending timer; saves already started still finish. */
  dispose(): void {
    this.clearTimer();
  }

  private async saveIfDirty(): Promise<boolean> {
    if (!this.dirty) {
      this.emit();
      return true;
    }
    const text = this.latest;
    this.saving = true;
    this.emit();
    try {
      await this.options.save(text);
      this.saved = text;
      this.error = null;
    } catch (error) {
      this.error = messageOf(error, 'The note could not be saved.');
    } finally {
      this.saving = false;
    }
    this.emit();
    return this.saved === text && this.error === null;
  }

  private clearTimer(): void {
    if (this.timer !== null) {
      this.timers.clear(this.timer);
      this.timer = null;
    }
  }

  private emit(): void {
    const status = this.status;
    this.options.onStatus?.(status, status === 'failed' ? this.error : null);
  }
}
