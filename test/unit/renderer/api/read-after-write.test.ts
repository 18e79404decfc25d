import { describe, expect, it } from 'vitest';
import type { Envelope } from '../../../../preload/rpc';
import { readAfterWrite } from '../../../../renderer/api/read-after-write';

/** A transport whose calls stay open until the test answers them, logging what was sent. */
function manual() {
  const sent: string[] = [];
  const open = new Map<string, (envelope: Envelope) => void>();
  const transport = (method: string) =>
    new Promise<Envelope>((resolve) => {
      sent.push(method);
      open.set(method, resolve);
    });
  const answer = (method: string, envelope: Envelope = { ok: true, value: method }) => open.get(method)!(envelope);
  return { sent, transport, answer };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('readAfterWrite', () => {
  it('holds a read back until the write sent before it was answered', async () => {
    const m = manual();
    const t = readAfterWrite(m.transport);
    const write = t('deleteAnnotation', { id: 'a' });
    const read = t('listAnnotations', null);
    await settle();
    expect(m.sent).toEqual(['deleteAnnotation']);
    m.answer('deleteAnnotation');
    await write;
    await settle();
    expect(m.sent).toEqual(['deleteAnnotation', 'listAnnotations']);
    m.answer('listAnnotations');
    expect(await read).toEqual({ ok: true, value: 'listAnnotations' });
  });

  it('also waits for a write that was refused', async () => {
    const m = manual();
    const t = readAfterWrite(m.transport);
    void t('updateAnnotation', { id: 'a' });
    void t('listTags', null);
    await settle();
    expect(m.sent).toEqual(['updateAnnotation']);
    m.answer('updateAnnotation', { ok: false, error: { code: 'DISK_FULL', message: 'full' } });
    await settle();
    expect(m.sent).toEqual(['updateAnnotation', 'listTags']);
  });

  it('sends reads with no write in flight, and writes, at once', async () => {
    const m = manual();
    const t = readAfterWrite(m.transport);
    void t('listAnnotations', null);
    void t('createAnnotation', {});
    void t('updateAnnotation', {});
    await settle();
    expect(m.sent).toEqual(['listAnnotations', 'createAnnotation', 'updateAnnotation']);
  });

  it('counts a method it does not know as a write', async () => {
    const m = manual();
    const t = readAfterWrite(m.transport);
    void t('someFutureMethod', {});
    void t('getStatus', null);
    await settle();
    expect(m.sent).toEqual(['someFutureMethod']);
  });
});
