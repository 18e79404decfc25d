/**
 * The lean form of an annotation view, for the first load of a long list
 * (`listAnnotationsLean`, issue 12): `target` is left out (null) when it says
 * nothing the view's own fields and the report's hash do not already say, which
 * is the case for every annotation made against this edition. At 10,000
 * annotations `target` was 45% of the list's 11 MB of JSON, which the host
 * serialises and the page parses before the panel can show anything.
 * Both sides use this one rule, so what the view rebuilds is what the host left out.
 */
import type { AnnotationView, LeanAnnotationView } from '../preload/contract';

/** The target an annotation made against the report with `sha256` at the view's own position and quote has. */
function impliedTarget(view: LeanAnnotationView, sha256: string): AnnotationView['target'] {
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

/** The view with `target` left out when the view's fields and `sha256` imply it. */
export function leanView(view: AnnotationView, sha256: string): LeanAnnotationView {
  return isImplied(view, sha256) ? { ...view, target: null } : view;
}

/** The full view again: the target sent, or the one the view's fields and `sha256` imply. */
export function fullView(lean: LeanAnnotationView, sha256: string): AnnotationView {
  return { ...lean, target: lean.target ?? impliedTarget(lean, sha256) };
}
