/**
 * Planning the links and assessments of an import (issue 14), by the rules the
 * annotations follow (import-merge.ts):
 * - same id → the newer `updatedAt` wins (`updated`, or `older` when ours is
 *   newer); the same content is `unchanged`, whatever the dates;
 * - an unlinking (a link tombstone) beats an older link, and a link made again
 *   after ours was unlinked brings it back;
 * - a link matches ours by id, or else by its ends and relation (one record per
 *   link, as the service keeps them), so two people's identical links are one;
 * - a link whose annotation is neither in the file (and imported) nor here is an
 *   `orphan`: it is shown, and not created;
 * - dates in the future count as now (import-merge.ts).
 * Pure: the plan says what a commit would write and what it replaces (for undo).
 */
import {
  STATUS_LABELS,
  type AssessmentImportItem,
  type ImportKind,
  type LinkImportItem,
  type LinkTarget,
} from '../../../preload/contract';
import type { RecommendationItem } from '../report/recommendations';
import type { StoredAssessment, StoredLink } from '../store/store-schema';
import type { IncomingAssessment, IncomingLink } from './import-parse-links';
import { time } from './merge-rules';

export interface PlannedLink {
  item: LinkImportItem;
  record: StoredLink | null;
  previous: StoredLink | null;
}

export interface PlannedAssessment {
  item: AssessmentImportItem;
  record: StoredAssessment | null;
  previous: StoredAssessment | null;
}

export interface LinkPlanInput {
  links: readonly StoredLink[];
  assessments: readonly StoredAssessment[];
  recommendations: readonly Pick<RecommendationItem, 'id' | 'index' | 'start' | 'end' | 'title'>[];
  /** Whether an annotation will exist once the import is committed (ours, or the file's and imported). */
  present(id: string): boolean;
  /** An annotation in words for the preview ("Protection ¶4 “quote…”"). */
  describe(id: string): string;
  /** Titles the file's assessments give, which name their recommendations once imported. */
  fileTitles?: ReadonlyMap<string, string>;
  now: Date;
}

export const ORPHAN_LINK_REASON = 'Links to a highlight that is neither in the file nor here, so it is not created.';
const UNIMPORTED_FROM = 'Its highlight is not imported (see the annotations), so the link has nothing to start from.';
const NOT_A_RECOMMENDATION = 'It points at a passage that is not one of this report’s recommendations, so it is not created.';

const linkKey = (from: string, to: LinkTarget, relation: string) =>
  `${from}\n${'recommendation' in to ? `rec:${to.recommendation}` : `ann:${to.annotation}`}\n${relation}`;

function clamp(iso: string | null, now: Date): string | null {
  return iso !== null && time(iso) > now.getTime() ? now.toISOString() : iso;
}

/** The incoming link's target as a stored one, or null when its passage is not a recommendation. */
function resolveTarget(link: IncomingLink, input: LinkPlanInput): LinkTarget | null {
  if (!('passage' in link.to)) return link.to;
  const { start, end } = link.to.passage;
  const rec = input.recommendations.find((r) => r.start === start && r.end === end);
  return rec ? { recommendation: rec.id } : null;
}

/** "Recommendation 3: Develop, systematize…" with the user's title where one is set. */
export function recommendationLabel(id: string, input: Pick<LinkPlanInput, 'assessments' | 'recommendations' | 'fileTitles'>, title?: string | null): string {
  const rec = input.recommendations.find((r) => r.id === id);
  const own = title ?? input.fileTitles?.get(id) ?? input.assessments.find((a) => a.id === id)?.title ?? null;
  return `Recommendation ${rec?.index ?? id}: ${own ?? rec?.title ?? ''}`.trim();
}

interface LinkDecision {
  kind: ImportKind;
  record: StoredLink | null;
  reason: string | null;
}

