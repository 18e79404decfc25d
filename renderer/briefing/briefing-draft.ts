/**
 * What the Briefing form holds (issue 15) and how it becomes the contract's
 * BriefingOptions: the texts, which annotations (all, or what the Annotations
 * panel shows), the grouping, what to include Pure, so the
 * mapping both ways (options remembered in Settings `briefing`) is tested alone.
 */
import type { BriefingGroupBy, BriefingOptions } from '../../preload/contract';
import { isPanelFiltered, toContractFilter, type PanelFilter } from '../annotations/annotation-filter';

export type IncludeField = 'notes' | 'codes' | 'colors' | 'assessment' | 'matrix' | 'codebook' | 'sources';

export interface BriefingDraft {
  title: string;
  subtitle: string;
  author: string;
  date: string;
  summary: string;
  scope: 'all' | 'panel';
  groupBy: BriefingGroupBy;
  include: Record<IncludeField, boolean>;
}

export const INCLUDE_FIELDS: readonly IncludeField[] = ['notes', 'codes', 'colors', 'assessment', 'matrix', 'codebook', 'sources'];

/** The form for a first briefing, or the one last used (Settings `briefing`). */
export function draftFrom(saved: BriefingOptions | null, reportTitle: string): BriefingDraft {
  const include = Object.fromEntries(INCLUDE_FIELDS.map((f) => [f, saved?.include?.[f] ?? true])) as Record<IncludeField, boolean>;
  return {
    title: saved?.title ?? `Briefing: ${reportTitle}`,
    subtitle: saved?.subtitle ?? '',
    author: saved?.author ?? '',
    date: saved?.date ?? '',
    summary: saved?.summary ?? '',
    scope: saved?.filter !== undefined || saved?.ids !== undefined ? 'panel' : 'all',
    groupBy: saved?.groupBy ?? 'section',
    include,
  };
}

/** Why the draft cannot be made into a briefing, or null. */
export function draftProblem(draft: BriefingDraft): string | null {
  const title = draft.title.trim();
  if (title === '') return 'Give the briefing a title.';
  if (title.length > 300) return 'The title is longer than 300 characters.';
  for (const [field, label] of [['subtitle', 'subtitle'], ['author', 'author'], ['date', 'date']] as const) {
    if (draft[field].length > 300) return `The ${label} is longer than 300 characters.`;
  }
  if (draft.summary.length > 20_000) return 'The summary is longer than 20,000 characters.';
  return null;
}

/** The options for getBriefing and exportBriefing; the panel's filter applies when chosen and set. */
export function optionsFrom(draft: BriefingDraft, panel: PanelFilter): BriefingOptions {
  const texts: Partial<BriefingOptions> = {};
  for (const field of ['subtitle', 'author', 'date', 'summary'] as const) if (draft[field].trim() !== '') texts[field] = draft[field];
  const options: BriefingOptions = { title: draft.title.trim(), ...texts, groupBy: draft.groupBy, include: { ...draft.include } };
  if (draft.scope === 'panel' && isPanelFiltered(panel)) {
    const filter = toContractFilter(panel);
    if (Object.keys(filter).length > 0) options.filter = filter;
    if (panel.ids) options.ids = [...panel.ids];
  }
  return options;
}
