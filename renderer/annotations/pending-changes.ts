/**
 * Changes shown before the service has acknowledged them (issue 12): a colour
 * chosen, a highlight sent to the trash or brought back. A round trip to the
 * host (HTTP, journal append, fsync) takes longer than a frame, so the view
 * shows such a change at once and keeps it as an overlay on top of the
 * acknowledged annotation until the service answers. The overlay is never the
 * stored truth: an acknowledged version that arrives meanwhile is kept as the
 * base and the overlay re-applied to it, and a refused change is dropped, which
 * shows the acknowledged version again.
 *
 * Only fields whose provisional value needs nothing from the service are
 * overlaid: the colour and the deletion. Tags (which the service normalises and
 * maps to codes) and notes (whose save state the card shows) still wait for it.
 */
import type { AnnotationView } from '../../preload/contract';

export type PendingPatch = Partial<Pick<AnnotationView, 'color' | 'deletedAt'>>;

/** One change waiting for its answer; hand it back to `settle`. */
export interface PendingToken {
  readonly id: string;
}

interface Entry {
  token: PendingToken;
  patch: PendingPatch;
}

export class PendingChanges {
  private readonly byId = new Map<string, Entry[]>();

  /** Adds a change for `id`, applied after the ones already waiting. */
  add(id: string, patch: PendingPatch): PendingToken {
    const token: PendingToken = { id };
    const list = this.byId.get(id) ?? [];
    list.push({ token, patch });
    this.byId.set(id, list);
    return token;
  }

  /** Forgets a change (answered or refused); false if it was already forgotten. */
  remove(token: PendingToken): boolean {
    const list = this.byId.get(token.id);
    const at = list?.findIndex((e) => e.token === token) ?? -1;
    if (!list || at < 0) return false;
    list.splice(at, 1);
    if (list.length === 0) this.byId.delete(token.id);
    return true;
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  /** The acknowledged `view` as the user should see it: with every waiting change on top, in order. */
  apply(view: AnnotationView): AnnotationView {
    const list = this.byId.get(view.id);
    if (!list) return view;
    let shown = view;
    for (const { patch } of list) shown = { ...shown, ...patch };
    return shown;
  }

  clear(): void {
    this.byId.clear();
  }
}
