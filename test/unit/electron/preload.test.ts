import { beforeEach, describe, expect, it, vi } from 'vitest';
import { METHOD_NAMES } from '../../../preload/contract';
import { FieldmarkError } from '../../../preload/rpc';
import type { FieldmarkBridge, MenuEvent } from '../../../preload/bridge';

vi.mock('electron', () => import('./fake-electron'));
const fake = await import('./fake-electron');
await import('../../../preload/index');

const bridge = () => fake.contextBridge.exposed.get('fieldmark') as FieldmarkBridge;

beforeEach(() => {
  fake.ipcRenderer.invocations.length = 0;
  fake.ipcRenderer.removeAllListeners();
});

describe('preload bridge', () => {
  it('exposes exactly one object, window.fieldmark', () => {
    expect([...fake.contextBridge.exposed.keys()]).toEqual(['fieldmark']);
  });

  it('exposes the contract methods plus onMenu and savePdf, frozen, and nothing of ipcRenderer', () => {
    const api = bridge();
    expect(Object.isFrozen(api)).toBe(true);
    expect(Object.keys(api).sort()).toEqual([...METHOD_NAMES, 'onMenu', 'savePdf'].sort());
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
    expect(Object.values(api)).not.toContain(fake.ipcRenderer);
    expect(() => Object.assign(api, { send: () => undefined })).toThrow(TypeError);
  });

  it('invokes fieldmark:<method> with the input (null when none) and returns the value', async () => {
    fake.ipcRenderer.reply = async () => ({ ok: true, value: { fontSize: 20 } });
    await expect(bridge().getSettings()).resolves.toEqual({ fontSize: 20 });
    await bridge().updateSettings({ theme: 'dark' });
    expect(fake.ipcRenderer.invocations).toEqual([
      { channel: 'fieldmark:getSettings', input: null },
      { channel: 'fieldmark:updateSettings', input: { theme: 'dark' } },
    ]);
  });

  it('turns an error envelope into a rejected FieldmarkError with the same code', async () => {
    fake.ipcRenderer.reply = async () => ({ ok: false, error: { code: 'READ_ONLY', message: 'Read only.' } });
    const error = await bridge().getSettings().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FieldmarkError);
    expect(error).toMatchObject({ code: 'READ_ONLY', message: 'Read only.' });
  });

  it('turns a missing or malformed answer into a typed INTERNAL error', async () => {
    fake.ipcRenderer.reply = async () => {
      throw new Error("No handler registered for 'fieldmark:getSettings'");
    };
    await expect(bridge().getSettings()).rejects.toMatchObject({ code: 'INTERNAL' });
    fake.ipcRenderer.reply = async () => ({ weird: true });
    await expect(bridge().getSettings()).rejects.toMatchObject({ code: 'INTERNAL' });
  });

  it('delivers validated menu messages and the flush request, never the IPC event', () => {
    const seen: unknown[][] = [];
    const unsubscribe = bridge().onMenu((...args: unknown[]) => seen.push(args));
    const event = { sender: fake.ipcRenderer };
    fake.ipcRenderer.emit('fieldmark:menu', event, { action: 'import-file', fileName: 'a.json', content: '[]' } satisfies MenuEvent);
    fake.ipcRenderer.emit('fieldmark:menu', event, { action: 'run-shell', command: 'rm -rf /' });
    fake.ipcRenderer.emit('fieldmark:menu', event, { action: 'zoom', direction: 'in' });
    fake.ipcRenderer.emit('fieldmark:flush', event);
    expect(seen).toEqual([[{ action: 'import-file', fileName: 'a.json', content: '[]' }], [{ action: 'zoom', direction: 'in' }], [{ action: 'flush' }]]);
    unsubscribe();
    fake.ipcRenderer.emit('fieldmark:flush', event);
    expect(seen).toHaveLength(3);
    expect(fake.ipcRenderer.listenerCount('fieldmark:menu')).toBe(0);
  });

  it('asks main to save a PDF with a checked request and passes on only a well-formed answer', async () => {
    fake.ipcRenderer.reply = async () => ({ saved: true, fileName: 'Japan-2021.pdf', paper: 'A4' });
    await expect(bridge().savePdf({ title: 'Japan 2021', paper: 'A4' })).resolves.toEqual({ saved: true, fileName: 'Japan-2021.pdf', paper: 'A4' });
    expect(fake.ipcRenderer.invocations.at(-1)).toEqual({ channel: 'fieldmark:save-pdf', input: { title: 'Japan 2021', paper: 'A4' } });
    await expect(bridge().savePdf({ title: '   ' })).rejects.toThrow();
    expect(fake.ipcRenderer.invocations).toHaveLength(1);
    fake.ipcRenderer.reply = async () => ({ saved: true, path: '/etc/passwd' });
    await expect(bridge().savePdf({ title: 'Japan 2021' })).rejects.toThrow('The PDF could not be saved');
  });

  it('refuses a non-function listener', () => {
    expect(() => bridge().onMenu('alert(1)' as never)).toThrow(TypeError);
  });
});
