import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { callApi } from './support/http';

// The real entry (main/web/server.ts) with the real service, run from source.
const SERVER = path.resolve(import.meta.dirname, '../../../main/web/server.ts');
const LINE = /^Fieldmark is running at http:\/\/127\.0\.0\.1:(\d+)\/\?token=([A-Za-z0-9_-]{43})\n$/;
const REPORT_SHA256 = '0eab7409d86e46267a377d97868557be666dc03c33f0763c19a2cb6792882f2d';

let dataDir: string;
const running: ChildProcess[] = [];
beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'fieldmark-server-'));
});
afterEach(async () => {
  for (const child of running.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  await rm(dataDir, { recursive: true, force: true });
});

interface Host {
  child: ChildProcess;
  port: number;
  token: string;
  stderr: () => string;
  exited: Promise<number | null>;
}

function spawnServer(): { child: ChildProcess; stdout: () => string; stderr: () => string; exited: Promise<number | null> } {
  const child = spawn(process.execPath, ['--import', 'tsx', SERVER, '--port', '0', '--data-dir', dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
  running.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, stdout: () => stdout, stderr: () => stderr, exited };
}

async function start(): Promise<Host> {
  const proc = spawnServer();
  while (!proc.stdout().includes('\n')) {
    if (proc.child.exitCode !== null) throw new Error(`host exited early: ${proc.stderr()}`);
    await new Promise((r) => setTimeout(r, 20));
  }
  const match = LINE.exec(proc.stdout());
  if (!match) throw new Error(`unexpected output: ${JSON.stringify(proc.stdout())}`);
  return { child: proc.child, port: Number(match[1]), token: match[2]!, stderr: proc.stderr, exited: proc.exited };
}

async function stop(host: Host): Promise<number | null> {
  host.child.kill('SIGTERM');
  return host.exited;
}

describe('browser host with the real service', () => {
  it('serves the report, refuses a foreign Host without changing anything, and keeps settings across a restart', async () => {
    const first = await start();
    const report = JSON.parse((await callApi(first.port, first.token, 'getReport', null)).body);
    expect(report).toMatchObject({ ok: true, value: { sha256: REPORT_SHA256, tier: 'Tier 2' } });

    const refused = await callApi(first.port, first.token, 'updateSettings', { fontSize: 28 }, { host: `evil.example:${first.port}` });
    expect(refused.status).toBe(403);
    const unchanged = JSON.parse((await callApi(first.port, first.token, 'getSettings', null)).body);
    expect(unchanged.value.fontSize).not.toBe(28);

    expect(JSON.parse((await callApi(first.port, first.token, 'updateSettings', { fontSize: 22 })).body)).toMatchObject({ ok: true });
    expect(await stop(first)).toBe(0);

    const second = await start();
    expect(second.token).not.toBe(first.token);
    expect(JSON.parse((await callApi(second.port, second.token, 'getSettings', null)).body)).toMatchObject({ ok: true, value: { fontSize: 22 } });
    expect(await stop(second)).toBe(0);
  });

  it('refuses a second host on the same data folder with one plain sentence and a non-zero exit', async () => {
    const first = await start();
    const second = spawnServer();
    const code = await second.exited;
    expect(code).not.toBe(0);
    expect(second.stdout()).toBe('');
    expect(second.stderr()).toMatch(/^Fieldmark is already open with this data folder \(process \d+.*\)\. Close it first, or start with a different --data-dir\.\n$/);
    expect(await stop(first)).toBe(0);
  });
});
