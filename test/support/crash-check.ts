/**
 * The SIGKILL test's checker, as a pure function so that it can itself be
 * tested (test/unit/support/crash-check.test.ts): given the annotations found on
 * disk after a kill, what earlier kills established, and the lines the killed
 * writer printed, it lists every broken promise:
 *
 * - every acknowledged creation is on disk, and every acknowledged link, live;
 * - every assessment (by `rec-N`) holds its latest acknowledged rationale, by
 *   the same rule as a note below (the caller lists it as an id and a note);
 * - every edited annotation holds its latest acknowledged note, or a later edit
 *   that the killed writer had already handed to the store (in flight) — never
 *   an older note, and never a note no writer was writing when it was killed.
 */
import { compareRevs, parseRevNote, revNote, sameRev, type CrashEvent, type Rev } from './crash-log';

/** What the writers have acknowledged so far, across kills. */
export interface AckLog {
  created: ReadonlySet<string>;
  /** Each edited annotation's latest acknowledged note, or a later in-flight one that a check found on disk. */
  latest: ReadonlyMap<string, Rev>;
}

export const EMPTY_LOG: AckLog = { created: new Set(), latest: new Map() };

export interface DiskAnnotation {
  id: string;
  note: string;
}

export interface Violation {
  id: string;
  problem: string;
}

export interface KillCheck {
  violations: Violation[];
  /** What the next kill is checked against. */
  log: AckLog;
  /** Creations the killed writer acknowledged. */
  creationsAcknowledged: number;
  /** Links the killed writer acknowledged. */
  linksAcknowledged: number;
  /** Annotations whose latest acknowledged edit (from the killed writer) this check compared with the disk. */
  editsChecked: number;
}

/** Folds the killed writer's lines into the log; returns the edits it had in flight, per annotation. */
function fold(before: AckLog, events: readonly CrashEvent[]) {
  const created = new Set(before.created);
  const latest = new Map(before.latest);
  const inFlight = new Map<string, Rev[]>();
  const editedNow = new Set<string>();
  let creations = 0;
  let links = 0;
  for (const event of events) {
    if (event.kind === 'created') {
      created.add(event.id);
      creations++;
    } else if (event.kind === 'linked') {
      created.add(event.id);
      links++;
    } else if (event.kind === 'editing') {
      inFlight.set(event.id, [...(inFlight.get(event.id) ?? []), event.rev]);
    } else if (event.kind === 'edited') {
      const known = latest.get(event.id);
      if (!known || compareRevs(event.rev, known) > 0) latest.set(event.id, event.rev);
      editedNow.add(event.id);
    }
  }
  return { created, latest, inFlight, editedNow, creations, links };
}

/** Checks the disk after one kill; see the module comment for the rules. */
export function checkAfterKill(disk: readonly DiskAnnotation[], before: AckLog, events: readonly CrashEvent[]): KillCheck {
  const { created, latest, inFlight, editedNow, creations, links } = fold(before, events);
  const byId = new Map(disk.map((a) => [a.id, a.note]));
  const violations: Violation[] = [];
  for (const id of created) if (!byId.has(id)) violations.push({ id, problem: 'an acknowledged creation is missing' });
  const withRevNotes = disk.filter((a) => parseRevNote(a.note)).map((a) => a.id);
  for (const id of new Set([...latest.keys(), ...inFlight.keys(), ...withRevNotes])) {
    const acked = latest.get(id);
    const note = byId.get(id);
    if (note === undefined) {
      if (acked && !created.has(id)) violations.push({ id, problem: `an annotation with an acknowledged edit (${revNote(acked)}) is missing` });
      continue;
    }
    const stored = parseRevNote(note);
    if (acked && stored && sameRev(stored, acked)) continue;
    const landedInFlight = stored && inFlight.get(id)?.some((rev) => sameRev(rev, stored)) && (!acked || compareRevs(stored, acked) > 0);
    if (stored && landedInFlight) {
      latest.set(id, stored); // it is on disk now, so nothing older may come back later
      continue;
    }
    if (acked) {
      const older = !stored || compareRevs(stored, acked) < 0;
      violations.push({ id, problem: `holds ${JSON.stringify(note)}${older ? ', older than' : ' instead of'} the acknowledged ${JSON.stringify(revNote(acked))}` });
    } else if (stored) {
      violations.push({ id, problem: `holds ${JSON.stringify(note)}, which no acknowledged or in-flight edit wrote` });
    }
  }
  return { violations, log: { created, latest }, creationsAcknowledged: creations, linksAcknowledged: links, editsChecked: editedNow.size };
}
