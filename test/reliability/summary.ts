/**
 * The reliability summary printed at the end of `npm run test:reliability`.
 *
 * ── How to add your figures (the hook) ──────────────────────────────────────
 * Any test run by the reliability suite (files matching test/reliability/**\/*.test.ts,
 * see vitest.reliability.config.ts) can add counts to this summary:
 *
 *   import { recordCounts } from '../support/reliability-counts';
 *   recordCounts('contract fuzzing (fast-check)', { badInputsTried: 34_000 });
 *   recordCounts('browser host security', { securityChecksPassed: 12 });
 *
 * Record only after your assertions passed. Known keys, summed over all suites:
 * faultsInjected, faultsSurvived, badInputsTried, acknowledgedWrites,
 * acknowledgedLost (must stay 0), securityChecksPassed. Any other numeric key
 * is listed under its suite. Calls with the same suite name are added together.
 * The runner (test/reliability/run.ts) points FIELDMARK_RELIABILITY_COUNTS_DIR at
 * a fresh temp folder where each test process appends JSON lines; outside the
 * runner recordCounts does nothing.
 * ────────────────────────────────────────────────────────────────────────────
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface Totals {
  faultsInjected: number;
  faultsSurvived: number;
  badInputsTried: number;
  acknowledgedWrites: number;
  acknowledgedLost: number;
  securityChecksPassed: number;
}

export interface Summary {
  totals: Totals;
  suites: Map<string, Record<string, number>>;
}

const KNOWN: Array<[keyof Totals, string]> = [
  ['faultsInjected', 'Faults injected'],
  ['faultsSurvived', 'Faults survived'],
  ['badInputsTried', 'Bad inputs tried'],
  ['acknowledgedWrites', 'Acknowledged annotation writes checked'],
  ['acknowledgedLost', 'Acknowledged annotations lost'],
  ['securityChecksPassed', 'Security checks passed'],
];

/** Adds up every counts file in `dir`. */
export function aggregate(dir: string): Summary {
  const totals: Totals = { faultsInjected: 0, faultsSurvived: 0, badInputsTried: 0, acknowledgedWrites: 0, acknowledgedLost: 0, securityChecksPassed: 0 };
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

const fmt = (n: number) => n.toLocaleString('en-US');

/** The summary block, as printed. */
export function formatSummary(summary: Summary, testsPassed: boolean): string {
  const { totals, suites } = summary;
  const width = 44;
  const lines = ['', '═'.repeat(20) + ' Fieldmark reliability summary ' + '═'.repeat(20)];
  for (const [key, label] of KNOWN) {
    const note = key === 'securityChecksPassed' && totals[key] === 0 ? ' (none recorded by this suite)' : key === 'acknowledgedLost' ? ' (must be 0)' : '';
    lines.push(`${`${label} `.padEnd(width, '.')} ${fmt(totals[key])}${note}`);
  }
  lines.push('', 'By suite:');
  for (const [suite, counts] of [...suites].sort(([a], [b]) => a.localeCompare(b))) {
    const parts = Object.entries(counts).map(([k, v]) => `${k} ${fmt(v)}`);
    lines.push(`  ${suite}: ${parts.join(', ')}`);
  }
  const ok = testsPassed && totals.acknowledgedLost === 0 && totals.faultsSurvived === totals.faultsInjected;
  lines.push('', `Result: ${ok ? 'PASS' : 'FAIL'}${testsPassed ? '' : ' (some tests failed; see above)'}`, '═'.repeat(71), '');
  return lines.join('\n');
}
