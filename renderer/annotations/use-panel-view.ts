/**
 * The panel's list and counts for the current filter, computed from the store's
 * ordered lists, filter index and tallies. The text field shows each key at once.
 * Up to IMMEDIATE_RESULTS_MAX annotations the list and counts follow in the same
 * render; above it they are deferred to a render React may interrupt, and
 * `stale` says the list shown is for an older filter.
 * The last filtered pass is kept, so a key that only narrows the text walks
 * the previous matches instead of every annotation.
 */
import { useDeferredValue, useMemo, useState } from 'react';
import type { PanelFilter, SortOrder } from './annotation-filter';
import { filterTerms } from '../../common/annotation-filter';
import type { AnnotationSnapshot } from './annotation-store';
import { useAnnotationsSelector } from './annotations-context';
import { panelView, type PanelView, type TextPass } from './panel-view';

const whole = (s: AnnotationSnapshot) => s;

export interface PanelState extends PanelView {
  /** Live annotations (the total the panel reports). */
  total: number;
  terms: readonly string[];
  stale: boolean;
}

/** What a text pass depends on besides the text: the store's version and the other facets. */
function passKey(version: number, filter: PanelFilter): string {
  return JSON.stringify([version, filter.colors, filter.section, filter.tags, filter.ids ?? null, filter.sensitivity ?? []]);
}

/** Holds the last text pass between renders (a fact about one store version, valid whichever render made it). */
class LastPass {
  value: TextPass | null = null;
}

/**
 * Why a limit and not always deferred: a deferred result is painted one frame after
 * the key at the earliest (React commits the typed value, the browser paints, then
 * the deferred render runs), so it can never show within a frame. With the filter
 * index the whole pass is cheap: B12 measured one key at 10,000 annotations at
 * 27.7 ms median from input to the frame with the results when immediate, against
 * 47 ms deferred (input-to-frame floor here: about 15 ms, a key in the note), and
 * Clear filters at 38 against 50. Past this size a pass would outgrow a frame's
 * budget on this 2-core machine, and typing must never wait for it.
 */
export const IMMEDIATE_RESULTS_MAX = 12_000;

/** The filter the list is computed for: the one typed, or React's deferred copy of it for a large store. */
export function appliedFilter<T>(typed: T, deferred: T, liveCount: number): T {
  return liveCount <= IMMEDIATE_RESULTS_MAX ? typed : deferred;
}

export function usePanelView(filter: PanelFilter, sort: SortOrder): PanelState {
  const snapshot = useAnnotationsSelector(whole);
  const later = useDeferredValue(filter);
  const [last] = useState(() => new LastPass());
  const { live, newest, index, tallies, version } = snapshot;
  const applied = appliedFilter(filter, later, live.length);
  const view = useMemo(() => {
    const computed = panelView({ live, ordered: sort === 'newest' ? newest : live, index, tallies }, applied, last.value, passKey(version, applied));
    last.value = computed.pass;
    return computed;
    // The index and tallies change in place; `version` says when.
  }, [live, newest, index, tallies, version, applied, sort, last]);
  const terms = useMemo(() => filterTerms(applied.text), [applied.text]);
  return { shown: view.shown, colors: view.colors, sections: view.sections, tags: view.tags, total: live.length, terms, stale: applied !== filter };
}
