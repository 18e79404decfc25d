/**
 * Entry point: installs the client (window.fieldmark), loads the report,
 * settings and store status, then renders the app. A failure to load is shown
 * with its reason and a way to try again. A locked store (issue 16) shows the
 * unlock screen instead; the first LOCKED answer, the status poll
 * (protection/ProtectionTools) or the Lock button replace the whole app with
 * it, so every annotation, note and tag the page held leaves its memory and
 * its DOM.
 */
import { StrictMode, useCallback, useEffect, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import type { AnnotationView, Report, Settings, StoreStatus } from '../preload/contract';
import { fullView } from '../common/lean-view';
import { installClient } from './api/client';
import { announce } from './app-state/announcer';
import { AnnotationsProvider } from './annotations/annotations-context';
import { App } from './app/App';
import { AppProvider } from './app-state/app-context';
import { applySettingsToRoot, DARK_QUERY } from './app-state/theme';
import { DEFAULT_SETTINGS } from '../preload/contract';
import { pageLock } from './protection/lock-signal';
import { isLockedError, watchLocked } from './protection/lock-watch';
import { UnlockScreen } from './protection/UnlockScreen';
import './styles/base.css';
import './styles/themes.css';
import './styles/layout.css';
import './styles/reader.css';

type BootState =
  | { phase: 'loading' }
  | { phase: 'failed'; message: string }
  | { phase: 'locked'; justLocked: boolean }
  | { phase: 'ready'; report: Report; settings: Settings; status: StoreStatus; annotations: Promise<AnnotationView[]> };

const client = watchLocked(installClient(), () => pageLock.raise());

/** True when the store is locked; a failed start-up read asks, as over the desktop bridge a LOCKED error has no code. */
async function isStoreLocked(error: unknown): Promise<boolean> {
  if (isLockedError(error)) return true;
  const status = await client.getStatus().catch(() => null);
  return status?.locked === true;
}

function Boot() {
  const [state, setState] = useState<BootState>({ phase: 'loading' });

  const load = useCallback(async () => {
    setState({ phase: 'loading' });
    try {
      const reportRequest = client.getReport();
      const requests = Promise.all([reportRequest, client.getSettings(), client.getStatus()]);
      // Asked for now, so the host prepares the (large) list while the report is painted; applied
      // only after the report is on screen (AnnotationsProvider). Its failure is shown there.
      // The lean list leaves out what the report's text implies (targets, quotes; about two thirds of
      // the bytes); it is rebuilt here (common/lean-view.ts).
      const annotations = Promise.all([client.listAnnotationsLean(), reportRequest]).then(([lean, report]) => lean.map((view) => fullView(view, report)));
      annotations.catch(() => undefined);
      const [report, settings, status] = await requests;
      // Paint with the reader's own theme and size before the first frame of the article.
      applySettingsToRoot(document.documentElement, settings, window.matchMedia(DARK_QUERY).matches);
      setState({ phase: 'ready', report, settings, status, annotations });
    } catch (error) {
      if (await isStoreLocked(error)) setState({ phase: 'locked', justLocked: false });
      else setState({ phase: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  const lock = useCallback(() => setState({ phase: 'locked', justLocked: true }), []);
  useEffect(() => pageLock.subscribe(lock), [lock]);

  // "Unlocked" goes to the app's live region once the app (and with it the region) is back.
  const unlocked = useRef(false);
  useEffect(() => {
    if (state.phase !== 'ready' || !unlocked.current) return;
    unlocked.current = false;
    const timer = window.setTimeout(() => announce('Unlocked.'), 150);
    return () => window.clearTimeout(timer);
  }, [state]);

  if (state.phase === 'locked') {
    const onUnlocked = () => {
      unlocked.current = true;
      void load();
    };
    return <UnlockScreen client={client} justLocked={state.justLocked} onUnlocked={onUnlocked} />;
  }

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