function decideLink(link: IncomingLink, to: LinkTarget | null, previous: StoredLink | null, input: LinkPlanInput): LinkDecision {
  const stamp = time(link.updatedAt ?? link.deletedAt ?? link.createdAt);
  const nowIso = input.now.toISOString();
  if (link.deletedAt !== null) {
    if (previous === null) return { kind: 'deleted', record: null, reason: 'Unlinked in the file, and not among your links: nothing to do.' };
    if (previous.deletedAt !== null) return { kind: 'unchanged', record: null, reason: null };
    if (stamp > time(previous.updatedAt)) {
      return { kind: 'deleted', record: { ...previous, deletedAt: link.deletedAt, updatedAt: new Date(stamp).toISOString() }, reason: 'Unlinked in the file after your link was made.' };
    }
    return { kind: 'older', record: null, reason: 'Unlinked in the file, but you linked it again afterwards; yours is kept.' };
  }
  if (to === null) return { kind: 'orphan', record: null, reason: NOT_A_RECOMMENDATION };
  if (!input.present(link.from)) return { kind: 'orphan', record: null, reason: UNIMPORTED_FROM };
  if ('annotation' in to && !input.present(to.annotation)) return { kind: 'orphan', record: null, reason: ORPHAN_LINK_REASON };
  if (previous === null) {
    const createdAt = link.createdAt ?? nowIso;
    return { kind: 'new', record: { id: link.id, from: link.from, to, relation: link.relation, createdAt, updatedAt: link.updatedAt ?? createdAt, deletedAt: null }, reason: null };
  }
  if (previous.deletedAt === null) return { kind: 'unchanged', record: null, reason: null };
  if (stamp > time(previous.updatedAt)) {
    return { kind: 'updated', record: { ...previous, deletedAt: null, updatedAt: new Date(stamp).toISOString() }, reason: 'Linked in the file after you unlinked it; importing links them again.' };
  }
  return { kind: 'older', record: null, reason: 'You unlinked it after this version was made; it stays unlinked.' };
}

/** Plans every incoming link. */
export function planLinks(incoming: readonly IncomingLink[], input: LinkPlanInput): PlannedLink[] {
  const byId = new Map(input.links.map((l) => [l.id, l]));
  const byKey = new Map(input.links.map((l) => [linkKey(l.from, l.to, l.relation), l]));
  const seen = new Set<string>();
  return incoming.map((raw) => {
    const link = { ...raw, createdAt: clamp(raw.createdAt, input.now), updatedAt: clamp(raw.updatedAt, input.now), deletedAt: clamp(raw.deletedAt, input.now) };
    const to = resolveTarget(link, input);
    const key = to ? linkKey(link.from, to, link.relation) : null;
    const previous = byId.get(link.id) ?? (key ? byKey.get(key) : undefined) ?? null;
    const twice = key !== null && seen.has(key);
    if (key) seen.add(key);
    const decision: LinkDecision = twice ? { kind: 'duplicate', record: null, reason: 'The same link is in the file twice; it is imported once.' } : decideLink(link, to, previous, input);
    const item: LinkImportItem = {
      entity: 'link',
      id: link.id,
      kind: decision.kind,
      from: link.from,
      fromLabel: input.describe(link.from),
      to,
      toLabel: to === null ? 'A passage that is not a recommendation' : 'recommendation' in to ? recommendationLabel(to.recommendation, input) : input.describe(to.annotation),
      relation: link.relation,
      unlinked: link.deletedAt !== null,
      reason: decision.reason,
      applies: decision.record !== null,
    };
    return { item, record: decision.record, previous };
  });
}

function sameAssessment(a: Omit<StoredAssessment, 'updatedAt'>, b: Omit<StoredAssessment, 'updatedAt'>): boolean {
  return a.title === b.title && a.status === b.status && a.rationale === b.rationale && a.assessedBy === b.assessedBy && a.assessedAt === b.assessedAt;
}

const DEFAULT_ASSESSMENT = { title: null, status: 'not-assessed', rationale: '', assessedBy: null, assessedAt: null } as const;

function decideAssessment(a: StoredAssessment, previous: StoredAssessment | null): { kind: ImportKind; record: StoredAssessment | null; reason: string | null } {
  if (sameAssessment(a, previous ?? { id: a.id, ...DEFAULT_ASSESSMENT })) return { kind: 'unchanged', record: null, reason: null };
  if (previous === null) return { kind: 'new', record: a, reason: null };
  if (time(a.updatedAt) > time(previous.updatedAt)) return { kind: 'updated', record: a, reason: `Yours (${STATUS_LABELS[previous.status]}) is replaced by the file’s newer assessment.` };
  return { kind: 'older', record: null, reason: 'Your assessment is newer; it is kept.' };
}

/** Plans every incoming assessment. */
export function planAssessments(incoming: readonly IncomingAssessment[], input: LinkPlanInput): PlannedAssessment[] {
  const ours = new Map(input.assessments.map((a) => [a.id, a]));
  return incoming.map((raw) => {
    const a: StoredAssessment = { ...raw, assessedAt: clamp(raw.assessedAt, input.now), updatedAt: clamp(raw.updatedAt, input.now)! };
    const previous = ours.get(a.id) ?? null;
    const decision = decideAssessment(a, previous);
    const item: AssessmentImportItem = {
      entity: 'assessment',
      id: a.id,
      kind: decision.kind,
      label: recommendationLabel(a.id, input, a.title),
      status: a.status,
      previousStatus: previous?.status ?? null,
      rationale: a.rationale,
      reason: decision.reason,
      applies: decision.record !== null,
    };
    return { item, record: decision.record, previous };
  });
}
