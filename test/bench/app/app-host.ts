/**
 * One side of B12: a built Fieldmark (a folder whose out/main/web.js is the
 * browser host) started on a data folder, and its HTTP API called from Node the
 * way the page calls it (POST /api/<method>, token in X-Fieldmark-Token).
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { waitForHostUrl } from '../../support/web-host-url';

export interface RunningApp {
  /** The printed address, with `?token=`. */
  url: string;
  origin: string;
  token: string;
  /** Calls a contract method; throws with the envelope's message when it fails. */
  call<T = unknown>(method: string, input?: unknown): Promise<T>;
  /** SIGTERM, then waits for the host to finish its writes and exit. */
  stop(): Promise<void>;
}

/** Starts `node <root>/out/main/web.js --port 0 --data-dir <dataDir>`. */
export async function startApp(root: string, dataDir: string): Promise<RunningApp> {
  const child = spawn(process.execPath, [path.join(root, 'out/main/web.js'), '--port', '0', '--data-dir', dataDir], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await waitForHostUrl(child, 60_000);
  // Keep draining the host's output so a chatty host never blocks on a full pipe.
  child.stdout!.resume();
  child.stderr!.resume();
  const parsed = new URL(url);
  const token = parsed.searchParams.get('token') ?? '';
  return {
    url,
    origin: parsed.origin,
    token,
    async call<T>(method: string, input?: unknown): Promise<T> {
      const response = await fetch(`${parsed.origin}/api/${encodeURIComponent(method)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Fieldmark-Token': token },
        body: JSON.stringify(input ?? null),
      });
      const envelope = (await response.json()) as { ok: true; value: T } | { ok: false; error: { code: string; message: string } };
      if (!envelope.ok) throw new Error(`${method}: ${envelope.error.code}: ${envelope.error.message}`);
      return envelope.value;
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
