/**
 * `npm run test:security`: Electronegativity over the sources and the scan of
 * the built renderer for external URLs. Prints what was checked and exits
 * non-zero on any unexpected finding. `runSecurityChecks()` returns the counts
 * for the reliability summary.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { runElectronegativity, type Allowlist } from './electronegativity-check';
import { scanRenderer, type UrlAllowEntry } from './renderer-url-scan';

const REPO = path.resolve(import.meta.dirname, '../..');

export interface SecuritySummary {
  passed: number;
  failed: number;
  lines: string[];
}

/** Runs both checks; each counts as one security check passed or failed. */
export async function runSecurityChecks(repoRoot = REPO): Promise<SecuritySummary> {
  const lines: string[] = [];
  let passed = 0;
  let failed = 0;

  const engAllowlist = JSON.parse(await readFile(path.join(import.meta.dirname, 'electronegativity-allowlist.json'), 'utf8')) as Allowlist;
  const eng = await runElectronegativity(repoRoot, engAllowlist);
  const engOk = eng.checks > 0 && eng.unexpected.length === 0 && eng.parseErrors.length === 0;
  lines.push(
    `Electronegativity: ${eng.checks} checks over main/ and preload/, ${eng.findings.length} findings, ${eng.findings.length - eng.unexpected.length} on the reasoned allowlist, ${eng.unexpected.length} unexpected — ${engOk ? 'passed' : 'FAILED'}`,
  );
  if (eng.checks === 0) lines.push('  Electronegativity loaded no checks; see its output.');
  for (const f of eng.unexpected) lines.push(`  ${f.id} at ${f.file ?? '(global)'}:${f.line} — ${f.message}`);
  for (const e of eng.parseErrors) lines.push(`  ${e}`);
  for (const s of eng.stale) lines.push(`  note: allowlist entry ${s.id} (${s.file ?? 'global'}) no longer matches anything; remove it.`);
  if (engOk) passed++;
  else failed++;

  const rendererDir = path.join(repoRoot, 'out', 'renderer');
  if (!existsSync(path.join(rendererDir, 'index.html'))) {
    lines.push('Renderer URL scan: out/renderer is not built (run `npm run build`) — FAILED');
    failed++;
  } else {
    const urlAllowlist = (JSON.parse(await readFile(path.join(import.meta.dirname, 'renderer-url-allowlist.json'), 'utf8')) as { allowed: UrlAllowEntry[] }).allowed;
    const scan = await scanRenderer(rendererDir, urlAllowlist);
    const ok = scan.files > 0 && scan.unexpected.length === 0;
    lines.push(
      `Renderer URL scan: ${scan.files} files in out/renderer, ${scan.urls.length} URL-like strings, all but ${scan.unexpected.length} provably not requests — ${ok ? 'passed' : 'FAILED'}`,
    );
    for (const hit of scan.unexpected) lines.push(`  external URL ${hit.url} in ${hit.file}`);
    if (ok) passed++;
    else failed++;
  }
  return { passed, failed, lines };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const summary = await runSecurityChecks();
  for (const line of summary.lines) console.log(line);
  console.log(`Security checks passed: ${summary.passed} of ${summary.passed + summary.failed}`);
  process.exitCode = summary.failed === 0 ? 0 : 1;
}
