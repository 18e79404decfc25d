/**
 * What a highlight being created looks like before the service has answered
 * (issue 12): the view the store shows at once under a temporary id, built from
 * the report the page already holds, the way the service builds a saved view
 * (the quote and its 32-character context, the section, paragraph and citation).
 * It is never sent anywhere: the service derives the stored quote from its own
 * copy of the text, and its answer replaces this view.
 */
import type { AnnotationView, ColorId, Report, Sensitivity } from '../../preload/contract';
import { rangeCitation } from '../../common/citation';
import { indexAtOffset } from '../../common/offset-lookup';

/** The service's quote context length (main/core/anchoring/quote-selector.ts). */
const CONTEXT = 32;
const PREFIX = 'provisional-';

/** A temporary id, which no saved annotation has (saved ids are UUIDs). */
export function provisionalId(n: number): string {
  return `${PREFIX}${n}`;
}

export function isProvisionalId(id: string): boolean {
  return id.startsWith(PREFIX);
}

export interface ProvisionalInput {
  id: string;
  start: number;
  end: number;
  color: ColorId;
  /** What the service will give it: the settings' default (issue 16). */
  sensitivity?: Sensitivity;
  /** ISO time of the request. */
  now: string;
}

/**
 * Lists a new highlight starts with empty, which the contract is gaining (issue 14's links); spread
 * in, so this view fits the contract both before and after that field lands.
 */
const EMPTY_LISTS = { links: [] as never[] };

/** The view of a highlight being created in `report` (a surrogate pair cut by the context is a display detail here). */
export function provisionalView(report: Pick<Report, 'text' | 'blocks' | 'sha256'>, input: ProvisionalInput): AnnotationView {
  const { text, blocks, sha256 } = report;
  const { id, start, end, color, now, sensitivity = 'normal' } = input;
  const first = blocks[Math.max(0, indexAtOffset(blocks, start))];
  const last = blocks[Math.max(0, indexAtOffset(blocks, Math.max(start, end - 1)))];
  const exact = text.slice(start, end);
  const prefix = text.slice(Math.max(0, start - CONTEXT), start);
  const suffix = text.slice(end, end + CONTEXT);
  return {
    ...EMPTY_LISTS,
    id,
    color,
    note: '',
    tags: [],
    codeIds: [],
    sensitivity,
    createdAt: now,
    updatedAt: now,
    deletedAt: null,
    start,
    end,
    exact,
    prefix,
    suffix,
    section: first?.section ?? null,
    sectionTitle: first?.sectionTitle ?? null,
    paragraph: first?.paragraph ?? null,
    citation: first && last ? rangeCitation(first, last) : '',
    anchor: { status: 'exact', score: 1 },
    target: {
      source: `urn:sha256:${sha256}`,
      sha256,
      selector: [
        { type: 'TextPositionSelector', start, end },
        { type: 'TextQuoteSelector', exact, prefix, suffix },
      ],
    },
  };
}
