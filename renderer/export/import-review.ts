/**
 * The import preview as data: what each kind of incoming item means, the
 * accessible label of each item's accept checkbox, and which ids to reject when
 * committing. Pure, so the review rules are tested without a DOM.
 */
import {
  MAX_IMPORT_BYTES,
  STATUS_LABELS,
  type AnnotationImportItem,
  type AssessmentImportItem,
  type LinkImportItem,
  type LinkRelation,
  type CodeImportItem,
  type CodeImportKind,
  type ImportCounts,
  type ImportItem,
  type ImportKind,
} from '../../preload/contract';

/** Kinds in the order the preview lists them, with their plural heading. */
export const KIND_ORDER: ReadonlyArray<{ kind: ImportKind; count: Exclude<keyof ImportCounts, 'codes'>; title: string }> = [
  { kind: 'new', count: 'new', title: 'New' },
  { kind: 'updated', count: 'updated', title: 'Updated' },
  { kind: 'deleted', count: 'deleted', title: 'Deleted' },
  { kind: 'duplicate', count: 'duplicate', title: 'Duplicates' },
  { kind: 'orphan', count: 'orphan', title: 'Orphans' },
  { kind: 'unchanged', count: 'unchanged', title: 'Unchanged' },
  { kind: 'older', count: 'older', title: 'Older than yours' },
];

/** One sentence per kind, shown under its heading. */
export const KIND_EXPLANATION: Record<ImportKind, string> = {
  new: 'Annotations you do not have yet.',
  updated: 'Newer versions of annotations you have: yours are replaced.',
  deleted: 'Annotations deleted in the file: yours are moved to the trash.',
  duplicate: 'The same passage and note as one of yours, under another id.',
  orphan: 'Their passage could not be found in this report; they are kept under “Needs review”.',
  unchanged: 'Identical to yours; importing changes nothing.',
  older: 'Yours are newer; importing keeps yours.',
};

/** Code kinds in the order the preview lists them, with their heading. */
export const CODE_KIND_ORDER: ReadonlyArray<{ kind: CodeImportKind; title: string }> = [
  { kind: 'new', title: 'New codes' },
  { kind: 'renamed', title: 'Renamed codes' },
  { kind: 'moved', title: 'Moved codes' },
  { kind: 'updated', title: 'Changed codes' },
  { kind: 'unchanged', title: 'Unchanged codes' },
];

export const CODE_KIND_EXPLANATION: Record<CodeImportKind, string> = {
  new: 'Codes you do not have yet; they are added to your codebook.',
  renamed: 'Codes you have (the same GUID) under another name: yours take the file’s name.',
  moved: 'Codes you have under another parent: yours move to the file’s place in the tree.',
  updated: 'Codes you have whose definition, colour or codable flag differ: yours take the file’s.',
  unchanged: 'Identical to yours; importing changes nothing.',
};

/** Longest quote excerpt in a label, in characters. */
const EXCERPT_CHARS = 60;

/** A one-line excerpt of a quote: white space collapsed, cut at a word with "…". */
export function quoteExcerpt(text: string, max = EXCERPT_CHARS): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** Accessible name of an item's checkbox: "Accept Protection ¶4: victims were …". */
export function acceptLabel(item: Pick<AnnotationImportItem, 'citation' | 'exact'>): string {
  const where = item.citation.trim() || 'Unplaced';
  return `Accept ${where}: ${quoteExcerpt(item.exact) || '(empty quote)'}`;
}

/** Accessible name of a code item's checkbox: "Accept code Labour/TITP (renamed)". */
export function acceptCodeLabel(item: Pick<CodeImportItem, 'path' | 'kind'>): string {
  return `Accept code ${item.path} (${item.kind === 'updated' ? 'changed' : item.kind})`;
}

/** What the preview says about a name whose `/` or `,` had to be replaced, or null. */
export function replacedNameNote(item: Pick<CodeImportItem, 'originalName'>): string | null {
  if (item.originalName === null) return null;
  return `The file names it “${item.originalName}”: a “/” became “∕” (U+2215) and a “,” became “‚” (U+201A), because Fieldmark reads “/” as a path and “,” as a list.`;
}

