/**
 * The one line format that test/support/crash-writer.ts prints and
 * test/support/crash-loop.ts reads back. Both sides use these functions, so the
 * writer cannot print an edit in a form the checker misreads (issue 10: the
 * writer printed `U <id> <n>` while the checker parsed `<run>.<n>`, and every
 * edit became NaN). A line that does not parse is an error, never skipped.
 *
 *   `ready`            the store is open
 *   `C <id>`           a creation was acknowledged
 *   `E <id> <run>.<n>` an edit to note `rev <run>.<n>` was handed to the store (not yet acknowledged)
 *   `U <id> <run>.<n>` that edit was acknowledged
 *   `L <id>`           a link (issue 14) was acknowledged; it must stay on disk, live
 *
 * An edit's id is an annotation's, or a recommendation's (`rec-N`) for an
 * assessment whose rationale the writer set to `rev <run>.<n>`.
 */

/** A note revision written by the crash writer: the n-th edit of run `run`. */
export interface Rev {
  run: number;
  n: number;
}

export type CrashEvent =
  | { kind: 'ready' }
  | { kind: 'created'; id: string }
  | { kind: 'linked'; id: string }
  | { kind: 'editing'; id: string; rev: Rev }
  | { kind: 'edited'; id: string; rev: Rev };

const REV = /^(\d+)\.(\d+)$/;
const NOTE = /^rev (\d+)\.(\d+)$/;
const ID = /^(?:[0-9a-f-]{36}|rec-\d{1,2})$/;

/** The note text the writer stores for `rev`. */
export function revNote(rev: Rev): string {
  return `rev ${rev.run}.${rev.n}`;
}

/** The revision a stored note holds, or null for a note the writer did not write. */
export function parseRevNote(note: string): Rev | null {
  const match = NOTE.exec(note);
  return match ? { run: Number(match[1]), n: Number(match[2]) } : null;
}

/** Orders revisions: runs count up across kills, edits count up within a run. */
export function compareRevs(a: Rev, b: Rev): number {
  return a.run - b.run || a.n - b.n;
}

export function sameRev(a: Rev, b: Rev): boolean {
  return compareRevs(a, b) === 0;
}

/** The line for `event`, without its newline. */
export function formatEvent(event: CrashEvent): string {
  switch (event.kind) {
    case 'ready':
      return 'ready';
    case 'created':
      return `C ${event.id}`;
    case 'linked':
      return `L ${event.id}`;
    case 'editing':
      return `E ${event.id} ${event.rev.run}.${event.rev.n}`;
    case 'edited':
      return `U ${event.id} ${event.rev.run}.${event.rev.n}`;
  }
}

/** Reads one line back; throws on anything that is not exactly a line `formatEvent` makes. */
export function parseEvent(line: string): CrashEvent {
  if (line === 'ready') return { kind: 'ready' };
  const [kind, id, rev, ...rest] = line.split(' ');
  if (rest.length === 0 && id !== undefined && ID.test(id)) {
    if (kind === 'C' && rev === undefined) return { kind: 'created', id };
    if (kind === 'L' && rev === undefined) return { kind: 'linked', id };
    const match = rev === undefined ? null : REV.exec(rev);
    if (match && (kind === 'E' || kind === 'U')) {
      return { kind: kind === 'E' ? 'editing' : 'edited', id, rev: { run: Number(match[1]), n: Number(match[2]) } };
    }
  }
  throw new Error(`crash-writer printed a line the checker cannot read: ${JSON.stringify(line)}`);
}
