/**
 * The Markdown export's choices (grouping, what to include, everything or
 * what the panel's filter shows). They live with the dialog, so they survive
 * an import review and closing and reopening the dialog.
 */
import { useEffect, useState } from 'react';
import type { MarkdownOptions as ContractOptions } from '../../preload/contract';
import { isFilterActive, toContractFilter, type PanelFilter } from '../annotations/annotation-filter';

export type GroupBy = NonNullable<ContractOptions['groupBy']>;

export type Include = 'includeNotes' | 'includeTags' | 'includeColors' | 'includeDates' | 'includeAssessment';

export interface MarkdownChoices {
  groupBy: GroupBy;
  setGroupBy(groupBy: GroupBy): void;
  include: Record<Include, boolean>;
  setInclude(field: Include, on: boolean): void;
  scope: 'all' | 'filter';
  setScope(scope: 'all' | 'filter'): void;
  /** Whether the panel has a filter, so "What the Annotations panel shows" can be chosen. */
  filterActive: boolean;
  /** The options for exportMarkdown. */
  options(): ContractOptions;
}

export function useMarkdownOptions(filter: PanelFilter): MarkdownChoices {
  const [groupBy, setGroupBy] = useState<GroupBy>('section');
  const [include, setIncludes] = useState<Record<Include, boolean>>({
    includeNotes: true,
    includeTags: true,
    includeColors: true,
    includeDates: false,
    includeAssessment: false,
  });
  const [scope, setScope] = useState<'all' | 'filter'>('all');
  const filterActive = isFilterActive(filter);

  useEffect(() => {
    if (!filterActive) setScope('all');
  }, [filterActive]);

  return {
    groupBy,
    setGroupBy,
    include,
    setInclude: (field, on) => setIncludes((current) => ({ ...current, [field]: on })),
    scope,
    setScope,
    filterActive,
    options: () => ({ groupBy, ...include, ...(scope === 'filter' && filterActive ? { filter: toContractFilter(filter) } : {}) }),
  };
}