/** Ids to send as `reject`: items that would apply but were unticked. */
export function rejectedIds(items: readonly ImportItem[], accepted: ReadonlySet<string>): string[] {
  return items.filter((item) => item.applies && !accepted.has(item.id)).map((item) => item.id);
}

/** The ids ticked when the preview opens: everything that would apply. */
export function initiallyAccepted(items: readonly ImportItem[]): Set<string> {
  return new Set(items.filter((item) => item.applies).map((item) => item.id));
}

/**
 * A file's private annotation (issue 16): never written silently, so it does
 * not apply unless the user ticks it (the service says why in its reason).
 */
export function waitsForTick(item: ImportItem): boolean {
  return item.entity === 'annotation' && !item.applies && item.sensitivity === 'private' && (item.reason ?? '').startsWith('Marked private');
}

/** Whether the item has a checkbox: it applies unless unticked, or it waits for a tick. */
export function tickable(item: ImportItem): boolean {
  return item.applies || waitsForTick(item);
}

/** Ids to send as `accept`: items that wait for a tick and got one. */
export function acceptedIds(items: readonly ImportItem[], accepted: ReadonlySet<string>): string[] {
  return items.filter((item) => waitsForTick(item) && accepted.has(item.id)).map((item) => item.id);
}

/** How many items committing will apply. */
export function acceptedCount(items: readonly ImportItem[], accepted: ReadonlySet<string>): number {
  return items.filter((item) => tickable(item) && accepted.has(item.id)).length;
}

