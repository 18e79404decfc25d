/**
 * The merge rules of an import, one function per case, each deciding what one
 * incoming annotation does to the store (see import-merge.ts for the rules in
 * words):
 * - deletedInFile: the file holds a tombstone;
 * - newToUs: an id we have never seen (new, duplicate or orphan);
 * - knownToUs: an id we have (newer wins, unchanged, brought back).
 * Tags compare and merge by the one tag rule (common/tag-identity.ts).
 */
import type { ColorId, ImportKind } from '../../../preload/contract';
import { sameTag, uniqueTags } from '../../../common/tag-identity';
import type { IncomingAnnotation } from './import-parse';
import type { Anchor } from './import-placement';
import type { TaggedAnnotation } from '../store/store-schema';

/** What the rules know about one incoming annotation once it has been placed. */
export interface MergeCase {
  a: IncomingAnnotation;
  /** Null when nothing places it (a page note, a reply…). */
  anchor: Anchor | null;
  /** Placed in this report (anchor not null and not an orphan). */
  placed: boolean;
  /** What a commit would store as its target: its place here, what the file said (orphan), or null. */
  target: TaggedAnnotation['target'] | null;
  /** Our record with its id (tombstones included), or null. */
  previous: TaggedAnnotation | null;
  color: ColorId;
  citation: string;
  /** The import's clock, ISO. */
  now: string;
}

export interface Decision {
  kind: ImportKind;
  /** What committing writes; null when it changes nothing. */
  record: TaggedAnnotation | null;
  reason: string | null;
}

const UNPLACEABLE =
  'It has no quote that can be placed in this report (it may be a page note, a reply, or only a position made on another text), so it is not imported.';

function decide(kind: ImportKind, record: TaggedAnnotation | null, reason: string | null): Decision {
  return { kind, record, reason };
}

/** Milliseconds of an ISO date, or -Infinity when absent (an undated version never wins). */
export function time(iso: string | null | undefined): number {
  if (!iso) return -Infinity;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? -Infinity : t;
}

function incomingStamp(a: IncomingAnnotation): number {
  return time(a.updatedAt ?? a.deletedAt);
}

function fuzzyNote(anchor: Anchor | null): string {
  return anchor?.status === 'fuzzy' ? ` Placed by approximate match (${Math.round(anchor.score * 100)}%); check the highlight.` : '';
}

/** The incoming tags, spelled as we already spell them where they are the same tag (display keeps the first spelling). */
function mergeTags(incoming: readonly string[], ours: readonly string[]): string[] {
  return uniqueTags(incoming.map((tag) => ours.find((own) => sameTag(own, tag)) ?? tag));
}

function sameTagList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((tag, i) => sameTag(tag, b[i]!));
}

/** A record made from the file alone (we have nothing with its id). */
function recordFromFile(c: MergeCase, target: TaggedAnnotation['target'], dates: Pick<TaggedAnnotation, 'createdAt' | 'updatedAt' | 'deletedAt'>): TaggedAnnotation {
  const record: TaggedAnnotation = { id: c.a.id, ...dates, color: c.color, note: c.a.note, tags: uniqueTags(c.a.tags), target };
  // A file without marks (another tool's, or one made before issue 16) writes none: absent reads as 'normal'.
  if (c.a.sensitivity !== null) record.sensitivity = c.a.sensitivity;
  return record;
}

/** The file deleted it: a tombstone beats an older edit; an edit after the deletion wins over it. */
export function deletedInFile(c: MergeCase, deletedAt: string): Decision {
  const { a, previous, target } = c;
  if (previous === null) {
    if (!target) return decide('deleted', null, 'Deleted in the file, and not among your annotations: nothing to do.');
    const tombstone = recordFromFile(c, target, { createdAt: a.createdAt ?? deletedAt, updatedAt: a.updatedAt ?? deletedAt, deletedAt });
    return decide('deleted', tombstone, 'Deleted in the file; recorded so that a later import does not bring it back.');
  }
  if (previous.deletedAt !== null) return decide('unchanged', null, null);
  const stamp = incomingStamp(a);
  if (stamp > time(previous.updatedAt)) {
    const updatedAt = new Date(Math.max(stamp, time(previous.updatedAt))).toISOString();
    return decide('deleted', { ...previous, deletedAt, updatedAt }, 'Deleted in the file after your last edit.');
  }
  return decide('older', null, 'Deleted in the file, but you edited it afterwards; yours is kept.');
}

