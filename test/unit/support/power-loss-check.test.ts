/**
 * Mutation tests of the power-loss checker (issue 10, item 2): a rebuilt disk
 * that holds everything acknowledged passes; a dropped acknowledged id or a
 * rolled-back edit is reported — including scenario 3's case, where the ids
 * were acknowledged by the session before the one that lost power.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { emptyAcks, expectationFor, powerLossViolations } from '../../support/power-loss-check';

const ids = (n: number) => Array.from({ length: n }, () => randomUUID());
const onDisk = (list: string[], note = 'note') => list.map((id) => ({ id, note }));

describe('the power-loss checker', () => {
  const seeded = ids(3);
  const earlier = ids(4);

  it('scenario 3: passes a disk that holds the seeded ids and every id the previous session acknowledged', () => {
    const expected = expectationFor({ seeded, acked: earlier }, emptyAcks());
    expect(powerLossViolations(onDisk([...seeded, ...earlier]), expected)).toEqual([]);
  });

  it('scenario 3: reports an id the previous session acknowledged that the disk dropped', () => {
    const expected = expectationFor({ seeded, acked: earlier }, emptyAcks());
    const dropped = earlier[3]!;
    expect(powerLossViolations(onDisk([...seeded, ...earlier.slice(0, 3)]), expected)).toEqual([`acknowledged annotation ${dropped} is missing`]);
  });

  it('reports a creation the crashed session acknowledged that the disk dropped, but not one it never acknowledged', () => {
    const acks = emptyAcks();
    const [saved, unsaved] = ids(2);
    acks.ids.add(saved!);
    const expected = expectationFor({ seeded, acked: [] }, acks);
    expect(powerLossViolations(onDisk(seeded), expected)).toHaveLength(1);
    expect(powerLossViolations(onDisk([...seeded, saved!]), expected)).toEqual([]);
    expect(expected.mustHave.has(unsaved!)).toBe(false);
  });

  it('holds an edited note to its last acknowledged value or a later attempt', () => {
    const acks = { ...emptyAcks(), editedId: seeded[0]!, notes: ['edited 0', 'edited 1'], notesAcked: 1 };
    const expected = expectationFor({ seeded, acked: [] }, acks);
    const withNote = (note: string) => [{ id: seeded[0]!, note }, ...onDisk(seeded.slice(1))];
    expect(powerLossViolations(withNote('edited 0'), expected)).toEqual([]);
    expect(powerLossViolations(withNote('edited 1'), expected)).toEqual([]);
    expect(powerLossViolations(withNote('note 0'), expected)).toHaveLength(1);
  });

  it('expects nothing of an edit none of whose notes was acknowledged', () => {
    const acks = { ...emptyAcks(), editedId: seeded[0]!, notes: ['edited 0'], notesAcked: 0 };
    expect(expectationFor({ seeded, acked: [] }, acks).edit).toBeNull();
  });
});
