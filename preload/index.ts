/**
 * The Electron preload (sandboxed, built as one CommonJS file). It exposes
 * exactly one frozen object, `window.fieldmark`: the contract's typed client
 * over ipcRenderer.invoke plus `onMenu` and `savePdf`. Neither ipcRenderer nor any IPC event
 * object reaches the page (Electron security checklist item 20).
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { z } from 'zod';
import { FLUSH_CHANNEL, MENU_CHANNEL, MenuEvent, SAVE_PDF_CHANNEL, SavePdfRequest, SavePdfResult, methodChannel, type FieldmarkBridge } from './bridge';
import { contract } from './contract';
import { createClient, isEnvelope, type Transport } from './rpc';

// No `new Function` probe: the page's CSP forbids eval, and zod's probe would be reported as a violation.
z.config({ jitless: true });

type IpcLike = Pick<typeof ipcRenderer, 'invoke' | 'on' | 'removeListener'>;

/** The IPC transport: one channel per method; anything but an envelope becomes a typed error. */
export function ipcTransport(ipc: Pick<IpcLike, 'invoke'>): Transport {
  return async (method, input) => {
    try {
      const reply: unknown = await ipc.invoke(methodChannel(method), input);
      if (isEnvelope(reply)) return reply;
    } catch {
      // Falls through: the main process did not answer with an envelope.
    }
    return { ok: false, error: { code: 'INTERNAL', message: 'Fieldmark did not answer this request. Your data was not changed by it.' } };
  };
}

/** Builds the frozen object exposed as window.fieldmark. */
export function buildBridge(ipc: IpcLike): FieldmarkBridge {
  const client = createClient(contract, ipcTransport(ipc));
  const onMenu = (callback: (event: MenuEvent) => void): (() => void) => {
    if (typeof callback !== 'function') throw new TypeError('onMenu needs a function.');
    // Only the validated payload is passed on, never the IPC event (its `sender` is ipcRenderer).
    const onMessage = (_event: IpcRendererEvent, payload: unknown) => {
      const parsed = MenuEvent.safeParse(payload);
      if (parsed.success) callback(parsed.data);
    };
    const onFlush = () => callback({ action: 'flush' });
    ipc.on(MENU_CHANNEL, onMessage);
    ipc.on(FLUSH_CHANNEL, onFlush);
    return () => {
      ipc.removeListener(MENU_CHANNEL, onMessage);
      ipc.removeListener(FLUSH_CHANNEL, onFlush);
    };
  };
  // Save as PDF… (issue 15): the request is checked here and again in main; only a well-formed answer comes back.
  const savePdf = async (request: SavePdfRequest): Promise<SavePdfResult> => {
    const reply = SavePdfResult.safeParse(await ipc.invoke(SAVE_PDF_CHANNEL, SavePdfRequest.parse(request)));
    if (!reply.success) throw new Error('The PDF could not be saved. Try again, or print from the browser.');
    return reply.data;
  };
  return Object.freeze({ ...client, onMenu, savePdf });
}

contextBridge.exposeInMainWorld('fieldmark', buildBridge(ipcRenderer));
