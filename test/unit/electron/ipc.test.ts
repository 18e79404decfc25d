import { describe, expect, it, vi } from 'vitest';
import { METHOD_NAMES, contract, DEFAULT_SETTINGS, type Contract } from '../../../preload/contract';
import { createDispatcher, type Envelope, type Implementation } from '../../../preload/rpc';

vi.mock('electron', () => import('./fake-electron'));
const fake = await import('./fake-electron');
const { isTrustedSender, registerIpcHandlers } = await import('../../../main/electron/ipc');

type Handler = (event: unknown, input: unknown) => Promise<Envelope>;

function setup() {
  fake.resetFakeElectron();
  const window = new fake.BrowserWindow({});
  const updateSettings = vi.fn(async (patch: object) => ({ ...DEFAULT_SETTINGS, ...patch }));
  const impl = { updateSettings, getSettings: async () => DEFAULT_SETTINGS } as unknown as Implementation<Contract>;
  const registration = registerIpcHandlers(fake.ipcMain as never, createDispatcher(contract, impl), (event) =>
    isTrustedSender(event as never, window as never),
  );
  const handler = (method: string) => fake.ipcMain.handlers.get(`fieldmark:${method}`) as unknown as Handler;
  const ownEvent = () => ({ sender: window.webContents, senderFrame: window.webContents.mainFrame });
  return { window, updateSettings, registration, handler, ownEvent };
}

describe('IPC handlers', () => {
  it('registers exactly one handler per contract method', () => {
    setup();
    expect([...fake.ipcMain.handlers.keys()].sort()).toEqual(METHOD_NAMES.map((m) => `fieldmark:${m}`).sort());
  });

  it('dispatches calls from our window’s top frame', async () => {
    const { handler, ownEvent, updateSettings } = setup();
    expect(await handler('updateSettings')(ownEvent(), { fontSize: 20 })).toMatchObject({ ok: true, value: { fontSize: 20 } });
    expect(updateSettings).toHaveBeenCalledOnce();
  });

  it('validates the payload against the contract before the service sees it', async () => {
    const { handler, ownEvent, updateSettings } = setup();
    for (const bad of [{ fontSize: 'big' }, { theme: 'neon' }, { unknownKey: 1 }, 'x', 42, [1]]) {
      expect(await handler('updateSettings')(ownEvent(), bad)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
    expect(updateSettings).not.toHaveBeenCalled();
  });

  it('refuses a sub-frame, another web contents, a foreign page and a vanished frame with FORBIDDEN', async () => {
    const { window, handler, updateSettings } = setup();
    const subFrame = new fake.FakeFrame('app://fieldmark/index.html');
    subFrame.parent = window.webContents.mainFrame;
    const other = new fake.FakeWebContents();
    const foreignTop = new fake.FakeWebContents('https://evil.example/');
    const cases = [
      { sender: window.webContents, senderFrame: subFrame },
      { sender: other, senderFrame: other.mainFrame },
      { sender: window.webContents, senderFrame: null },
      { sender: window.webContents, senderFrame: foreignTop.mainFrame },
    ];
    for (const event of cases) {
      expect(await handler('updateSettings')(event, { fontSize: 20 })).toEqual({
        ok: false,
        error: { code: 'FORBIDDEN', message: 'This request did not come from the Fieldmark window, so it was refused.' },
      });
    }
    window.webContents.mainFrame.url = 'https://evil.example/';
    expect(await handler('updateSettings')({ sender: window.webContents, senderFrame: window.webContents.mainFrame }, { fontSize: 20 })).toMatchObject({
      error: { code: 'FORBIDDEN' },
    });
    expect(updateSettings).not.toHaveBeenCalled();
  });

  it('accepts a second wrapper of the same top frame, but not another frame of the same process', async () => {
    const { window, handler } = setup();
    const main = window.webContents.mainFrame;
    const sameFrame = Object.assign(new fake.FakeFrame(main.url), { processId: main.processId, routingId: main.routingId });
    expect(await handler('getSettings')({ sender: window.webContents, senderFrame: sameFrame }, null)).toMatchObject({ ok: true });
    const otherFrame = Object.assign(new fake.FakeFrame(main.url), { processId: main.processId });
    expect(await handler('getSettings')({ sender: window.webContents, senderFrame: otherFrame }, null)).toMatchObject({ error: { code: 'FORBIDDEN' } });
  });

  it('refuses everything once the window is destroyed', async () => {
    const { window, handler, ownEvent } = setup();
    window.destroyed = true;
    expect(await handler('getSettings')(ownEvent(), null)).toMatchObject({ error: { code: 'FORBIDDEN' } });
  });

  it('answers "closing" after stopAccepting, and idle() waits for calls in flight', async () => {
    const { handler, ownEvent, updateSettings, registration } = setup();
    let release!: () => void;
    updateSettings.mockImplementationOnce(() => new Promise((resolve) => (release = () => resolve(DEFAULT_SETTINGS))));
    const order: string[] = [];
    const pending = handler('updateSettings')(ownEvent(), { fontSize: 20 }).then(() => order.push('call done'));
    registration.stopAccepting();
    expect(await handler('updateSettings')(ownEvent(), { fontSize: 22 })).toMatchObject({ ok: false, error: { code: 'NOT_SAVED' } });
    const idle = registration.idle().then(() => order.push('idle'));
    release();
    await Promise.all([pending, idle]);
    expect(order).toEqual(['call done', 'idle']);
  });

  it('removes its handlers on dispose', () => {
    const { registration } = setup();
    registration.dispose();
    expect(fake.ipcMain.handlers.size).toBe(0);
  });
});
