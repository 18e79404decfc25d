/**
 * Issue 3's promise at the level of the whole host: once `createAnnotation` or
 * `updateAnnotation` has answered, a SIGKILL of the host (no chance to flush)
 * loses nothing. Five kill-and-restart rounds against the real browser host.
 */
import type { Contract } from '../../preload/contract';
import type { Client } from '../../preload/rpc';
import { test, expect } from './support/fixtures';

type PageWindow = Window & { fieldmark: Client<Contract> };

test('an acknowledged annotation survives SIGKILL of the host, round after round', async ({ page, host }) => {
  const acknowledged: Array<{ id: string; note: string }> = [];
  // The page's own start-up reads (report, settings, annotations, codes, tracker) finish before a kill, so a
  // killed host only cuts the writes under test, not a read the page would then log as a failed load.
  await page.waitForLoadState('networkidle');
  for (let round = 0; round < 5; round++) {
    const made = await page.evaluate(async (n) => {
      const { fieldmark } = window as unknown as PageWindow;
      const created = await fieldmark.createAnnotation({ start: 58 + n * 40, end: 90 + n * 40, color: 'gap', note: `round ${n}` });
      const edited = await fieldmark.updateAnnotation({ id: created.id, note: `round ${n}, edited`, tags: [`r${n}`] });
      return { id: edited.id, note: edited.note };
    }, round);
    acknowledged.push(made);
    // Kill at once: the answer above was the acknowledgement.
    await host.kill();
    const reopened = await host.restart();
    await reopened.waitForLoadState('networkidle');
    const listed = await reopened.evaluate(() => (window as unknown as PageWindow).fieldmark.listAnnotations());
    for (const expected of acknowledged) {
      const found = listed.find((a) => a.id === expected.id);
      expect(found?.note, `annotation ${expected.id} after kill ${round + 1}`).toBe(expected.note);
    }
  }
  const onDisk = await host.readStore();
  expect(onDisk.annotations.map((a) => a.id).sort()).toEqual(acknowledged.map((a) => a.id).sort());
});
