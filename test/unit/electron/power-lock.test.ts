import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { Envelope } from '../../../preload/rpc';
import { lockOnSleep } from '../../../main/electron/power-lock';

function setUp(answer: Envelope) {
  const power = new EventEmitter();
  const calls: Array<[string, unknown]> = [];
  const told: string[] = [];
  lockOnSleep(
    power,
    async (method, input) => {
      calls.push([method, input]);
      return answer;
    },
    () => told.push('page told'),
  );
  return { power, calls, told };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('lock on sleep (desktop, issue 16)', () => {
  it.each(['suspend', 'lock-screen'])('locks the store on %s, then tells the page', async (event) => {
    const { power, calls, told } = setUp({ ok: true, value: null });
    power.emit(event);
    await settle();
    expect(calls).toEqual([['lock', null]]);
    expect(told).toEqual(['page told']);
  });

  it('tells the page nothing when the store refuses (plain, or already locked)', async () => {
    const { power, calls, told } = setUp({ ok: false, error: { code: 'CONFLICT', message: 'not protected' } });
    power.emit('suspend');
    await settle();
    expect(calls).toHaveLength(1);
    expect(told).toEqual([]);
  });

  it('ignores other power events', async () => {
    const { power, calls } = setUp({ ok: true, value: null });
    power.emit('resume');
    power.emit('unlock-screen');
    await settle();
    expect(calls).toEqual([]);
  });
});
