/**
 * exchange/: the formats in and out of Fieldmark (W3C Web Annotation, Hypothesis
 * and Fieldmark files in; Markdown and W3C out) and the import merge. It turns
 * files into plans and records into text; it reads and writes no files itself
 * (the service does), and sits above store/, anchoring/, report/ and validation/.
 *
 * This file: merging an imported file into the store, planned before anything is
 * written: every incoming annotation is placed in this report
 * (import-placement.ts) and classified by the merge rules (merge-rules.ts).
 *
 * Merge rules:
 * - same id → the newer `updatedAt` wins (`updated`, or `older` when ours is newer);
 *   identical content is `unchanged`, whatever the dates;
 * - a tombstone beats an older edit (`deleted`), so deletions do not come back; an
 *   edit made after the deletion wins over it;
 * - the same passage (position, hence quote) and note under another id is a
 *   `duplicate` and is not imported twice;
 * - what cannot be placed in this report is an `orphan`, kept with its original
 *   quote under "Needs review" (never moved silently, never dropped);
 * - dates in the future (a colleague's clock running ahead) count as now, so they
 *   cannot win every later merge, and an import never post-dates the edits after it;
 * - a note the file withheld (a shared copy, issue 16) never replaces ours, whatever
 *   the dates; the file's sensitivity marks are kept;
 * - a file's private annotations are never written silently: they arrive with
 *   `applies: false`, and only an `accept` at commit writes them;
 * - a file none of whose annotations can be placed, and none of which is ours, was
 *   made for another document: INVALID_IMPORT. A file from another edition of this
 *   report (a different SHA-256, mostly the same text) is planned normally.
 *
 * Pure: the plan says what a commit would write and what it replaces (for undo).
 */
import type { AnnotationImportItem, ImportCounts } from '../../../preload/contract';
import { FieldmarkError } from '../../../preload/rpc';
import { uniqueTags } from '../../../common/tag-identity';
import type { IncomingAnnotation, ImportFormat, ParsedImport } from './import-parse';
import { anchorIncoming, originalTarget, placedTarget, type Anchor, type PlacementReport } from './import-placement';
import { createPassageIndex, deletedInFile, knownToUs, newToUs, time, type Decision, type MergeCase, type PassageIndex } from './merge-rules';
import { locateRange } from '../report/report-model';
import type { TaggedAnnotation } from '../store/store-schema';
import { countCodeKinds, type CodePlan } from './refi/refi-code-plan';
import { planAssessments, planLinks, type LinkPlanInput, type PlannedAssessment, type PlannedLink } from './import-merge-links';

export interface PlannedItem {
  item: AnnotationImportItem;
  /** What committing writes for this item; null when it changes nothing. */
  record: TaggedAnnotation | null;
  /** Our record before the import (null if we had none), for undo and for spotting a stale preview. */
  previous: TaggedAnnotation | null;
}

export interface ImportPlan {
  format: ImportFormat;
  counts: ImportCounts;
  items: PlannedItem[];
  /** The incoming codebook's merge (REFI-QDA files); null for annotation files. */
  codes: CodePlan | null;
  /** The file's links and assessments (issue 14; a Fieldmark export's), planned. */
  links: PlannedLink[];
  assessments: PlannedAssessment[];
}

export interface MergeInput {
  report: PlacementReport;
  /** Every stored annotation, tombstones included. */
  existing: readonly TaggedAnnotation[];
  now: Date;
  /** Our links, assessments and the report's recommendations, for a file that carries links or assessments. */
  tracker?: Pick<LinkPlanInput, 'links' | 'assessments' | 'recommendations'>;
}

/** Dates in the future (a colleague's clock running ahead) count as now. */
function notInFuture(a: IncomingAnnotation, now: Date): IncomingAnnotation {
  const nowMs = now.getTime();
  const clamp = (iso: string | null): string | null => (iso !== null && time(iso) > nowMs ? now.toISOString() : iso);
  return { ...a, createdAt: clamp(a.createdAt), updatedAt: clamp(a.updatedAt), deletedAt: clamp(a.deletedAt) };
}

function caseOf(a: IncomingAnnotation, anchor: Anchor | null, input: MergeInput, previous: TaggedAnnotation | null): MergeCase {
  const { report } = input;
  const placed = anchor !== null && anchor.status !== 'orphan';
  return {
    a,
    anchor,
    placed,
    target: placed ? placedTarget(report, anchor.start, anchor.end) : anchor ? originalTarget(a) : null,
    previous,
    color: a.color ?? previous?.color ?? 'key',
    citation: placed ? locateRange(report.blocks, anchor.start, anchor.end).citation : anchor ? 'Needs review' : '',
    now: input.now.toISOString(),
  };
}

function decideCase(c: MergeCase, passages: PassageIndex, reportSha256: string): Decision {
  if (c.a.deletedAt !== null) return deletedInFile(c, c.a.deletedAt);
  if (c.previous === null) return newToUs(c, passages);
  return knownToUs(c, c.previous, reportSha256);
}

