/**
 * The reliability summary printed at the end of `npm run test:reliability`.
 *
 * ── How to add your figures (the hook) ──────────────────────────────────────
 * Any test run by the reliability suite (files matching test/reliability/**\/*.test.ts,
 * see vitest.reliability.config.ts) can add counts to this summary:
 *
 *   import { recordCounts } from '../support/reliability-counts';
 *   recordCounts('contract fuzzing (fast-check)', { badInputsRefused: 33_649, validInputsAccepted: 2_351 });
 *   recordCounts('browser host security', { securityChecksPassed: 12 });
 *
 * Record only after your assertions passed (a loss, `acknowledgedLost`, as soon
 * as it is measured). The units in UNIT_LABELS are summed over all suites, each on its
 * own line; never add different units into one figure. Any other numeric key is
 * listed under its suite. Calls with the same suite name are added together.
 * The runner (test/reliability/run.ts) points FIELDMARK_RELIABILITY_COUNTS_DIR at
 * a fresh temp folder where each test process appends JSON lines; outside the
 * runner recordCounts does nothing.
 * ────────────────────────────────────────────────────────────────────────────
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { UnitCounts } from '../support/reliability-counts';

/** The totalled units, in print order, with the label each is printed under (one per unit, none left out). */
export const UNIT_LABELS = {
  sigkills: 'Writer processes killed (SIGKILL)',
  powerCuts: 'Simulated power cuts (one per file-system call)',
  syscallFaults: 'File-system calls failed on purpose',
  diskConditions: 'Full disks and read-only folders',
  lockConflicts: 'Second hosts refused by the folder lock',
  badInputsRefused: 'Bad inputs refused',
  validInputsAccepted: 'Valid inputs accepted',
  acknowledgedWrites: 'Acknowledged writes checked',
  acknowledgedLost: 'Acknowledged annotations lost',
  securityChecksPassed: 'Security checks passed',
} as const satisfies Record<keyof UnitCounts, string>;

type Unit = keyof typeof UNIT_LABELS;
export type Totals = Record<Unit, number>;

export interface Summary {
  totals: Totals;
  suites: Map<string, Record<string, number>>;
}

const UNITS = Object.entries(UNIT_LABELS) as Array<[Unit, string]>;
const LABELS = new Map<string, string>(UNITS);

/** Adds up every counts file in `dir`. */
export function aggregate(dir: string): Summary {
  const totals = Object.fromEntries(UNITS.map(([key]) => [key, 0])) as Totals;
  const suites = new Map<string, Record<string, number>>();
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.jsonl')).sort()) {
    for (const line of readFileSync(path.join(dir, name), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const { suite, counts } = JSON.parse(line) as { suite: string; counts: Record<string, unknown> };
      const into = suites.get(suite) ?? {};
      for (const [key, value] of Object.entries(counts)) {
        if (typeof value !== 'number' || !Number.isFinite(value)) continue;
        into[key] = (into[key] ?? 0) + value;
        if (key in totals) totals[key as keyof Totals] += value;
      }
      suites.set(suite, into);
    }
  }
  return { totals, suites };
}

/** The run passes only if every test passed and no acknowledged annotation was lost. */
export function passed(summary: Summary, testsPassed: boolean): boolean {
  return testsPassed && summary.totals.acknowledgedLost === 0;
}

const fmt = (n: number) => n.toLocaleString('en-US');
const WIDTH = 58;
const row = (indent: string, label: string, value: string) => `${indent}${`${label} `.padEnd(WIDTH - indent.length, '.')} ${value}`;

/** Suites that ran on a protected store (issue 16) say so at the end of their name. */
export const ENCRYPTED_SUITE_MARK = 'encrypted store';

/** The main figures summed separately over plain-store and encrypted-store suites. */
export function byStoreKind(summary: Summary): Record<'plain' | 'encrypted', Partial<Totals>> {
  const out: Record<'plain' | 'encrypted', Partial<Totals>> = { plain: {}, encrypted: {} };
  const keys: Unit[] = ['sigkills', 'powerCuts', 'syscallFaults', 'acknowledgedWrites', 'acknowledgedLost'];
  for (const [suite, counts] of summary.suites) {
    const into = out[suite.endsWith(ENCRYPTED_SUITE_MARK) ? 'encrypted' : 'plain'];
    for (const key of keys) if (typeof counts[key] === 'number') into[key] = (into[key] ?? 0) + counts[key];
  }
  return out;
}

/** The summary block, as printed: one line per unit, then one line per figure of each suite. */
export function formatSummary(summary: Summary, testsPassed: boolean): string {
  const { totals, suites } = summary;
  const lines = ['', '═'.repeat(20) + ' Fieldmark reliability summary ' + '═'.repeat(20)];
  for (const [key, label] of UNITS) {
    const note = key === 'acknowledgedLost' ? ' (must be 0)' : totals[key] === 0 ? ' (none recorded)' : '';
    lines.push(row('', label, `${fmt(totals[key])}${note}`));
  }
  const kinds = byStoreKind(summary);
  lines.push('', 'By store kind (plain / encrypted, issue 16):');
  for (const key of ['sigkills', 'powerCuts', 'syscallFaults', 'acknowledgedWrites', 'acknowledgedLost'] as const) {
    lines.push(row('  ', UNIT_LABELS[key], `${fmt(kinds.plain[key] ?? 0)} / ${fmt(kinds.encrypted[key] ?? 0)}`));
  }
  lines.push('', 'By suite:');
  for (const [suite, counts] of [...suites].sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(`  ${suite}`);
    for (const [key, value] of Object.entries(counts)) lines.push(row('    ', LABELS.get(key) ?? key, fmt(value)));
  }
  const ok = passed(summary, testsPassed);
  lines.push('', `Result: ${ok ? 'PASS' : 'FAIL'}${testsPassed ? '' : ' (some tests failed; see above)'}`, '═'.repeat(71), '');
  return lines.join('\n');
}
