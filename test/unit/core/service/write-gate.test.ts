import { describe, expect, it } from 'vitest';
import { createWriteGate } from '../../../../main/core/service/write-gate';

/** A promise the test resolves by hand. */
function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}
const tick = () => new Promise((r) => setTimeout(r, 0));

describe('the write gate', () => {
  it('runs shared tasks together', async () => {
    const gate = createWriteGate();
    const hold = deferred();
    const log: string[] = [];
    const a = gate.shared(async () => { log.push('a start'); await hold.promise; log.push('a end'); });
    const b = gate.shared(async () => { log.push('b start'); });
    await tick();
    expect(log).toEqual(['a start', 'b start']);
    hold.resolve();
    await Promise.all([a, b]);
  });

  it('starts an exclusive task only after the shared tasks in flight have finished', async () => {
    const gate = createWriteGate();
    const hold = deferred();
    const log: string[] = [];
    const edit = gate.shared(async () => { log.push('edit start'); await hold.promise; log.push('edit saved'); });
    await tick();
    const restore = gate.exclusive(async () => { log.push('restore'); });
    await tick();
    expect(log).toEqual(['edit start']);
    hold.resolve();
    await Promise.all([edit, restore]);
    expect(log).toEqual(['edit start', 'edit saved', 'restore']);
  });

  it('holds back shared tasks that arrive while an exclusive task waits or runs', async () => {
    const gate = createWriteGate();
    const hold = deferred();
    const log: string[] = [];
    const imported = gate.exclusive(async () => { log.push('import start'); await hold.promise; log.push('import end'); });
    const edit = gate.shared(async () => { log.push('edit'); });
    await tick();
    expect(log).toEqual(['import start']);
    hold.resolve();
    await Promise.all([imported, edit]);
    expect(log).toEqual(['import start', 'import end', 'edit']);
  });

  it('runs exclusive tasks one at a time in order, and a failure releases the gate', async () => {
    const gate = createWriteGate();
    const log: string[] = [];
    const first = gate.exclusive(async () => { log.push('first'); throw new Error('disk full'); });
    const second = gate.exclusive(async () => { log.push('second'); });
    const after = gate.shared(async () => { log.push('edit'); });
    await expect(first).rejects.toThrow('disk full');
    await Promise.all([second, after]);
    expect(log).toEqual(['first', 'second', 'edit']);
  });
});
