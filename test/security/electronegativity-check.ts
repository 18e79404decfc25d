/**
 * Runs Electronegativity (https://github.com/doyensec/electronegativity) over
 * the sources of the main process and the preload. Its CLI's exit code is
 * always 0, so this uses its programmatic API (the same scan, with the
 * findings and parse errors as data) and fails on any finding that is not on
 * the reasoned allowlist, and on any file it could not parse.
 */
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface Finding {
  id: string;
  file: string | null;
  line: number;
  message: string;
}

export interface AllowEntry {
  id: string;
  file: string | null;
  reason: string;
}

export interface Allowlist {
  excludedChecks: Array<{ check: string; reason: string }>;
  allowed: AllowEntry[];
}

/** An issue as Electronegativity's programmatic API reports it. */
export interface EngIssue {
  id: string;
  file: string;
  location: { line: number; column: number };
  description: string;
}

/** Our view of an issue: global checks report no real file. */
export function toFinding(issue: EngIssue): Finding {
  const file = issue.file && issue.file !== 'N/A' ? issue.file.split(path.sep).join('/') : null;
  return { id: issue.id, file, line: issue.location?.line ?? 0, message: issue.description };
}

/** Findings that no allowlist entry covers (same check id and same file). */
export function unexpectedFindings(findings: readonly Finding[], allowlist: Allowlist): Finding[] {
  return findings.filter((f) => !allowlist.allowed.some((a) => a.id === f.id && a.file === f.file));
}

/** Allowlist entries that matched nothing (worth removing). */
export function staleEntries(findings: readonly Finding[], allowlist: Allowlist): AllowEntry[] {
  return allowlist.allowed.filter((a) => !findings.some((f) => a.id === f.id && a.file === f.file));
}

export interface ElectronegativityResult {
  checks: number;
  findings: Finding[];
  unexpected: Finding[];
  stale: AllowEntry[];
  parseErrors: string[];
}

interface EngRun {
  globalChecks: number;
  atomicChecks: number;
  errors: Array<{ file: string; message: string; tolerable: boolean }>;
  issues: EngIssue[];
}

/** Runs the tool on copies of main/ and preload/ and checks what it found against the allowlist. */
export async function runElectronegativity(repoRoot: string, allowlist: Allowlist): Promise<ElectronegativityResult> {
  const require = createRequire(import.meta.url);
  const run = require('@doyensec/electronegativity') as (options: Record<string, unknown>) => Promise<EngRun>;
  const electronVersion = (JSON.parse(await readFile(require.resolve('electron/package.json'), 'utf8')) as { version: string }).version;
  const work = await mkdtemp(path.join(tmpdir(), 'fieldmark-eng-'));
  const log = console.log;
  try {
    const src = path.join(work, 'src');
    await cp(path.join(repoRoot, 'main'), path.join(src, 'main'), { recursive: true });
    await cp(path.join(repoRoot, 'preload'), path.join(src, 'preload'), { recursive: true });
    // The tool chats on the console (e.g. about fetching translations); keep the summary readable.
    console.log = () => undefined;
    const result = await run({
      input: src,
      isRelative: true,
      electronVersionOverride: electronVersion,
      excludeFromScan: allowlist.excludedChecks.map((c) => c.check),
    });
    const findings = result.issues.map(toFinding);
    return {
      checks: result.globalChecks + result.atomicChecks,
      findings,
      unexpected: unexpectedFindings(findings, allowlist),
      stale: staleEntries(findings, allowlist),
      parseErrors: result.errors.filter((e) => !e.tolerable).map((e) => `${e.file}: ${e.message}`),
    };
  } finally {
    console.log = log;
    await rm(work, { recursive: true, force: true });
  }
}
