/**
 * The temporary ids of highlights shown before the service saved them, and the
 * saved id each one turns into (issue 12). A change aimed at a highlight still
 * being created (its note typed, its colour or Delete chosen in those few
 * milliseconds) waits here for the saved id, because the service knows only that
 * one; null means the creation was refused and there is nothing to change.
 */
import { isProvisionalId, provisionalId } from './provisional-view';

interface Waiting {
  promise: Promise<string | null>;
  resolve(id: string | null): void;
}

export class ProvisionalIds {
  private count = 0;
  private readonly waiting = new Map<string, Waiting>();
  /** Answered ids, kept so a change that arrives late still finds its highlight. */
  private readonly answered = new Map<string, string | null>();

  /** A new temporary id, to be settled once. */
  make(): string {
    const id = provisionalId(++this.count);
    let resolve!: (value: string | null) => void;
    const promise = new Promise<string | null>((r) => (resolve = r));
    this.waiting.set(id, { promise, resolve });
    return id;
  }

  /** The service answered: `saved` is the id it gave, or null when it refused. */
  settle(id: string, saved: string | null): void {
    const waiting = this.waiting.get(id);
    if (!waiting) return;
    this.waiting.delete(id);
    this.answered.set(id, saved);
    waiting.resolve(saved);
  }

  /** The saved id now, if known: `id` itself when it is not temporary. */
  current(id: string): string | null {
    if (!isProvisionalId(id)) return id;
    return this.answered.get(id) ?? null;
  }

  /** The saved id for `id`, once the service has answered (at once when it is not temporary). */
  resolve(id: string): Promise<string | null> {
    if (!isProvisionalId(id)) return Promise.resolve(id);
    const waiting = this.waiting.get(id);
    if (waiting) return waiting.promise;
    return Promise.resolve(this.answered.get(id) ?? null);
  }
}
