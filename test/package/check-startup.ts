/**
 * Step 6 of test:package: app.asar extracted to a temp folder and its main
 * started under Node (start-packaged.ts) twice: once told `--data-dir`, once
 * portable, with a `fieldmark-data/` folder beside the packaged executable.
 */
import { spawn } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { extractArchive, type OpenedArchive } from './asar-read';
import type { BuiltPackage } from './build-package';
import type { Checks } from './checks';
import { STEPS_PREFIX, type StartupSpec, type StartupStep } from './startup-steps';

const DRIVER = path.join(import.meta.dirname, 'start-packaged.ts');
/** The folder a portable install keeps its data in, beside the executable (README, Packaging). */
const PORTABLE_DIR = 'fieldmark-data';

interface ChildResult {
  code: number | null;
  output: string;
}

function runDriver(spec: StartupSpec, cwd: string): Promise<ChildResult> {
  const env = { ...process.env };
  for (const name of ['FIELDMARK_DATA_DIR', 'NODE_OPTIONS', 'NODE_PATH']) delete env[name];
  const tsx = import.meta.resolve('tsx');
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', tsx, DRIVER, JSON.stringify(spec)], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.on('close', (code) => resolve({ code, output }));
  });
}

function parseSteps(output: string): StartupStep[] | null {
  const line = output.split('\n').find((l) => l.startsWith(STEPS_PREFIX));
  return line ? (JSON.parse(line.slice(STEPS_PREFIX.length)) as StartupStep[]) : null;
}

async function startOnce(checks: Checks, label: string, spec: StartupSpec, cwd: string): Promise<void> {
  process.stdout.write(`\nStarting the packaged main under Node: ${label}\n`);
  const result = await runDriver(spec, cwd);
  const steps = parseSteps(result.output);
  if (!checks.check('start-up', `${label}: the packaged main ran to the end of its steps`, steps !== null && result.code === 0, `exit ${result.code}\n${result.output.trim().slice(-2000)}`) || !steps) return;
  for (const step of steps) checks.check('start-up', step.ok ? `${step.name} (${step.detail})` : step.name, step.ok, step.detail);
}

export async function checkStartup(checks: Checks, params: { built: BuiltPackage; archive: OpenedArchive; work: string }): Promise<void> {
  const { built, archive, work } = params;
  const appDir = path.join(work, 'app');
  extractArchive(archive.archive, appDir);
  const mainEntry = JSON.parse(archive.read('package.json').toString('utf8')).main as string;
  const portable = path.join(built.appOutDir, PORTABLE_DIR);
  await mkdir(portable, { recursive: true });
  const base = { appDir, mainEntry, resourcesDir: built.resourcesDir, executable: built.executable, userData: path.join(work, 'default-user-data') };
  const chosen = path.join(work, 'chosen-data');
  await startOnce(checks, `--data-dir (with ${PORTABLE_DIR}/ also present: the flag wins)`, { ...base, args: ['--data-dir', chosen], expectedDataDir: chosen, untouchedDirs: [base.userData, portable] }, work);
  await startOnce(checks, `portable (${PORTABLE_DIR}/ beside the executable, no flag)`, { ...base, args: [], expectedDataDir: portable, untouchedDirs: [base.userData] }, work);
}