/**
 * The preview's item. Its quote and tags are what the commit writes, so what the
 * user accepts is what is stored (a placed annotation stores the report's own
 * text at its place, which can differ from the file's quote after a fuzzy match).
 * Items that write nothing show where they would be placed, or the file's own.
 */
function itemOf(c: MergeCase, { kind, record, reason }: Decision): AnnotationImportItem {
  const held = heldBack(record) && c.a.sensitivity === 'private';
  return {
    entity: 'annotation',
    id: c.a.id,
    kind,
    exact: (record?.target ?? c.target)?.selector[1].exact ?? c.a.exact ?? '',
    note: c.a.note,
    tags: record?.tags ?? uniqueTags(c.a.tags),
    color: c.color,
    citation: c.citation,
    anchor: { status: c.anchor?.status ?? 'orphan', score: c.anchor?.score ?? 0 },
    reason: held ? `Marked private in the file: tick it to import it.${reason ? ` ${reason}` : ''}` : reason,
    applies: record !== null && !held,
    sensitivity: record?.sensitivity ?? c.a.sensitivity ?? c.previous?.sensitivity ?? 'normal',
  };
}

/** A private annotation the import would write (not a tombstone): it waits for the user's tick. */
export function heldBack(record: TaggedAnnotation | null): boolean {
  return record !== null && record.deletedAt === null && record.sensitivity === 'private';
}

/** A file none of whose annotations can be placed, and none of which is ours, was made for another document. */
function refuseForeignFile(cases: readonly MergeCase[], title: string): void {
  if (cases.length === 0 || cases.some((c) => c.placed || c.previous !== null)) return;
  const n = cases.length;
  const what =
    n === 1
      ? `The annotation in this file cannot be found in "${title}", and it is not one of yours`
      : `None of the ${n.toLocaleString('en')} annotations in this file can be found in "${title}", and none is one of yours`;
  throw new FieldmarkError('INVALID_IMPORT', `${what}: the file was probably made for another document. Nothing was imported.`);
}

/** Plans an import: classifies every incoming annotation and says what a commit would write. */
export function planImport(parsed: ParsedImport, input: MergeInput): ImportPlan {
  const ours = new Map(input.existing.map((r) => [r.id, r]));
  const incoming = parsed.annotations.map((a) => notInFuture(a, input.now));
  const anchors = anchorIncoming(incoming, input.report);
  const cases = incoming.map((a, i) => caseOf(a, anchors[i] ?? null, input, ours.get(a.id) ?? null));
  const passages = createPassageIndex(input.existing, input.report.sha256);
  const items = cases.map((c): PlannedItem => {
    const decision = decideCase(c, passages, input.report.sha256);
    return { item: itemOf(c, decision), record: decision.record, previous: c.previous };
  });
  refuseForeignFile(cases, input.report.title);
  const { links, assessments } = planTracker(parsed, input, items);
  return { format: parsed.format, counts: countKinds(items.map((p) => p.item), []), items, codes: null, links, assessments };
}

function excerpt(text: string): string {
  const flat = text.replace(/\s+/gu, ' ').trim();
  return flat.length > 60 ? `${flat.slice(0, 59)}…` : flat;
}

/** The file's links and assessments, planned against ours and the annotations as the import leaves them. */
function planTracker(parsed: ParsedImport, input: MergeInput, items: readonly PlannedItem[]): Pick<ImportPlan, 'links' | 'assessments'> {
  if ((parsed.links ?? []).length === 0 && (parsed.assessments ?? []).length === 0) return { links: [], assessments: [] };
  const ours = new Map(input.existing.map((r) => [r.id, r]));
  const inFile = new Map(items.map((p) => [p.item.id, p]));
  const describe = (id: string): string => {
    const planned = inFile.get(id);
    if (planned) return `${planned.item.citation || 'Unplaced'} “${excerpt(planned.item.exact)}”`;
    const record = ours.get(id);
    if (!record) return 'A highlight that is neither in the file nor here';
    const [position, quote] = record.target.selector;
    const where = record.target.sha256 === input.report.sha256 ? locateRange(input.report.blocks, position.start, position.end).citation : 'Needs review';
    return `${where} “${excerpt(quote.exact)}”`;
  };
  const context: LinkPlanInput = {
    links: input.tracker?.links ?? [],
    assessments: input.tracker?.assessments ?? [],
    recommendations: input.tracker?.recommendations ?? [],
    present: (id) => ours.has(id) || inFile.get(id)?.record != null,
    describe,
    fileTitles: new Map((parsed.assessments ?? []).flatMap((a) => (a.title === null ? [] : [[a.id, a.title] as const]))),
    now: input.now,
  };
  return { links: planLinks(parsed.links ?? [], context), assessments: planAssessments(parsed.assessments ?? [], context) };
}

/** Annotation items by kind, and code items under `codes`. */
export function countKinds(items: readonly Pick<AnnotationImportItem, 'kind'>[], codeItems: Parameters<typeof countCodeKinds>[0]): ImportCounts {
  const counts: ImportCounts = { new: 0, updated: 0, unchanged: 0, deleted: 0, duplicate: 0, orphan: 0, older: 0, total: items.length, codes: countCodeKinds(codeItems) };
  for (const item of items) counts[item.kind]++;
  return counts;
}
