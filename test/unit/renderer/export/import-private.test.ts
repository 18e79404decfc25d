/** Issue 16 in the import review: a file's private annotation has a checkbox, starts unticked, and is sent as `accept` only when ticked. */
import { describe, expect, it } from 'vitest';
import { acceptedCount, acceptedIds, initiallyAccepted, rejectedIds, tickable, waitsForTick } from '../../../../renderer/export/import-review';
import { importItem as item } from './import-item';


describe('a file’s private annotations in the review', () => {
  const held = item('p', { applies: false, sensitivity: 'private', reason: 'Marked private in the file: tick it to import it.' });
  const privateUnchanged = item('u', { kind: 'unchanged', applies: false, sensitivity: 'private' });
  const normal = item('n', {});
  const items = [held, privateUnchanged, normal];

  it('offers a checkbox only for the one that would be written, unticked at first', () => {
    expect(items.map(waitsForTick)).toEqual([true, false, false]);
    expect(items.map(tickable)).toEqual([true, false, true]);
    expect([...initiallyAccepted(items)]).toEqual(['n']);
    expect(acceptedIds(items, initiallyAccepted(items))).toEqual([]);
  });

  it('sends it as accept once ticked, and counts it', () => {
    const ticked = new Set(['n', 'p']);
    expect(acceptedIds(items, ticked)).toEqual(['p']);
    expect(rejectedIds(items, ticked)).toEqual([]);
    expect(acceptedCount(items, ticked)).toBe(2);
    expect(acceptedCount(items, new Set(['n']))).toBe(1);
  });
});
