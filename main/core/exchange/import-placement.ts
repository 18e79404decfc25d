/**
 * Where each incoming annotation goes in this report: re-anchored with the
 * store's own pipeline (position, quote, fuzzy, orphan), and the target a
 * commit would store for it: the report's own place, or for an orphan what the
 * file said, so it can be reviewed with its original quote.
 */
import type { IncomingAnnotation } from './import-parse';
import { FieldmarkError } from '../../../preload/rpc';
import { quoteSelectorFor } from '../anchoring/quote-selector';
import { reanchorAll, type AnchorTarget } from '../anchoring/re-anchor';
import type { ReportModel } from '../report/report-model';
import type { TaggedAnnotation } from '../store/store-schema';
import { exportableSource } from './w3c-export';

export type PlacementReport = Pick<ReportModel, 'text' | 'sha256' | 'blocks' | 'title'>;

export interface Anchor {
  status: 'exact' | 'moved' | 'fuzzy' | 'orphan';
  start: number;
  end: number;
  score: number;
}

/** "Annotation 3 (abc)": how refusals name an incoming annotation. */
function whereOf(a: IncomingAnnotation): string {
  return `Annotation ${a.index}${a.originalId ? ` (${a.originalId})` : ''}`;
}

/** A position beyond the end of the text is refused when the file claims this very text or has nothing else to go by. */
function refuseOutOfRange(a: IncomingAnnotation, report: PlacementReport): void {
  const { text } = report;
  const hasPosition = a.start !== null && a.end !== null;
  if (hasPosition && a.end! > text.length && (a.sha256 === report.sha256 || a.exact === null)) {
    throw new FieldmarkError(
      'INVALID_IMPORT',
      `${whereOf(a)} has a position (${a.start}–${a.end}) beyond the end of this report's text (${text.length.toLocaleString('en')} characters). Nothing was imported.`,
    );
  }
}

function anchorTargetOf(a: IncomingAnnotation & { exact: string }, textLength: number): AnchorTarget {
  const usable = a.start !== null && a.end !== null && a.end <= textLength;
  return {
    exact: a.exact,
    prefix: a.prefix,
    suffix: a.suffix,
    ...(usable ? { start: a.start!, end: a.end! } : {}),
    ...(a.sha256 ? { sha256: a.sha256 } : {}),
  };
}

/**
 * Places every incoming annotation in this report, in one batch (so shifts from
 * edits are followed from one annotation to the next); null for an annotation
 * with nothing to place it by (a page note, a reply, or only a position made on
 * another text).
 */
export function anchorIncoming(incoming: readonly IncomingAnnotation[], report: PlacementReport): Array<Anchor | null> {
  const anchors: Array<Anchor | null> = new Array(incoming.length).fill(null);
  const targets: AnchorTarget[] = [];
  const slots: number[] = [];
  incoming.forEach((a, i) => {
    refuseOutOfRange(a, report);
    if (a.exact === null) {
      // Only a position: usable as it is on this very text, and on nothing else.
      if (a.start !== null && a.end !== null && a.sha256 === report.sha256) anchors[i] = { status: 'exact', start: a.start, end: a.end, score: 1 };
      return;
    }
    targets.push(anchorTargetOf({ ...a, exact: a.exact }, report.text.length));
    slots.push(i);
  });
  reanchorAll(report.text, targets, { sha256: report.sha256 }).forEach((result, k) => {
    anchors[slots[k]!] = result;
  });
  return anchors;
}

/** The target of an annotation placed at [start, end) of this report: its own quote there. */
export function placedTarget(report: PlacementReport, start: number, end: number): TaggedAnnotation['target'] {
  return {
    source: `urn:sha256:${report.sha256}`,
    sha256: report.sha256,
    selector: [{ type: 'TextPositionSelector', start, end }, quoteSelectorFor(report.text, start, end)],
  };
}

/** An orphan keeps what the file said: its source, position and original quote. */
export function originalTarget(a: IncomingAnnotation): TaggedAnnotation['target'] {
  return {
    source: exportableSource(a.source ?? (a.sha256 ? `urn:sha256:${a.sha256}` : '')),
    sha256: a.sha256 ?? '',
    selector: [
      { type: 'TextPositionSelector', start: a.start ?? 0, end: a.end ?? 0 },
      { type: 'TextQuoteSelector', exact: a.exact ?? '', prefix: a.prefix, suffix: a.suffix },
    ],
  };
}
