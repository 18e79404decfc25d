/**
 * The panel's list and counts for the current filter, computed from the store's
 * ordered lists, filter index and tallies. The filter is deferred: the text
 * field shows each key at once, and the list and counts follow in a render
 * React may interrupt; `stale` says the list shown is for an older filter.
 */
import { useDeferredValue, useMemo } from 'react';
import type { PanelFilter, SortOrder } from './annotation-filter';
import { filterTerms } from '../../common/annotation-filter';
import type { AnnotationSnapshot } from './annotation-store';
import { useAnnotationsSelector } from './annotations-context';
import { panelView, type PanelView } from './panel-view';

const whole = (s: AnnotationSnapshot) => s;

export interface PanelState extends PanelView {
  /** Live annotations (the total the panel reports). */
  total: number;
  terms: readonly string[];
  stale: boolean;
}

export function usePanelView(filter: PanelFilter, sort: SortOrder): PanelState {
  const snapshot = useAnnotationsSelector(whole);
  const deferred = useDeferredValue(filter);
  const { live, newest, index, tallies, version } = snapshot;
  const view = useMemo(
    () => panelView({ live, ordered: sort === 'newest' ? newest : live, index, tallies }, deferred),
    // The index and tallies change in place; `version` says when.
    [live, newest, index, tallies, version, deferred, sort],
  );
  const terms = useMemo(() => filterTerms(deferred.text), [deferred.text]);
  return { ...view, total: live.length, terms, stale: deferred !== filter };
}
