/**
 * IPC: one `ipcMain.handle('fieldmark:<method>')` per contract method. Each
 * call is answered only if it comes from our main window's top frame showing
 * our app:// origin (Electron security checklist item 17); the dispatcher then
 * validates the payload against the contract before the service sees it.
 */
import type { BrowserWindow, IpcMain, IpcMainInvokeEvent, WebFrameMain } from 'electron';
import { methodChannel } from '../../preload/bridge';
import { METHOD_NAMES } from '../../preload/contract';
import type { Dispatcher, Envelope } from '../../preload/rpc';
import { isAppUrl } from './protocol';

const FORBIDDEN: Envelope = {
  ok: false,
  error: { code: 'FORBIDDEN', message: 'This request did not come from the Fieldmark window, so it was refused.' },
};
const CLOSING: Envelope = {
  ok: false,
  error: { code: 'NOT_SAVED', message: 'Fieldmark is closing, so this change was not saved.' },
};

type FrameId = Pick<WebFrameMain, 'processId' | 'routingId'>;

/** The same frame: one object, or the same (process, routing) pair if Electron handed out a second wrapper. */
function sameFrame(a: FrameId, b: FrameId): boolean {
  return a === b || (a.processId === b.processId && a.routingId === b.routingId);
}

/** True only for our main window's top frame, currently showing app://fieldmark. */
export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>, window: BrowserWindow | null): boolean {
  if (!window || window.isDestroyed()) return false;
  const frame = event.senderFrame;
  if (!frame || event.sender !== window.webContents) return false;
  if (frame.parent !== null || !sameFrame(frame, window.webContents.mainFrame)) return false;
  return isAppUrl(frame.url);
}

export interface IpcRegistration {
  /** Resolves once no call is being handled. */
  idle(): Promise<void>;
  /** Answers every later call with a "closing" error instead of dispatching it. */
  stopAccepting(): void;
  /** Removes the handlers. */
  dispose(): void;
}

/** Registers a handler per contract method; `trusted` decides which senders are answered. */
export function registerIpcHandlers(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  dispatcher: Dispatcher,
  trusted: (event: IpcMainInvokeEvent) => boolean,
): IpcRegistration {
  const inFlight = new Set<Promise<Envelope>>();
  let accepting = true;
  for (const method of METHOD_NAMES) {
    ipcMain.handle(methodChannel(method), async (event: IpcMainInvokeEvent, input: unknown) => {
      if (!trusted(event)) return FORBIDDEN;
      if (!accepting) return CLOSING;
      const call = dispatcher(method, input);
      inFlight.add(call);
      try {
        return await call;
      } finally {
        inFlight.delete(call);
      }
    });
  }
  return {
    async idle() {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
    stopAccepting() {
      accepting = false;
    },
    dispose() {
      for (const method of METHOD_NAMES) ipcMain.removeHandler(methodChannel(method));
    },
  };
}
