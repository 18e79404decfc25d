/**
 * Undo entries for the recommendation tracker (issue 14), as pure data beside
 * the annotation and code entries of undo-stack.ts: a link made or removed, and
 * a change to a recommendation's title, status or rationale. Links are
 * tombstoned by the service, so undoing a link is an unlink and redoing it a
 * link again, which revives the same record.
 */
import type { LinkInput, RecommendationId, RecommendationStatus, RecommendationView } from '../../preload/contract';

/** The fields of a recommendation the user edits; a null title is the default one. */
export interface RecommendationFields {
  title?: string | null;
  status?: RecommendationStatus;
  rationale?: string;
}

export type TrackerEntry =
  | {
      kind: 'link';
      /** The annotation the link is from (every undo entry names the record it changed). */
      id: string;
      input: LinkInput;
      /** True when the change made the link, false when it removed it. */
      linked: boolean;
    }
  | { kind: 'recommendation'; id: RecommendationId; before: RecommendationFields; after: RecommendationFields };

export type TrackerOp =
  | { method: 'linkAnnotation' | 'unlinkAnnotation'; input: LinkInput }
  | { method: 'updateRecommendation'; input: { id: RecommendationId } & RecommendationFields };

export function linkEntry(input: LinkInput, linked: boolean): TrackerEntry {
  return { kind: 'link', id: input.from, input, linked };
}

/**
 * The entry for changing `before` by `patch`, keeping only the fields that
 * change; null when none does. A title is compared as shown (a null patch is
 * the default title, which `before` may already show).
 */
export function recommendationEntry(before: RecommendationView, patch: RecommendationFields): TrackerEntry | null {
  const from: RecommendationFields = {};
  const to: RecommendationFields = {};
  if (patch.title !== undefined && patch.title !== before.title) {
    from.title = before.title;
    to.title = patch.title;
  }
  if (patch.status !== undefined && patch.status !== before.status) {
    from.status = before.status;
    to.status = patch.status;
  }
  if (patch.rationale !== undefined && patch.rationale !== before.rationale) {
    from.rationale = before.rationale;
    to.rationale = patch.rationale;
  }
  if (Object.keys(to).length === 0) return null;
  return { kind: 'recommendation', id: before.id, before: from, after: to };
}

/** The contract call that undoes (`'undo'`) or repeats (`'redo'`) an entry. */
export function trackerOperationFor(entry: TrackerEntry, direction: 'undo' | 'redo'): TrackerOp {
  if (entry.kind === 'link') {
    const link = direction === 'redo' ? entry.linked : !entry.linked;
    return { method: link ? 'linkAnnotation' : 'unlinkAnnotation', input: entry.input };
  }
  return { method: 'updateRecommendation', input: { id: entry.id, ...(direction === 'undo' ? entry.before : entry.after) } };
}

/** A short sentence announcing what an undo or redo did: "Undid link.", "Redid status change." */
export function describeTrackerEntry(entry: TrackerEntry, direction: 'undo' | 'redo'): string {
  const verb = direction === 'undo' ? 'Undid' : 'Redid';
  if (entry.kind === 'link') return `${verb} ${entry.linked ? 'link' : 'unlink'}.`;
  return `${verb} ${Object.keys(entry.after).join(' and ')} change.`;
}
