/**
 * `npx tsx test/bench/briefing/b10.ts` (after `npm run build`): B10 alone, both
 * rows, written to bench-results-b10.json in the working directory.
 * `npm run bench` runs the same cases among the others.
 */
import { mkdir } from 'node:fs/promises';
import { loadavg } from 'node:os';
import path from 'node:path';
import { generateAnnotations } from '../fixtures/annotations';
import { REPO_ROOT, loadBenchReport } from '../fixtures/report';
import { machineInfo } from '../harness/machine';
import { machineLine, resultsTable, writeResults } from '../harness/results';
import { benchBriefingDocx } from './b10-docx';
import { benchBriefingPdf } from './b10-pdf';

const started = performance.now();
const log = (line: string) => process.stderr.write(`[b10 ${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}\n`);
const runs = Number(process.env.B10_RUNS ?? 7);
const report = await loadBenchReport();
const set1k = generateAnnotations(report, 1_000);
log('B10: Word…');
const docx = await benchBriefingDocx(report, set1k, runs);
const pdf = await benchBriefingPdf(REPO_ROOT, set1k, runs, log);
const results = [docx, pdf];
const file = path.resolve('test-results/bench-results-b10.json');
await mkdir(path.dirname(file), { recursive: true });
await writeResults(file, { generatedAt: new Date().toISOString(), durationSeconds: Math.round((performance.now() - started) / 100) / 10, machine: machineInfo(null), results });
process.stdout.write(`\nMachine: ${machineLine(machineInfo(null))}; load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}\n\n${resultsTable(results)}\n\n${JSON.stringify(results.map((r) => r.details), null, 1)}\nWrote ${file}.\n`);
