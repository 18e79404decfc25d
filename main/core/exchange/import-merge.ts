/**
 * Merging an imported file into the store, planned before anything is written:
 * every incoming annotation is re-anchored against this report with the same
 * pipeline as the store (position, quote, fuzzy, orphan) and classified.
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
 * - a file none of whose annotations can be placed, and none of which is ours, was
 *   made for another document: INVALID_IMPORT. A file from another edition of this
 *   report (a different SHA-256, mostly the same text) is planned normally.
 *
 * Pure: the plan says what a commit would write and what it replaces (for undo).
 */
import type { ColorId, ImportCounts, ImportItem, ImportKind } from '../../../preload/contract';
import { FieldmarkError } from '../../../preload/rpc';
import type { IncomingAnnotation, ImportFormat, ParsedImport } from './import-parse';
import { quoteSelectorFor } from '../anchoring/quote-selector';
import { reanchorAll, type AnchorTarget } from '../anchoring/re-anchor';
import { locateRange, type ReportModel } from '../report/report-model';
import type { StoredAnnotation } from '../store/store-schema';
import { exportableSource } from './w3c-export';

const DEFAULT_COLOR: ColorId = 'key';

export interface PlannedItem {
  item: ImportItem;
  /** What committing writes for this item; null when it changes nothing. */
  record: StoredAnnotation | null;
  /** Our record before the import (null if we had none), for undo and for spotting a stale preview. */
  previous: StoredAnnotation | null;
}

export interface ImportPlan {
  format: ImportFormat;
  counts: ImportCounts;
  items: PlannedItem[];
}

export interface MergeInput {
  report: Pick<ReportModel, 'text' | 'sha256' | 'blocks' | 'title'>;
  /** Every stored annotation, tombstones included. */
  existing: readonly StoredAnnotation[];
  now: Date;
}

interface Anchor {
  status: 'exact' | 'moved' | 'fuzzy' | 'orphan';
  start: number;
  end: number;
  score: number;
}

function fail(message: string): never {
  throw new FieldmarkError('INVALID_IMPORT', message);
}

/** Milliseconds of an ISO date, or -Infinity when absent (an undated version never wins). */
function time(iso: string | null | undefined): number {
  if (!iso) return -Infinity;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? -Infinity : t;
}

function sameTags(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((tag, i) => tag === b[i]);
}

/**
 * Places every incoming annotation in this report, in one batch (so shifts from
 * edits are followed from one annotation to the next); null for an annotation
 * with nothing to place it by (a page note, a reply, or only a position made on
 * another text). Positions beyond the end of the text are refused when the file
 * claims this very text or has nothing else to go by.
 */
function anchorIncoming(incoming: readonly IncomingAnnotation[], report: MergeInput['report'], whereOf: (a: IncomingAnnotation) => string): Array<Anchor | null> {
  const { text } = report;
  const anchors: Array<Anchor | null> = new Array(incoming.length).fill(null);
  const targets: AnchorTarget[] = [];
  const slots: number[] = [];
  incoming.forEach((a, i) => {
    const sameText = a.sha256 === report.sha256;
    const hasPosition = a.start !== null && a.end !== null;
    if (hasPosition && a.end! > text.length && (sameText || a.exact === null)) {
      fail(
        `${whereOf(a)} has a position (${a.start}–${a.end}) beyond the end of this report's text (${text.length.toLocaleString('en')} characters). Nothing was imported.`,
      );
    }
    if (a.exact === null) {
      if (hasPosition && sameText) anchors[i] = { status: 'exact', start: a.start!, end: a.end!, score: 1 };
      return;
    }
    const usable = hasPosition && a.end! <= text.length;
    targets.push({
      exact: a.exact,
      prefix: a.prefix,
      suffix: a.suffix,
      ...(usable ? { start: a.start!, end: a.end! } : {}),
      ...(a.sha256 ? { sha256: a.sha256 } : {}),
    });
    slots.push(i);
  });
  const results = reanchorAll(text, targets, { sha256: report.sha256 });
  results.forEach((result, k) => {
    anchors[slots[k]!] = result;
  });
  return anchors;
}

