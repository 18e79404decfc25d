/**
 * The power-loss test's checker (test/reliability/power-loss.test.ts), as pure
 * functions so that it can itself be tested (test/unit/support/power-loss-check.test.ts).
 * What must be on a disk rebuilt after a power cut comes only from what was
 * acknowledged, never from what the disk happens to hold: issue 10 found
 * scenario 3 reading its "must have" list back from the disk under test, so a
 * dropped acknowledged annotation could not be noticed.
 */

/** What a crashed session had acknowledged when the power went. */
export interface SessionAcks {
  ids: Set<string>;
  /** For the annotation being edited: every note attempted, in order, and how many were acknowledged. */
  notes: string[];
  notesAcked: number;
  editedId: string | null;
}

/** The disk a scenario starts from: `seeded` ids were put there by the test; `acked` ones a session acknowledged. */
export interface PreparedDisk {
  seeded: readonly string[];
  acked: readonly string[];
}

export interface PowerLossExpectation {
  mustHave: ReadonlySet<string>;
  edit: { id: string; notes: readonly string[]; acked: number } | null;
}

export function emptyAcks(): SessionAcks {
  return { ids: new Set(), notes: [], notesAcked: 0, editedId: null };
}

/** Everything that must survive: the starting disk's ids and every acknowledgement of the crashed session. */
export function expectationFor(prepared: PreparedDisk, acks: SessionAcks): PowerLossExpectation {
  return {
    mustHave: new Set([...prepared.seeded, ...prepared.acked, ...acks.ids]),
    edit: acks.editedId && acks.notesAcked > 0 ? { id: acks.editedId, notes: acks.notes, acked: acks.notesAcked } : null,
  };
}

/** The broken promises on a rebuilt disk, one line each (empty when it holds everything acknowledged). */
export function powerLossViolations(disk: ReadonlyArray<{ id: string; note: string }>, expected: PowerLossExpectation): string[] {
  const byId = new Map(disk.map((a) => [a.id, a.note]));
  const violations: string[] = [];
  for (const id of expected.mustHave) if (!byId.has(id)) violations.push(`acknowledged annotation ${id} is missing`);
  if (expected.edit) {
    const { id, notes, acked } = expected.edit;
    const note = byId.get(id);
    // The last acknowledged note, or a later one that reached the disk before the power went.
    const reported = note === undefined && expected.mustHave.has(id);
    if (!reported && (note === undefined || notes.indexOf(note) < acked - 1)) {
      violations.push(`edited annotation ${id} holds ${JSON.stringify(note ?? null)}, not the acknowledged ${JSON.stringify(notes[acked - 1])} or later`);
    }
  }
  return violations;
}
