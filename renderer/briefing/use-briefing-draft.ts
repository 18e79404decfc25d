/**
 * The Briefing form's state: it starts from the options last used (Settings
 * `briefing`, kept per data folder) and remembers each change after a pause,
 * so reopening the view or the app brings the same briefing back.
 */
import { useEffect, useRef, useState } from 'react';
import { useApp } from '../app-state/app-context';
import { useAnnotations } from '../annotations/annotations-context';
import { draftFrom, draftProblem, optionsFrom, type BriefingDraft } from './briefing-draft';

const REMEMBER_AFTER_MS = 800;

export interface DraftState {
  draft: BriefingDraft;
  update(patch: Partial<BriefingDraft>): void;
}

export function useBriefingDraft(): DraftState {
  const { settings, updateSettings, report } = useApp();
  const { filter } = useAnnotations();
  const [draft, setDraft] = useState<BriefingDraft>(() => draftFrom(settings.briefing ?? null, report.title));
  const changed = useRef(false);

  useEffect(() => {
    if (!changed.current || draftProblem(draft) !== null) return;
    const timer = window.setTimeout(() => void updateSettings({ briefing: optionsFrom(draft, filter) }), REMEMBER_AFTER_MS);
    return () => window.clearTimeout(timer);
  }, [draft, filter, updateSettings]);

  return {
    draft,
    update: (patch) => {
      changed.current = true;
      setDraft((current) => ({ ...current, ...patch }));
    },
  };
}