function placedTarget(report: MergeInput['report'], start: number, end: number): StoredAnnotation['target'] {
  return {
    source: `urn:sha256:${report.sha256}`,
    sha256: report.sha256,
    selector: [{ type: 'TextPositionSelector', start, end }, quoteSelectorFor(report.text, start, end)],
  };
}

/** An orphan keeps what the file said: its source, position and original quote. */
function originalTarget(a: IncomingAnnotation): StoredAnnotation['target'] {
  return {
    source: exportableSource(a.source ?? (a.sha256 ? `urn:sha256:${a.sha256}` : '')),
    sha256: a.sha256 ?? '',
    selector: [
      { type: 'TextPositionSelector', start: a.start ?? 0, end: a.end ?? 0 },
      { type: 'TextQuoteSelector', exact: a.exact ?? '', prefix: a.prefix, suffix: a.suffix },
    ],
  };
}

/**
 * The quote the preview shows: the one the commit writes, so what the user
 * accepts is what is stored (a placed annotation stores the report's own text
 * at its place, which can differ from the file's quote after a fuzzy match).
 * Items that write nothing show where they would be placed, or the file's quote.
 */
function shownQuote(record: StoredAnnotation | null, target: StoredAnnotation['target'] | null, a: IncomingAnnotation): string {
  return (record?.target ?? target)?.selector[1].exact ?? a.exact ?? '';
}

function percent(score: number): string {
  return `${Math.round(score * 100)}%`;
}