const counted = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "a", "a and b", "a, b and c". */
function listed(parts: readonly string[]): string {
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/**
 * Label of the commit button: "Import 3 annotations", "Import 2 codes",
 * "Import 3 annotations and 2 codes", "Import 3 annotations, 4 links and 2 assessments".
 */
export function commitLabel(count: number, codes = 0, tracker: { links?: number; assessments?: number } = {}): string {
  const links = tracker.links ?? 0;
  const assessments = tracker.assessments ?? 0;
  const parts = [
    ...(count > 0 || codes + links + assessments === 0 ? [counted(count, 'annotation', 'annotations')] : []),
    ...(codes > 0 ? [counted(codes, 'code', 'codes')] : []),
    ...(links > 0 ? [counted(links, 'link', 'links')] : []),
    ...(assessments > 0 ? [counted(assessments, 'assessment', 'assessments')] : []),
  ];
  return `Import ${listed(parts)}`;
}

/** What the file holds: "3 annotations", "6 codes", "3 annotations and 6 codes", "3 annotations, 4 links and 2 assessments". */
export function fileSummary(counts: Pick<ImportCounts, 'total' | 'codes'>, tracker: { links?: number; assessments?: number } = {}): string {
  const links = tracker.links ?? 0;
  const assessments = tracker.assessments ?? 0;
  const parts = [
    ...(counts.total > 0 || counts.codes.total + links + assessments === 0 ? [counted(counts.total, 'annotation', 'annotations')] : []),
    ...(counts.codes.total > 0 ? [counted(counts.codes.total, 'code', 'codes')] : []),
    ...(links > 0 ? [counted(links, 'link', 'links')] : []),
    ...(assessments > 0 ? [counted(assessments, 'assessment', 'assessments')] : []),
  ];
  return listed(parts);
}

/** The annotation items of a preview. */
export function annotationItems(items: readonly ImportItem[]): AnnotationImportItem[] {
  return items.filter((item): item is AnnotationImportItem => item.entity === 'annotation');
}

/** The link items of a preview (issue 14). */
export function linkItems(items: readonly ImportItem[]): LinkImportItem[] {
  return items.filter((item): item is LinkImportItem => item.entity === 'link');
}

/** The assessment items of a preview (issue 14). */
export function assessmentItems(items: readonly ImportItem[]): AssessmentImportItem[] {
  return items.filter((item): item is AssessmentImportItem => item.entity === 'assessment');
}

/** Words for a link's relation, as the card says them. */
export const RELATION_WORDS: Record<LinkRelation, string> = {
  progress: 'evidence of progress for',
  gap: 'evidence of a gap for',
  context: 'context for',
  supports: 'supports',
  contradicts: 'contradicts',
  'follows-up': 'follows up',
  'same-issue': 'same issue as',
};

/** What a link says, in one line: "Protection ¶4 “…” is evidence of a gap for Recommendation 3: …". */
export function linkSentence(item: Pick<LinkImportItem, 'fromLabel' | 'toLabel' | 'relation'>): string {
  const verb = ['progress', 'gap', 'context'].includes(item.relation) ? `is ${RELATION_WORDS[item.relation]}` : RELATION_WORDS[item.relation];
  return `${item.fromLabel} ${verb} ${item.toLabel}`;
}

/** Accessible name of a link item's checkbox: "Accept link: Protection ¶4 “…” supports …" (shortened). */
export function acceptLinkLabel(item: Pick<LinkImportItem, 'fromLabel' | 'toLabel' | 'relation' | 'unlinked'>): string {
  return `Accept ${item.unlinked ? 'unlinking' : 'link'}: ${quoteExcerpt(linkSentence(item), 120)}`;
}

/** Accessible name of an assessment item's checkbox: "Accept assessment of Recommendation 3: … (Partly addressed)". */
export function acceptAssessmentLabel(item: Pick<AssessmentImportItem, 'label' | 'status'>): string {
  return `Accept assessment of ${quoteExcerpt(item.label, 80)} (${STATUS_LABELS[item.status]})`;
}

/** Link and assessment items by kind in display order, leaving out empty kinds. */
export function groupTrackerByKind(items: readonly ImportItem[]): Array<{ kind: ImportKind; title: string; links: LinkImportItem[]; assessments: AssessmentImportItem[] }> {
  const links = linkItems(items);
  const assessments = assessmentItems(items);
  return KIND_ORDER.map(({ kind, title }) => ({
    kind,
    title,
    links: links.filter((item) => item.kind === kind),
    assessments: assessments.filter((item) => item.kind === kind),
  })).filter((group) => group.links.length + group.assessments.length > 0);
}

/** One sentence per kind for links and assessments, shown under its heading. */
export const TRACKER_KIND_EXPLANATION: Record<ImportKind, string> = {
  new: 'Links and assessments you do not have yet.',
  updated: 'Newer than yours: yours are replaced (an unlinked link is linked again).',
  deleted: 'Unlinked in the file: your links are unlinked.',
  duplicate: 'The same link twice in the file; it is imported once.',
  orphan: 'Links whose highlight is neither in the file nor here; they are not created.',
  unchanged: 'Identical to yours; importing changes nothing.',
  older: 'Yours are newer; importing keeps yours.',
};

/** The code items of a preview. */
export function codeItems(items: readonly ImportItem[]): CodeImportItem[] {
  return items.filter((item): item is CodeImportItem => item.entity === 'code');
}

/** Code items by kind in display order, leaving out empty kinds. */
export function groupCodesByKind(items: readonly ImportItem[]): Array<{ kind: CodeImportKind; title: string; items: CodeImportItem[] }> {
  const codes = codeItems(items);
  return CODE_KIND_ORDER.map(({ kind, title }) => ({ kind, title, items: codes.filter((item) => item.kind === kind) })).filter((group) => group.items.length > 0);
}

/** Checks a chosen file before reading it; returns a message for the user, or null when it can be read. */
export function checkImportFile(file: { name: string; size: number }): string | null {
  if (file.size === 0) return `“${file.name}” is empty. Choose a Fieldmark export, a Web Annotation file, a Hypothesis export or a REFI-QDA .qdc or .qdpx.`;
  if (file.size > MAX_IMPORT_BYTES) {
    return `“${file.name}” is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB, too large to import. Nothing was changed.`;
  }
  return null;
}

/** Groups the annotation items by kind in display order, leaving out empty kinds. */
export function groupByKind(items: readonly ImportItem[]): Array<{ kind: ImportKind; title: string; items: AnnotationImportItem[] }> {
  const annotations = annotationItems(items);
  return KIND_ORDER.map(({ kind, title }) => ({ kind, title, items: annotations.filter((item) => item.kind === kind) })).filter(
    (group) => group.items.length > 0,
  );
}