/** Live annotations by passage and note, to spot the same annotation under another id. */
export interface PassageIndex {
  twinOf(start: number, end: number, note: string): TaggedAnnotation | undefined;
  add(record: TaggedAnnotation, start: number, end: number): void;
  isOurs(id: string): boolean;
}

export function createPassageIndex(existing: readonly TaggedAnnotation[], sha256: string): PassageIndex {
  const key = (start: number, end: number, note: string) => `${start}:${end}:${note}`;
  const ids = new Set(existing.map((r) => r.id));
  const byPassage = new Map<string, TaggedAnnotation>();
  for (const r of existing) {
    if (r.deletedAt !== null || r.target.sha256 !== sha256) continue;
    const [position] = r.target.selector;
    byPassage.set(key(position.start, position.end, r.note), r);
  }
  return {
    twinOf: (start, end, note) => byPassage.get(key(start, end, note)),
    add: (record, start, end) => void byPassage.set(key(start, end, record.note), record),
    isOurs: (id) => ids.has(id),
  };
}

/** An id we do not have: new, or an orphan kept for review, or a duplicate of a passage we (or the file) already have. */
export function newToUs(c: MergeCase, passages: PassageIndex): Decision {
  const { a, anchor, target } = c;
  if (!target) return decide('orphan', null, UNPLACEABLE);
  const record = recordFromFile(c, target, { createdAt: a.createdAt ?? c.now, updatedAt: a.updatedAt ?? c.now, deletedAt: null });
  if (!c.placed || !anchor) {
    return decide('orphan', record, 'Its passage could not be found in this report; it will be kept under Needs review with its original quote.');
  }
  const twin = passages.twinOf(anchor.start, anchor.end, a.note);
  if (twin) {
    const inFile = passages.isOurs(twin.id) ? 'an annotation you already have' : 'another annotation in this file';
    return decide('duplicate', null, `Same passage and note as ${inFile} (${c.citation}); it is not imported twice.`);
  }
  passages.add(record, anchor.start, anchor.end);
  return decide('new', record, fuzzyNote(anchor).trim() || null);
}

/** Whether our record already says what the file says (whatever the dates). */
function unchanged(merged: TaggedAnnotation, previous: TaggedAnnotation, samePlace: boolean): boolean {
  return (
    merged.color === previous.color &&
    merged.note === previous.note &&
    (merged.sensitivity ?? 'normal') === (previous.sensitivity ?? 'normal') &&
    sameTagList(merged.tags, previous.tags) &&
    samePlace
  );
}

/** An id we have: the newer `updatedAt` wins; our place is kept when the incoming one cannot be placed. */
export function knownToUs(c: MergeCase, previous: TaggedAnnotation, reportSha256: string): Decision {
  const { a, anchor, placed } = c;
  const keptPlace = placed ? '' : ' Its passage could not be placed in this report, so your highlight keeps its place.';
  const [ourPosition] = previous.target.selector;
  const samePlace =
    !placed || (previous.target.sha256 === reportSha256 && ourPosition.start === anchor!.start && ourPosition.end === anchor!.end);
  const newer = incomingStamp(a) > time(previous.updatedAt);
  const merged: TaggedAnnotation = {
    ...previous,
    color: c.color,
    // Issue 16: a withheld note is no note at all, not an emptied one; ours stays, whatever the dates.
    note: a.noteWithheld ? previous.note : a.note,
    tags: mergeTags(a.tags, previous.tags),
    target: placed ? c.target! : previous.target,
    deletedAt: null,
    createdAt: time(a.createdAt) < time(previous.createdAt) ? a.createdAt! : previous.createdAt,
    updatedAt: a.updatedAt ?? previous.updatedAt,
  };
  // The file's mark when it has one (issue 16); else ours stays.
  if (a.sensitivity !== null) merged.sensitivity = a.sensitivity;
  if (previous.deletedAt !== null) {
    if (newer) return decide('updated', merged, `Edited in the file after you deleted it; importing brings it back.${keptPlace}${fuzzyNote(anchor)}`);
    return decide('older', null, 'You deleted it after this version was made; it stays deleted.');
  }
  if (unchanged(merged, previous, samePlace)) return decide('unchanged', null, null);
  if (newer) return decide('updated', merged, `${keptPlace}${fuzzyNote(anchor)}`.trim() || null);
  return decide('older', null, 'Your version is newer; it is kept.');
}
