/**
 * Entry point: installs the client (window.fieldmark), loads the report,
 * settings and store status, then renders the app. A failure to load is shown
 * with its reason and a way to try again.
 */
import { StrictMode, useCallback, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import type { AnnotationView, Report, Settings, StoreStatus } from '../preload/contract';
import { fullView } from '../common/lean-view';
import { installClient } from './api/client';
import { AnnotationsProvider } from './annotations/annotations-context';
import { App } from './app/App';
import { AppProvider } from './app-state/app-context';
import { applySettingsToRoot, DARK_QUERY } from './app-state/theme';
import { DEFAULT_SETTINGS } from '../preload/contract';
import './styles/base.css';
import './styles/themes.css';
import './styles/layout.css';
import './styles/reader.css';

type BootState =
  | { phase: 'loading' }
  | { phase: 'failed'; message: string }
  | { phase: 'ready'; report: Report; settings: Settings; status: StoreStatus; annotations: Promise<AnnotationView[]> };

const client = installClient();

function Boot() {
  const [state, setState] = useState<BootState>({ phase: 'loading' });

  const load = useCallback(async () => {
    setState({ phase: 'loading' });
    try {
      const reportRequest = client.getReport();
      const requests = Promise.all([reportRequest, client.getSettings(), client.getStatus()]);
      // Asked for now, so the host prepares the (large) list while the report is painted; applied
      // only after the report is on screen (AnnotationsProvider). Its failure is shown there.
      // The lean list leaves out the targets the views imply (nearly half the bytes); they are rebuilt here.
      const annotations = Promise.all([client.listAnnotationsLean(), reportRequest]).then(([lean, report]) => lean.map((view) => fullView(view, report.sha256)));
      annotations.catch(() => undefined);
      const [report, settings, status] = await requests;
      // Paint with the reader's own theme and size before the first frame of the article.
      applySettingsToRoot(document.documentElement, settings, window.matchMedia(DARK_QUERY).matches);
      setState({ phase: 'ready', report, settings, status, annotations });
    } catch (error) {
      setState({ phase: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  if (state.phase === 'ready') {
    return (
      <AppProvider client={client} report={state.report} settings={state.settings} status={state.status}>
        <AnnotationsProvider initial={state.annotations}>
          <App />
        </AnnotationsProvider>
      </AppProvider>
    );
  }
  return (
    <main className="boot" aria-busy={state.phase === 'loading'}>
      {state.phase === 'loading' ? (
        <p className="boot-message" role="status">
          Opening the report…
        </p>
      ) : (
        <div className="boot-message" role="alert">
          <h1>Fieldmark could not open the report</h1>
          <p>{state.message}</p>
          <button type="button" className="notice-button notice-primary" onClick={() => void load()}>
            Try again
          </button>
        </div>
      )}
    </main>
  );
}

applySettingsToRoot(document.documentElement, DEFAULT_SETTINGS, window.matchMedia(DARK_QUERY).matches);
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Boot />
  </StrictMode>,
);
