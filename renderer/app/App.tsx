/**
 * The app shell: a toolbar (title, tier badge, reading settings, progress), the
 * table of contents on the left, the reading column in the centre and the
 * Annotations panel on the right. Below 1000px the side panels become drawers
 * opened from the toolbar.
 */
import { useEffect, useState } from 'react';
import { ReadingProgressBar, ReadingProgressLabel } from '../reader/ReadingProgress';
import { Reader } from '../reader/Reader';
import { TableOfContents } from '../reader/TableOfContents';
import { ReadingSettings } from '../settings/ReadingSettings';
import { Find } from '../search/Find';
import { ExportDialog } from '../export/ExportDialog';
import { CodebookView } from '../codebook/CodebookView';
import { CodingMatrixView } from '../matrix/CodingMatrixView';
import { RecommendationsView } from '../recommendations/RecommendationsView';
import { BriefingView } from '../briefing/BriefingView';
import { ProtectionTools } from '../protection/ProtectionTools';
import { AnnotationsLayer } from '../annotations/AnnotationsLayer';
import { AnnotationsPanel } from '../annotations/AnnotationsPanel';
import { ReportPrint } from '../print/ReportPrint';
import '../annotations/annotations.css';
import { useApp } from '../app-state/app-context';
import { Notices } from './Notices';
import { useMediaQuery } from './use-media-query';
import { onRevealAnnotationsPanel } from '../app-state/panel-reveal';

const NARROW_QUERY = '(max-width: 999px)';

export function App() {
  const { report, surface } = useApp();
  const narrow = useMediaQuery(NARROW_QUERY);
  const [navOpen, setNavOpen] = useState(false);
  const [asideOpen, setAsideOpen] = useState(false);
  const drawerOpen = narrow && (navOpen || asideOpen);

  useEffect(() => {
    document.title = `${report.title} — Fieldmark`;
  }, [report.title]);

  // A sheet that filtered the panel (matrix cell, Show in panel) asks for it; on a narrow window it is a drawer.
  useEffect(
    () =>
      onRevealAnnotationsPanel(() => {
        if (!narrow) return;
        setAsideOpen(true);
        setNavOpen(false);
      }),
    [narrow],
  );

  useEffect(() => {
    if (!drawerOpen) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setNavOpen(false);
      setAsideOpen(false);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [drawerOpen]);

  return (
    <div className="app" data-narrow={narrow ? 'true' : undefined}>
      <a
        className="skip-link"
        href="#reading-pane"
        onClick={(event) => {
          event.preventDefault();
          surface?.container.focus();
        }}
      >
        Skip to the report
      </a>
      <header className="toolbar">
        {narrow && (
          <button
            type="button"
            className="toolbar-button panel-toggle"
            aria-expanded={navOpen}
            aria-controls="contents-panel"
            onClick={() => {
              setNavOpen((open) => !open);
              setAsideOpen(false);
            }}
          >
            Contents
          </button>
        )}
        <div className="doc-title">
          <span className="doc-title-text" title={report.title}>
            {report.title}
          </span>
          {report.tier && <span className="tier-badge">{report.tier}</span>}
        </div>
        <div className="toolbar-tools">
          <Find />
          <ExportDialog />
          <CodebookView />
          <CodingMatrixView />
          <RecommendationsView />
          <BriefingView />
          <ReadingSettings />
          <ProtectionTools />
          <ReadingProgressLabel />
        </div>
        {narrow && (
          <button
            type="button"
            className="toolbar-button panel-toggle"
            aria-expanded={asideOpen}
            aria-controls="annotations-panel"
            onClick={() => {
              setAsideOpen((open) => !open);
              setNavOpen(false);
            }}
          >
            Annotations
          </button>
        )}
        <ReadingProgressBar />
      </header>
      <div className="workspace">
        <div id="contents-panel" className="panel panel-left" hidden={narrow && !navOpen}>
          <TableOfContents onNavigate={() => setNavOpen(false)} />
        </div>
        <Reader />
        <aside id="annotations-panel" className="panel panel-right" aria-label="Annotations" hidden={narrow && !asideOpen}>
          <AnnotationsPanel />
        </aside>
        {drawerOpen && (
          <div
            className="drawer-backdrop"
            aria-hidden="true"
            onClick={() => {
              setNavOpen(false);
              setAsideOpen(false);
            }}
          />
        )}
      </div>
      <Notices />
      <AnnotationsLayer />
      <ReportPrint />
    </div>
  );
}
