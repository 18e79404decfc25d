import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { callApi } from './support/http';

const FIXTURE = path.join(import.meta.dirname, 'fixtures', 'slow-write-host.ts');
const LINE = /^Fieldmark is running at http:\/\/127\.0\.0\.1:(\d+)\/\?token=([A-Za-z0-9_-]{43})$/;

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'fieldmark-proc-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

interface Started {
  child: ChildProcess;
  port: number;
  token: string;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

async function start(): Promise<Started> {
  const child = spawn(process.execPath, ['--import', 'tsx', FIXTURE, '--port', '0', '--data-dir', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  while (!stdout.includes('\n')) {
    if (child.exitCode !== null) throw new Error(`host exited early: ${stderr}`);
    await new Promise((r) => setTimeout(r, 20));
  }
  const match = LINE.exec(stdout.trimEnd());
  if (!match) throw new Error(`unexpected output: ${JSON.stringify(stdout)}`);
  return { child, port: Number(match[1]), token: match[2]!, stdout: () => stdout, stderr: () => stderr, exited };
}

async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((r) => setTimeout(r, 10));
}

describe('browser host process', () => {
  it('prints one line, then on SIGTERM finishes the write in flight, closes the service and exits 0', async () => {
    const host = await start();
    const reply = callApi(host.port, host.token, 'updateSettings', { fontSize: 24 });
    await until(() => host.stderr().includes('write started'));
    host.child.kill('SIGTERM');
    const answered = await reply;
    expect(await host.exited).toBe(0);
    expect(JSON.parse(answered.body)).toMatchObject({ ok: true, value: { fontSize: 24 } });
    expect(await readFile(path.join(dir, 'events.log'), 'utf8')).toBe('write started\nwrite finished\nservice closed\n');
    expect(host.stdout().trimEnd().split('\n')).toHaveLength(1);
  });

  it('does not let a second Ctrl+C cut off the write being finished', async () => {
    const host = await start();
    const reply = callApi(host.port, host.token, 'updateSettings', { theme: 'sepia' });
    await until(() => host.stderr().includes('write started'));
    host.child.kill('SIGINT');
    host.child.kill('SIGINT');
    expect(JSON.parse((await reply).body)).toMatchObject({ ok: true });
    expect(await host.exited).toBe(0);
    expect(await readFile(path.join(dir, 'events.log'), 'utf8')).toBe('write started\nwrite finished\nservice closed\n');
  });
});
