/**
 * The Briefing view's content: the form and the buttons on the left, the print
 * view on the right, with the count of annotations that need review and are
 * left out. A save asked for from the desktop menu runs once the print view
 * shows the current options.
 */
import { useEffect, useMemo, useState } from 'react';
import { paperForLocale, type PaperSize } from '../../common/paper-size';
import { useAnnotations } from '../annotations/annotations-context';
import { isPanelFiltered } from '../annotations/annotation-filter';
import { PrintNotesSetting } from '../print/PrintNotesSetting';
import { BriefingActions } from './BriefingActions';
import { BriefingForm } from './BriefingForm';
import { BriefingPreview } from './BriefingPreview';
import { draftProblem, optionsFrom } from './briefing-draft';
import { desktopSavePdf } from './desktop-pdf';
import { previewLine } from './preview-line';
import { useBriefingDraft } from './use-briefing-draft';
import { useBriefingModel } from './use-briefing-model';

interface BriefingBodyProps {
  /** The desktop menu asked for a PDF: save it once the preview is ready, then call `saved`. */
  saveRequested: boolean;
  saved(): void;
}

export function BriefingBody({ saveRequested, saved }: BriefingBodyProps) {
  const { filter } = useAnnotations();
  const { draft, update } = useBriefingDraft();
  const [paper, setPaper] = useState<PaperSize>(() => paperForLocale(navigator.language));
  const problem = draftProblem(draft);
  const options = useMemo(() => (problem === null ? optionsFrom(draft, filter) : null), [draft, filter, problem]);
  const { briefing, error, pending } = useBriefingModel(options);
  const ready = briefing !== null && !pending && error === null;

  useEffect(() => {
    const savePdf = desktopSavePdf();
    if (!saveRequested || !ready || !options || !savePdf) return;
    saved();
    void savePdf({ title: options.title, paper });
  }, [saveRequested, ready, options, paper, saved]);

  return (
    <div className="bf-body">
      <div className="bf-controls">
        <BriefingForm draft={draft} update={update} panelFiltered={isPanelFiltered(filter)} paper={paper} setPaper={setPaper} />
        <PrintNotesSetting />
        <BriefingActions options={options} paper={paper} previewReady={ready} />
      </div>
      {/* The A4 page is exempt from reflow (WCAG 1.4.10): it scrolls in its own focusable, named region. */}
      <div className="bf-preview" role="region" aria-label="Print preview" tabIndex={0} aria-busy={pending}>
        <div className="bf-summary-line" role="status">
          {problem ?? error ?? (briefing ? previewLine(briefing) : 'Preparing the preview…')}
        </div>
        {briefing && <BriefingPreview briefing={briefing} paper={paper} />}
      </div>
    </div>
  );
}
