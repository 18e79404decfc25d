/**
 * `npm run bench`: Fieldmark's real code against pinned peers, side by side, in
 * Node (B2, B5, B6, B7) and in headless Chromium (B1, B3, B4). Prints a table
 * and writes bench-results.json in the working directory. Fixtures are
 * generated from fixed seeds, so every run measures the same work.
 */
import path from 'node:path';
import { generateAnnotations } from './fixtures/annotations';
import { benchCodebookAnalysis } from './node/b9-codebook';
import { concatenatedReport, loadBenchReport } from './fixtures/report';
import { reviseReport } from './fixtures/revised';
import { benchBrowser } from './browser/browser-cases';
import { benchApp } from './app/b12';
import { machineInfo } from './harness/machine';
import { machineLine, resultsTable, writeResults, type CaseResult } from './harness/results';
import { benchReanchor } from './node/b2-reanchor';
import { benchStore } from './node/b5-b6-store';
import { benchExport } from './node/b7-export';
import { benchBriefingDocx } from './briefing/b10-docx';
import { benchBriefingPdf } from './briefing/b10-pdf';
import { REPO_ROOT } from './fixtures/report';
import { benchEncryption } from './node/b11-encryption';

/** Kept samples per contender, after one warm-up round (harness/measure.ts: alternate). */
const RUNS = 7;
/**
 * Kept samples for the slowest sides, which take seconds per run: the peers of
 * B1 (Hypothesis-style), B2, B3, B4 and B5-rapid100, and both sides of the
 * 100,000-annotation cases. Their runs are spread over the same alternating
 * rounds as the others' (the faster side takes 2–3 turns per round).
 */
const SLOW_RUNS = 3;

const started = performance.now();
const log = (line: string) => process.stderr.write(`[bench ${((performance.now() - started) / 1000).toFixed(0).padStart(3)} s] ${line}\n`);

log('generating fixtures…');
const report = await loadBenchReport();
const big = concatenatedReport(report, 100);
const set1k = generateAnnotations(report, 1_000);
const set10k = generateAnnotations(report, 10_000);
const revised = reviseReport(report);

const results: CaseResult[] = [];
log('B2: re-anchor 10,000 annotations…');
results.push(...(await benchReanchor(report.text, set10k, revised, RUNS, SLOW_RUNS)));
log('B5, B6: store writes and cold loads…');
// The 100,000 set (~70 MB) is made for each use and dropped after, so that it does
// not weigh on the garbage collector while anything else is measured.
results.push(...(await benchStore(report, set10k, () => generateAnnotations(report, 100_000), { runs: RUNS, slowRuns: SLOW_RUNS })));
log('B7: Markdown export…');
results.push(...(await benchExport(report, set10k, RUNS)));
log('B9: coding matrix and co-occurrence over 10,000 annotations and 200 codes…');
results.push(...(await benchCodebookAnalysis(report, set10k, RUNS)));
log('B11: the passphrase-protected store: save and cold load at 10,000, encrypted against plain…');
results.push(...(await benchEncryption(set10k, RUNS)));
log('B10: a briefing of 1,000 annotations to Word…');
results.push(await benchBriefingDocx(report, set1k, RUNS));
const browser = await benchBrowser(report, big, set1k, { runs: RUNS, slowRuns: SLOW_RUNS, log });
results.push(...browser.results);
log('B12: the real app at 0, 1,000 and 10,000 annotations, against the app before issue 12…');
results.push(...(await benchApp(report, { runs: RUNS, peerRuns: 5, log })).results);
// After B12, which has built the working tree (or was given one).
results.push(await benchBriefingPdf(process.env.B12_OURS_ROOT ? path.resolve(process.env.B12_OURS_ROOT) : REPO_ROOT, set1k, RUNS, log));

const order = (id: string) => Number(/^B(\d+)/.exec(id)?.[1] ?? 9);
results.sort((a, b) => order(a.id) - order(b.id));
const machine = machineInfo(browser.chromium);
const durationSeconds = Math.round((performance.now() - started) / 100) / 10;
const file = path.resolve('bench-results.json');
await writeResults(file, { generatedAt: new Date().toISOString(), durationSeconds, machine, results });

process.stdout.write(`\nMachine: ${machineLine(machine)}\n`);
process.stdout.write(
  `Medians of ${RUNS} kept runs per side after a warm-up round, sides alternating every round (${SLOW_RUNS} for the slowest sides, see bench-results.json).\n\n`,
);
process.stdout.write(`${resultsTable(results)}\n\n`);
const missed = results.filter((r) => !r.met).map((r) => r.id);
process.stdout.write(`${results.length - missed.length} of ${results.length} targets met${missed.length ? `; missed: ${missed.join(', ')}` : ''}.\n`);
process.stdout.write(`Wrote ${file} in ${durationSeconds} s.\n`);
