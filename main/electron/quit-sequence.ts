/**
 * Quitting the desktop app without losing a write. Whatever starts it (the
 * menu, closing the window, a signal), the sequence is the same: remember the
 * window's bounds, ask the page to save a pending note, stop taking IPC calls,
 * let the calls in flight finish, close the service (its pending writes finish),
 * and only then really quit.
 */
import { app, type BrowserWindow } from 'electron';
import { setTimeout as delay } from 'node:timers/promises';
import { FLUSH_CHANNEL } from '../../preload/bridge';
import type { IpcRegistration } from './ipc';
import { currentBounds } from './window';
import type { WindowBounds } from './desktop-state';

export interface QuitSequenceDeps {
  window: BrowserWindow;
  ipc: Pick<IpcRegistration, 'idle' | 'stopAccepting' | 'dispose'>;
  service: { close(): Promise<void> };
  rememberBounds(bounds: WindowBounds): Promise<void>;
  /** How long the page gets to start saving a pending note, and the cap on waiting for it (ms). */
  flushGraceMs: number;
  flushTimeoutMs: number;
  /** Says in plain words why saving could not finish (for the log). */
  describe(error: unknown): string;
}

/**
 * Asks the page to save a pending note, gives it `graceMs` to start, then waits
 * (at most `timeoutMs`) for every IPC call in flight to finish.
 */
async function flushPage(window: BrowserWindow, ipc: Pick<IpcRegistration, 'idle'>, graceMs: number, timeoutMs: number): Promise<void> {
  if (window.isDestroyed()) return;
  window.webContents.send(FLUSH_CHANNEL);
  await delay(graceMs);
  const cap = new AbortController();
  await Promise.race([ipc.idle(), delay(timeoutMs, undefined, { signal: cap.signal }).catch(() => undefined)]);
  cap.abort();
}

/** Holds every quit until the sequence has run once, then lets it through. */
export function installQuitSequence(deps: QuitSequenceDeps): void {
  const { window, ipc } = deps;
  let finished = false;
  let shutdown: Promise<void> | null = null;
  const shutDown = () =>
    (shutdown ??= (async () => {
      if (!window.isDestroyed()) await deps.rememberBounds(currentBounds(window));
      await flushPage(window, ipc, deps.flushGraceMs, deps.flushTimeoutMs);
      ipc.stopAccepting();
      await ipc.idle();
      await deps.service.close();
    })());
  app.on('before-quit', (event) => {
    if (finished) return;
    event.preventDefault();
    void shutDown()
      .catch((error: unknown) => process.stderr.write(`Fieldmark could not finish saving: ${deps.describe(error)}\n`))
      .finally(() => {
        finished = true;
        ipc.dispose();
        app.quit();
      });
  });
  window.on('close', (event) => {
    if (finished) return;
    event.preventDefault();
    app.quit();
  });
}
