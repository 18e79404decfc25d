import { describe, expect, it } from 'vitest';
import { NoteSaver, type SaveStatus, type Timers } from '../../../../renderer/annotations/note-saver';

/** Timers driven by the test: `fire()` runs what is due, nothing runs by itself. */
function manualTimers() {
  let next = 1;
  const pending = new Map<number, () => void>();
  const timers: Timers = {
    set(fn) {
      const id = next++;
      pending.set(id, fn);
      return id;
    },
    clear(handle) {
      pending.delete(handle as number);
    },
  };
  return {
    timers,
    get count() {
      return pending.size;
    },
    fire() {
      const fns = [...pending.values()];
      pending.clear();
      for (const fn of fns) fn();
    },
  };
}

/** A save function whose calls the test resolves or rejects one by one. */
function controlledSave() {
  const calls: Array<{ text: string; resolve: () => void; reject: (e: Error) => void }> = [];
  const stored: string[] = [];
  return {
    calls,
    stored,
    save: (text: string) =>
      new Promise<void>((resolve, reject) => {
        calls.push({
          text,
          resolve: () => {
            stored.push(text);
            resolve();
          },
          reject,
        });
      }),
  };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('note saver', () => {
  it('saves once after typing pauses, with the newest text', async () => {
    const t = manualTimers();
    const s = controlledSave();
    const saver = new NoteSaver({ initial: '', save: s.save, timers: t.timers });
    saver.change('a');
    saver.change('ab');
    saver.change('abc');
    expect(t.count).toBe(1);
    expect(saver.status).toBe('editing');
    t.fire();
    await tick();
    expect(s.calls.map((c) => c.text)).toEqual(['abc']);
    expect(saver.status).toBe('saving');
    s.calls[0]!.resolve();
    await tick();
    expect(saver.status).toBe('saved');
    expect(saver.savedValue).toBe('abc');
  });

  it('saves keystrokes typed while a save is in flight right after it', async () => {
    const t = manualTimers();
    const s = controlledSave();
    const saver = new NoteSaver({ initial: '', save: s.save, timers: t.timers });
    saver.change('first');
    const firstFlush = saver.flush();
    await tick();
    saver.change('first and more');
    const secondFlush = saver.flush();
    s.calls[0]!.resolve();
    await firstFlush;
    await tick();
    expect(s.calls).toHaveLength(2);
    expect(s.calls[1]!.text).toBe('first and more');
    s.calls[1]!.resolve();
    expect(await secondFlush).toBe(true);
    expect(s.stored).toEqual(['first', 'first and more']);
    expect(saver.dirty).toBe(false);
  });

  it('never runs two saves at once', async () => {
    let running = 0;
    let maxRunning = 0;
    const saver = new NoteSaver({
      initial: '',
      save: async () => {
        running++;
        maxRunning = Math.max(maxRunning, running);
        await tick();
        running--;
      },
      timers: manualTimers().timers,
    });
    const flushes: Array<Promise<boolean>> = [];
    for (let i = 0; i < 10; i++) {
      saver.change(`v${i}`);
      flushes.push(saver.flush());
    }
    await Promise.all(flushes);
    expect(maxRunning).toBe(1);
    expect(saver.savedValue).toBe('v9');
  });

  it('flushes immediately without waiting for the debounce', async () => {
    const t = manualTimers();
    const stored: string[] = [];
    const saver = new NoteSaver({ initial: 'x', save: async (text) => void stored.push(text), timers: t.timers });
    saver.change('xy');
    expect(await saver.flush()).toBe(true);
    expect(stored).toEqual(['xy']);
    expect(t.count).toBe(0);
  });

  it('does not save when nothing changed', async () => {
    const stored: string[] = [];
    const saver = new NoteSaver({ initial: 'same', save: async (text) => void stored.push(text), timers: manualTimers().timers });
    saver.change('same');
    expect(await saver.flush()).toBe(true);
    expect(stored).toEqual([]);
  });

  it('keeps the text after a failed save, reports it, and saves it on retry', async () => {
    const statuses: Array<[SaveStatus, string | null]> = [];
    let fail = true;
    const stored: string[] = [];
    const saver = new NoteSaver({
      initial: '',
      save: async (text) => {
        if (fail) throw new Error('The disk is full. Free some space and try again.');
        stored.push(text);
      },
      onStatus: (status, error) => statuses.push([status, error]),
      timers: manualTimers().timers,
    });
    saver.change('precious words');
    expect(await saver.flush()).toBe(false);
    expect(saver.status).toBe('failed');
    expect(saver.value).toBe('precious words');
    expect(saver.lastError).toBe('The disk is full. Free some space and try again.');
    expect(statuses.at(-1)).toEqual(['failed', 'The disk is full. Free some space and try again.']);
    fail = false;
    expect(await saver.flush()).toBe(true);
    expect(stored).toEqual(['precious words']);
    expect(saver.status).toBe('saved');
  });

  it('gives a readable message when the failure has none', async () => {
    const saver = new NoteSaver({
      initial: '',
      save: () => Promise.reject(new Error('')),
      timers: manualTimers().timers,
    });
    saver.change('x');
    await saver.flush();
    expect(saver.lastError).toBe('The note could not be saved.');
  });

  it('adopts a note changed elsewhere only when nothing typed is unsaved', async () => {
    const saver = new NoteSaver({ initial: 'a', save: async () => undefined, timers: manualTimers().timers });
    saver.adopt('from undo');
    expect(saver.value).toBe('from undo');
    expect(saver.dirty).toBe(false);
    saver.change('typed');
    saver.adopt('from elsewhere');
    expect(saver.value).toBe('typed');
  });

  it('stops the debounce timer on dispose but keeps the text', () => {
    const t = manualTimers();
    const saver = new NoteSaver({ initial: '', save: async () => undefined, timers: t.timers });
    saver.change('a');
    saver.dispose();
    expect(t.count).toBe(0);
    expect(saver.value).toBe('a');
    expect(saver.dirty).toBe(true);
  });
});
