/**
 * Mutation tests of the SIGKILL checker (issue 10, item 2): the honest disk
 * passes, and each way of breaking a promise — a dropped acknowledged edit, an
 * older note replayed, a lost creation — is reported. The lines go through the
 * writer's own format (formatEvent/parseEvent), as in the real test.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkAfterKill, EMPTY_LOG, type AckLog, type DiskAnnotation } from '../../support/crash-check';
import { formatEvent, parseEvent, revNote, type CrashEvent, type Rev } from '../../support/crash-log';

const a = randomUUID();
const b = randomUUID();
const rev = (run: number, n: number): Rev => ({ run, n });
const created = (id: string): CrashEvent => ({ kind: 'created', id });
const editing = (id: string, r: Rev): CrashEvent => ({ kind: 'editing', id, rev: r });
const edited = (id: string, r: Rev): CrashEvent => ({ kind: 'edited', id, rev: r });
/** An edit handed to the store and acknowledged, as the writer prints it. */
const edit = (id: string, r: Rev): CrashEvent[] => [editing(id, r), edited(id, r)];

/** The events as the real loop sees them: printed by the writer, parsed by the checker. */
const throughTheWire = (events: CrashEvent[]) => events.map((e) => parseEvent(formatEvent(e)));
const check = (disk: DiskAnnotation[], events: CrashEvent[], before: AckLog = EMPTY_LOG) => checkAfterKill(disk, before, throughTheWire(events));
const problems = (disk: DiskAnnotation[], events: CrashEvent[], before?: AckLog) => check(disk, events, before).violations.map((v) => v.problem);

/** Run 7 creates a and b, then edits a to 7.1 … 7.5, each acknowledged. */
const run7 = [created(a), created(b), ...[1, 2, 3, 4, 5].flatMap((n) => edit(a, rev(7, n)))];

describe('the SIGKILL checker', () => {
  it('finds nothing wrong with the honest disk: every creation, and the latest acknowledged edit', () => {
    const result = check([{ id: a, note: revNote(rev(7, 5)) }, { id: b, note: 'note 1' }], run7);
    expect(result.violations).toEqual([]);
    expect(result.creationsAcknowledged).toBe(2);
    expect(result.editsChecked).toBe(1);
  });

  it('accepts a later edit that was in flight when the writer died, and holds the disk to it afterwards', () => {
    const events = [...run7, editing(a, rev(7, 6))];
    const result = check([{ id: a, note: revNote(rev(7, 6)) }, { id: b, note: 'note 1' }], events);
    expect(result.violations).toEqual([]);
    expect(problems([{ id: a, note: revNote(rev(7, 5)) }, { id: b, note: 'note 1' }], [], result.log)).toHaveLength(1);
  });

  it('reports an acknowledged edit rolled back from 5 to 3 in the same run', () => {
    expect(problems([{ id: a, note: revNote(rev(7, 3)) }, { id: b, note: 'note 1' }], run7)).toEqual(['holds "rev 7.3", older than the acknowledged "rev 7.5"']);
  });

  it('reports a dropped last acknowledged edit, even when the note is back to its original text', () => {
    expect(problems([{ id: a, note: revNote(rev(7, 4)) }, { id: b, note: 'note 1' }], run7)).toHaveLength(1);
    expect(problems([{ id: a, note: 'note 0' }, { id: b, note: 'note 1' }], run7)).toEqual(['holds "note 0", older than the acknowledged "rev 7.5"']);
  });

  it('reports an older note replayed after a later kill', () => {
    const after7 = check([{ id: a, note: revNote(rev(7, 5)) }, { id: b, note: 'note 1' }], run7).log;
    expect(problems([{ id: a, note: revNote(rev(7, 2)) }, { id: b, note: 'note 1' }], [], after7)).toHaveLength(1);
  });

  it('reports an edit that was in flight in an earlier run and shows up only later', () => {
    const events = [...run7, editing(b, rev(7, 6))];
    const after7 = check([{ id: a, note: revNote(rev(7, 5)) }, { id: b, note: 'note 1' }], events).log;
    expect(problems([{ id: a, note: revNote(rev(7, 5)) }, { id: b, note: revNote(rev(7, 6)) }], [], after7)).toEqual([
      'holds "rev 7.6", which no acknowledged or in-flight edit wrote',
    ]);
  });

  it('does not let an in-flight edit stand in for a later acknowledged one', () => {
    const events = [created(a), editing(a, rev(8, 1)), ...edit(a, rev(8, 2))];
    expect(problems([{ id: a, note: revNote(rev(8, 1)) }], events)).toHaveLength(1);
  });

  it('reports an acknowledged creation that is missing, from this kill or an earlier one', () => {
    expect(problems([{ id: b, note: 'note 1' }], [created(a), created(b)])).toEqual(['an acknowledged creation is missing']);
    const earlier = check([{ id: a, note: 'note 0' }], [created(a)]).log;
    expect(problems([], [], earlier)).toEqual(['an acknowledged creation is missing']);
  });

  it('reports a lost link and an assessment rolled back to an older rationale (issue 14)', () => {
    const link = randomUUID();
    const events: CrashEvent[] = [created(a), { kind: 'linked', id: link }, ...edit('rec-3', rev(9, 1)), ...edit('rec-3', rev(9, 2))];
    expect(check([{ id: a, note: 'n' }, { id: link, note: '' }, { id: 'rec-3', note: revNote(rev(9, 2)) }], events)).toMatchObject({ violations: [], linksAcknowledged: 1, creationsAcknowledged: 1 });
    expect(problems([{ id: a, note: 'n' }, { id: 'rec-3', note: revNote(rev(9, 2)) }], events)).toEqual(['an acknowledged creation is missing']);
    expect(problems([{ id: a, note: 'n' }, { id: link, note: '' }, { id: 'rec-3', note: revNote(rev(9, 1)) }], events)).toEqual([`holds "rev 9.1", older than the acknowledged "rev 9.2"`]);
  });
});

describe('the crash writer’s line format', () => {
  it('reads back every line it writes', () => {
    const events: CrashEvent[] = [{ kind: 'ready' }, created(a), editing(a, rev(50_001, 12)), edited(a, rev(50_001, 12)), { kind: 'linked', id: b }, editing('rec-12', rev(50_001, 13)), edited('rec-12', rev(50_001, 13))];
    expect(throughTheWire(events)).toEqual(events);
  });

  it('refuses a line it cannot read instead of skipping it (the old `U <id> <n>` form)', () => {
    expect(() => parseEvent(`U ${a} 5`)).toThrow(/cannot read/);
    expect(() => parseEvent(`U ${a} 7.x`)).toThrow(/cannot read/);
    expect(() => parseEvent(`C ${a} extra`)).toThrow(/cannot read/);
    expect(() => parseEvent('')).toThrow(/cannot read/);
    expect(() => parseEvent(`L ${a} 1.1`)).toThrow(/cannot read/);
    expect(() => parseEvent('E rec-x 1.1')).toThrow(/cannot read/);
  });
});
