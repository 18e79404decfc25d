/**
 * Import previews held between previewImport and commitImport: in memory only,
 * at most MAX_PREVIEWS (the oldest is dropped first), each for PREVIEW_TTL_MS,
 * and used once. Nothing of a preview is written to disk.
 */
import { randomUUID } from 'node:crypto';
import type { ImportPlan } from '../exchange/import-merge';

/** How many import previews are kept at once (the oldest is dropped first). */
export const MAX_PREVIEWS = 5;
/** How long a preview can be committed after it was made. */
export const PREVIEW_TTL_MS = 30 * 60 * 1000;

export interface ImportPreviews {
  /** Keeps a plan and returns the preview's id. */
  hold(plan: ImportPlan, now: Date): string;
  /** The plan of a preview still held, or undefined (expired, used or never made). */
  find(id: string, now: Date): ImportPlan | undefined;
  /** Forgets one preview (once committed). */
  drop(id: string): void;
  /** Forgets every preview (after a restore, none of them describes the store any more). */
  clear(): void;
}

export function createImportPreviews(): ImportPreviews {
  const previews = new Map<string, { plan: ImportPlan; madeAt: number }>();
  const dropExpired = (now: number) => {
    for (const [id, held] of previews) if (now - held.madeAt > PREVIEW_TTL_MS) previews.delete(id);
  };
  return {
    hold(plan, now) {
      dropExpired(now.getTime());
      while (previews.size >= MAX_PREVIEWS) previews.delete(previews.keys().next().value!);
      const id = randomUUID();
      previews.set(id, { plan, madeAt: now.getTime() });
      return id;
    },
    find(id, now) {
      dropExpired(now.getTime());
      return previews.get(id)?.plan;
    },
    drop: (id) => void previews.delete(id),
    clear: () => previews.clear(),
  };
}
