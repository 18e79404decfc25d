/**
 * The panel's list and counts for the current filter, computed from the store's
 * ordered lists, filter index and tallies. The filter is deferred: the text
 * field shows each key at once, and the list and counts follow in a render
 * React may interrupt; `stale` says the list shown is for an older filter.
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

export function usePanelView(filter: PanelFilter, sort: SortOrder): PanelState {
  const snapshot = useAnnotationsSelector(whole);
  const deferred = useDeferredValue(filter);
  const [last] = useState(() => new LastPass());
  const { live, newest, index, tallies, version } = snapshot;
  const view = useMemo(() => {
    const computed = panelView({ live, ordered: sort === 'newest' ? newest : live, index, tallies }, deferred, last.value, passKey(version, deferred));
    last.value = computed.pass;
    return computed;
    // The index and tallies change in place; `version` says when.
  }, [live, newest, index, tallies, version, deferred, sort, last]);
  const terms = useMemo(() => filterTerms(deferred.text), [deferred.text]);
  return { shown: view.shown, colors: view.colors, sections: view.sections, tags: view.tags, total: live.length, terms, stale: deferred !== filter };
}