/** Plans an import: classifies every incoming annotation and says what a commit would write. */
export function planImport(parsed: ParsedImport, input: MergeInput): ImportPlan {
  const { report } = input;
  const now = input.now.toISOString();
  const ours = new Map(input.existing.map((r) => [r.id, r]));
  // Live annotations by passage and note, to spot the same annotation under another id.
  const passageKey = (start: number, end: number, note: string) => `${start}:${end}:${note}`;
  const byPassage = new Map<string, StoredAnnotation>();
  for (const r of input.existing) {
    if (r.deletedAt !== null || r.target.sha256 !== report.sha256) continue;
    const [position] = r.target.selector;
    byPassage.set(passageKey(position.start, position.end, r.note), r);
  }

  let placedCount = 0;
  let knownCount = 0;
  const nowMs = input.now.getTime();
  const notFuture = (iso: string | null): string | null => (iso !== null && time(iso) > nowMs ? now : iso);
  const incoming = parsed.annotations.map((a) => ({
    ...a,
    createdAt: notFuture(a.createdAt),
    updatedAt: notFuture(a.updatedAt),
    deletedAt: notFuture(a.deletedAt),
  }));
  const whereOf = (a: IncomingAnnotation) => `Annotation ${a.index}${a.originalId ? ` (${a.originalId})` : ''}`;
  const anchors = anchorIncoming(incoming, report, whereOf);
  const items: PlannedItem[] = incoming.map((a, i) => {
    const anchor = anchors[i] ?? null;
    const placed = anchor !== null && anchor.status !== 'orphan';
    if (placed) placedCount++;
    const previous = ours.get(a.id) ?? null;
    if (previous) knownCount++;

    const color = a.color ?? previous?.color ?? DEFAULT_COLOR;
    let citation = '';
    if (placed) citation = locateRange(report.blocks, anchor.start, anchor.end).citation;
    else if (anchor) citation = 'Needs review';
    const target = placed ? placedTarget(report, anchor.start, anchor.end) : anchor ? originalTarget(a) : null;
    const plan = (kind: ImportKind, record: StoredAnnotation | null, reason: string | null): PlannedItem => ({
      item: {
        id: a.id,
        kind,
        exact: shownQuote(record, target, a),
        note: a.note,
        tags: a.tags,
        color,
        citation,
        anchor: { status: anchor?.status ?? 'orphan', score: anchor?.score ?? 0 },
        reason,
        applies: record !== null,
      },
      record,
      previous,
    });
    const fuzzyNote = anchor?.status === 'fuzzy' ? ` Placed by approximate match (${percent(anchor.score)}); check the highlight.` : '';
    const unplaceable = 'It has no quote that can be placed in this report (it may be a page note, a reply, or only a position made on another text), so it is not imported.';
    const incomingStamp = time(a.updatedAt ?? a.deletedAt);

    if (a.deletedAt !== null) {
      if (previous === null) {
        if (!target) return plan('deleted', null, 'Deleted in the file, and not among your annotations: nothing to do.');
        const tombstone: StoredAnnotation = {
          id: a.id,
          createdAt: a.createdAt ?? a.deletedAt,
          updatedAt: a.updatedAt ?? a.deletedAt,
          deletedAt: a.deletedAt,
          color,
          note: a.note,
          tags: a.tags,
          target,
        };
        return plan('deleted', tombstone, 'Deleted in the file; recorded so that a later import does not bring it back.');
      }
      if (previous.deletedAt !== null) return plan('unchanged', null, null);
      if (incomingStamp > time(previous.updatedAt)) {
        const updatedAt = new Date(Math.max(incomingStamp, time(previous.updatedAt))).toISOString();
        return plan('deleted', { ...previous, deletedAt: a.deletedAt, updatedAt }, 'Deleted in the file after your last edit.');
      }
      return plan('older', null, 'Deleted in the file, but you edited it afterwards; yours is kept.');
    }

    if (previous === null) {
      if (!target) return plan('orphan', null, unplaceable);
      const record: StoredAnnotation = {
        id: a.id,
        createdAt: a.createdAt ?? now,
        updatedAt: a.updatedAt ?? now,
        deletedAt: null,
        color,
        note: a.note,
        tags: a.tags,
        target,
      };
      if (!placed) return plan('orphan', record, 'Its passage could not be found in this report; it will be kept under Needs review with its original quote.');
      const key = passageKey(anchor.start, anchor.end, a.note);
      const twin = byPassage.get(key);
      if (twin) {
        const twinCitation = locateRange(report.blocks, anchor.start, anchor.end).citation;
        const inFile = ours.has(twin.id) ? 'an annotation you already have' : 'another annotation in this file';
        return plan('duplicate', null, `Same passage and note as ${inFile} (${twinCitation}); it is not imported twice.`);
      }
      byPassage.set(key, record);
      return plan('new', record, fuzzyNote.trim() || null);
    }

    // Ours exists. Keep our place when the incoming one cannot be placed.
    const nextTarget = placed ? target! : previous.target;
    const keptPlace = placed ? '' : ' Its passage could not be placed in this report, so your highlight keeps its place.';
    const [ourPosition] = previous.target.selector;
    const samePlace =
      !placed || (previous.target.sha256 === report.sha256 && ourPosition.start === anchor.start && ourPosition.end === anchor.end);
    const newer = incomingStamp > time(previous.updatedAt);
    const merged: StoredAnnotation = {
      ...previous,
      color,
      note: a.note,
      tags: a.tags,
      target: nextTarget,
      deletedAt: null,
      createdAt: time(a.createdAt) < time(previous.createdAt) ? a.createdAt! : previous.createdAt,
      updatedAt: a.updatedAt ?? previous.updatedAt,
    };
    if (previous.deletedAt !== null) {
      if (newer) return plan('updated', merged, `Edited in the file after you deleted it; importing brings it back.${keptPlace}${fuzzyNote}`);
      return plan('older', null, 'You deleted it after this version was made; it stays deleted.');
    }
    if (color === previous.color && a.note === previous.note && sameTags(a.tags, previous.tags) && samePlace) {
      return plan('unchanged', null, null);
    }
    if (newer) return plan('updated', merged, `${keptPlace}${fuzzyNote}`.trim() || null);
    return plan('older', null, 'Your version is newer; it is kept.');
  });

  if (placedCount === 0 && knownCount === 0) {
    const n = parsed.annotations.length;
    const what =
      n === 1
        ? `The annotation in this file cannot be found in "${report.title}", and it is not one of yours`
        : `None of the ${n.toLocaleString('en')} annotations in this file can be found in "${report.title}", and none is one of yours`;
    fail(`${what}: the file was probably made for another document. Nothing was imported.`);
  }
  return { format: parsed.format, counts: countKinds(items.map((p) => p.item)), items };
}

/** Counts items by kind. */
export function countKinds(items: readonly Pick<ImportItem, 'kind'>[]): ImportCounts {
  const counts: ImportCounts = { new: 0, updated: 0, unchanged: 0, deleted: 0, duplicate: 0, orphan: 0, older: 0, total: items.length };
  for (const item of items) counts[item.kind]++;
  return counts;
}
