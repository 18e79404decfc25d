/**
 * The lean form of an annotation view, for the first load of a long list
 * (`listAnnotationsLean`, issue 12). A field is left out (null) when the page
 * can rebuild it exactly from what it already holds, the report's text and hash:
 * - `target`, when the view's own position and quote and the hash imply it (at
 *   10,000 annotations it was 45% of the list's 11 MB of JSON);
 * - `exact`, `prefix` and `suffix`, when they are the report's text at the view's
 *   position with the quote selector's context rule (common/quote-selector.ts),
 *   which is every annotation anchored in this edition (a further third of the
 *   remaining 6.9 MB);
 * - `updatedAt`, when it equals `createdAt` (never edited).
 * The host serialises, and the page receives and parses, every byte before the
 * panel can show anything (Chrome traces of opening the app at 10,000).
 * Both sides use this one rule, so what the page rebuilds is what the host left
 * out; anything else (an orphan's last quote, another edition's target) is sent as it is.
 */
import type { AnnotationView, LeanAnnotationView } from '../preload/contract';
import { quoteSelectorFor } from './quote-selector';

/** What the page knows of the report before the list arrives. */
export interface LeanReport {
  sha256: string;
  text: string;
}

/** The target an annotation made against the report with `sha256` at the view's own position and quote has. */
function impliedTarget(view: Pick<AnnotationView, 'start' | 'end' | 'exact' | 'prefix' | 'suffix'>, sha256: string): AnnotationView['target'] {
  return {
    source: `urn:sha256:${sha256}`,
    sha256,
    selector: [
      { type: 'TextPositionSelector', start: view.start, end: view.end },
      { type: 'TextQuoteSelector', exact: view.exact, prefix: view.prefix, suffix: view.suffix },
    ],
  };
}

function isImplied(view: AnnotationView, sha256: string): boolean {
  const { source, sha256: hash, selector } = view.target;
  const [position, quote] = selector;
  return (
    hash === sha256 &&
    source === `urn:sha256:${sha256}` &&
    position.start === view.start &&
    position.end === view.end &&
    quote.exact === view.exact &&
    quote.prefix === view.prefix &&
    quote.suffix === view.suffix
  );
}

/** The quote the text holds at the view's position, or null for a position outside it. */
function textQuote(text: string, start: number, end: number) {
  return start >= 0 && start <= end && end <= text.length ? quoteSelectorFor(text, start, end) : null;
}

/** The view with what `report` implies left out. */
export function leanView(view: AnnotationView, report: LeanReport): LeanAnnotationView {
  const quote = textQuote(report.text, view.start, view.end);
  const quoteImplied = quote !== null && quote.exact === view.exact && quote.prefix === view.prefix && quote.suffix === view.suffix;
  return {
    ...view,
    target: isImplied(view, report.sha256) ? null : view.target,
    exact: quoteImplied ? null : view.exact,
    prefix: quoteImplied ? null : view.prefix,
    suffix: quoteImplied ? null : view.suffix,
    updatedAt: view.updatedAt === view.createdAt ? null : view.updatedAt,
  };
}

/** The full view again: every field sent, or the one `report` implies. */
export function fullView(lean: LeanAnnotationView, report: LeanReport): AnnotationView {
  const { exact, prefix, suffix } =
    lean.exact === null || lean.prefix === null || lean.suffix === null ? quoteSelectorFor(report.text, lean.start, lean.end) : { exact: lean.exact, prefix: lean.prefix, suffix: lean.suffix };
  const quoted = { start: lean.start, end: lean.end, exact, prefix, suffix };
  return {
    ...lean,
    exact,
    prefix,
    suffix,
    updatedAt: lean.updatedAt ?? lean.createdAt,
    target: lean.target ?? impliedTarget(quoted, report.sha256),
  };
}
