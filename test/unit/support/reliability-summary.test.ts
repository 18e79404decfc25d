/**
 * The reliability summary (issue 10, item 3): each unit on its own line, added
 * up across suites but never into another unit, and a loss fails the run.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { aggregate, byStoreKind, formatSummary, passed, UNIT_LABELS } from '../../reliability/summary';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A counts folder as the runner leaves it: one JSON line per recordCounts call. */
function countsDir(lines: Array<{ suite: string; counts: Record<string, number> }>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'fieldmark-summary-'));
  dirs.push(dir);
  writeFileSync(path.join(dir, 'counts-1.jsonl'), lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
  return dir;
}

describe('the reliability summary', () => {
  it('prints each unit on its own line, summed over suites but never into another unit', () => {
    const summary = aggregate(
      countsDir([
        { suite: 'crash', counts: { sigkills: 120, acknowledgedWrites: 400, acknowledgedLost: 0 } },
        { suite: 'power', counts: { powerCuts: 225, acknowledgedWrites: 1000 } },
        { suite: 'hosts', counts: { lockConflicts: 2 } },
        { suite: 'hosts', counts: { lockConflicts: 1 } },
        { suite: 'fuzz', counts: { badInputsRefused: 30, validInputsAccepted: 5, methods: 17 } },
      ]),
    );
    expect(summary.totals).toMatchObject({ sigkills: 120, powerCuts: 225, lockConflicts: 3, acknowledgedWrites: 1400, badInputsRefused: 30, validInputsAccepted: 5 });
    const text = formatSummary(summary, true);
    const line = (label: string) => text.split('\n').find((l) => l.startsWith(label));
    expect(line(UNIT_LABELS.sigkills)).toMatch(/ 120$/);
    expect(line(UNIT_LABELS.powerCuts)).toMatch(/ 225$/);
    expect(line(UNIT_LABELS.lockConflicts)).toMatch(/ 3$/);
    expect(line(UNIT_LABELS.acknowledgedWrites)).toMatch(/ 1,400$/);
    expect(line('Acknowledged annotations lost ...')).toMatch(/ 0 \(must be 0\)$/);
    expect(text).not.toMatch(/faults/i);
    expect(text).toContain('Result: PASS');
  });

  it('shows plain-store and encrypted-store figures apart (issue 16)', () => {
    const summary = aggregate(
      countsDir([
        { suite: 'crash', counts: { sigkills: 120, acknowledgedWrites: 400, acknowledgedLost: 0 } },
        { suite: 'crash, encrypted store', counts: { sigkills: 60, acknowledgedWrites: 150, acknowledgedLost: 0 } },
        { suite: 'power, encrypted store', counts: { powerCuts: 90 } },
      ]),
    );
    expect(byStoreKind(summary)).toEqual({
      plain: { sigkills: 120, acknowledgedWrites: 400, acknowledgedLost: 0 },
      encrypted: { sigkills: 60, acknowledgedWrites: 150, acknowledgedLost: 0, powerCuts: 90 },
    });
    const text = formatSummary(summary, true);
    const kindLine = (label: string) => text.split('\n').find((l) => l.startsWith(`  ${label} `));
    expect(kindLine(UNIT_LABELS.sigkills)).toMatch(/ 120 \/ 60$/);
    expect(kindLine(UNIT_LABELS.acknowledgedWrites)).toMatch(/ 400 \/ 150$/);
    expect(kindLine(UNIT_LABELS.acknowledgedLost)).toMatch(/ 0 \/ 0$/);
  });

  it('fails the run when an acknowledged annotation was lost, even if the tests passed', () => {
    const summary = aggregate(countsDir([{ suite: 'crash', counts: { sigkills: 10, acknowledgedLost: 1 } }]));
    expect(passed(summary, true)).toBe(false);
    expect(formatSummary(summary, true)).toContain('Result: FAIL');
  });

  it('fails the run when a test failed, whatever the figures', () => {
    const summary = aggregate(countsDir([{ suite: 'crash', counts: { sigkills: 10 } }]));
    expect(passed(summary, false)).toBe(false);
  });
});
