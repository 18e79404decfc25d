/**
 * The start-up check's steps, run inside the child process against the fake
 * `electron` the packaged main imported. Each step records what it saw; a step
 * that cannot run (because an earlier one failed) is not recorded as passed.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type * as FakeElectron from '../unit/electron/fake-electron';

export interface StartupSpec {
  /** The extracted app.asar. */
  appDir: string;
  /** package.json "main", relative to appDir. */
  mainEntry: string;
  resourcesDir: string;
  /** The packaged executable, as app.getPath('exe') would give it. */
  executable: string;
  /** Electron's default userData for this run (a temp folder, so nothing touches the real one). */
  userData: string;
  /** The user's command-line arguments. */
  args: string[];
  /** Where the data folder must end up. */
  expectedDataDir: string;
  /** Folders that must stay empty or absent (the other candidates for the data folder). */
  untouchedDirs: string[];
}

/** Marks the child's one line of results on stdout. */
export const STEPS_PREFIX = 'FIELDMARK_STARTUP_STEPS ';

export interface StartupStep {
  name: string;
  ok: boolean;
  detail: string;
}

type Fake = typeof FakeElectron;
type Handler = (request: { url: string; method: string }) => Promise<Response>;

const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');

async function waitFor<T>(probe: () => T | null | undefined, ms: number): Promise<T | null> {
  const end = Date.now() + ms;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > end) return null;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

class Steps {
  readonly list: StartupStep[] = [];
  add(name: string, ok: boolean, detail: string): boolean {
    this.list.push({ name, ok, detail });
    return ok;
  }
}

function checkScheme(fake: Fake, steps: Steps): void {
  const scheme = (fake.protocol.privileged as Array<{ scheme: string; privileges: Record<string, boolean> }>).find((s) => s.scheme === 'app');
  const ok = scheme !== undefined && scheme.privileges.standard === true && scheme.privileges.secure === true && !scheme.privileges.corsEnabled && !scheme.privileges.bypassCSP;
  steps.add('registers app:// as a standard, secure scheme before ready', ok, JSON.stringify(scheme ?? null));
}

const SECURE_PREFERENCES: Readonly<Record<string, unknown>> = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  devTools: false,
};

function checkWindow(spec: StartupSpec, window: FakeElectron.BrowserWindow, steps: Steps): void {
  const prefs = (window.options.webPreferences ?? {}) as Record<string, unknown>;
  const wrong = Object.entries(SECURE_PREFERENCES).filter(([key, value]) => prefs[key] !== value);
  steps.add('creates the window with the checked security options', wrong.length === 0, wrong.length ? `differs: ${wrong.map(([k]) => `${k}=${String(prefs[k])}`).join(', ')}` : Object.keys(SECURE_PREFERENCES).join(', '));
  const preload = String(prefs.preload);
  const inside = path.resolve(preload) === path.join(spec.appDir, 'out', 'preload', 'index.cjs');
  steps.add('points the window at the packaged preload', inside && existsSync(preload), path.relative(spec.appDir, preload));
  steps.add('loads app://fieldmark/index.html', window.loadedUrl === 'app://fieldmark/index.html', String(window.loadedUrl));
}

function menuRoles(items: unknown): string[] {
  if (!Array.isArray(items)) return [];
  return items.flatMap((item: { role?: string; label?: string; submenu?: unknown }) => [item.role ?? item.label ?? '', ...menuRoles(item.submenu)]);
}

function checkMenu(fake: Fake, steps: Steps): void {
  const template = (fake.Menu.applied as { template?: unknown } | null)?.template;
  const entries = menuRoles(template);
  const hasFile = entries.includes('Export Markdown…') && entries.includes('Import…');
  const devtools = entries.includes('toggleDevTools');
  steps.add('builds the application menu (no DevTools item when packaged)', hasFile && !devtools, `${entries.length} items${devtools ? ', has toggleDevTools' : ''}`);
}

export async function checkAppProtocol(spec: StartupSpec, handler: Handler, steps: Steps): Promise<void> {
  const rendererDir = path.join(spec.appDir, 'out', 'renderer');
  const index = await handler({ url: 'app://fieldmark/index.html', method: 'GET' });
  const body = Buffer.from(await index.arrayBuffer());
  const expected = await readFile(path.join(rendererDir, 'index.html'));
  const csp = index.headers.get('Content-Security-Policy') ?? '';
  steps.add('answers app://fieldmark/index.html with the packaged renderer page and the CSP', index.status === 200 && body.equals(expected) && csp.includes("default-src 'none'"), `status ${index.status}, ${body.length} bytes`);
  const linked = [...expected.toString('utf8').matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+)"/g)].map((m) => m[1]!);
  const served: string[] = [];
  for (const asset of linked) {
    const response = await handler({ url: `app://fieldmark/${asset}`, method: 'GET' });
    const bytes = Buffer.from(await response.arrayBuffer());
    if (response.status === 200 && bytes.equals(await readFile(path.join(rendererDir, asset)))) served.push(asset);
  }
  steps.add('answers the scripts and styles the page links', linked.length > 0 && served.length === linked.length, `${served.length} of ${linked.length}: ${linked.join(', ')}`);
}

/** Paths that try to leave out/renderer; the last ones aim at the report and package.json beside it. */
export const ESCAPES = [
  '/../package.json',
  '/%2e%2e/package.json',
  '/assets/..%2f..%2f..%2fpackage.json',
  '/..%5c..%5cpackage.json',
  '/%252e%252e/%252e%252e/package.json',
  '/../../../resources/assets/report/tip-2021-japan.txt',
  '/assets/%2e%2e/%2e%2e/%2e%2e/assets/report/tip-2021-japan.txt',
] as const;

async function checkTraversal(handler: Handler, steps: Steps): Promise<void> {
  const leaked: string[] = [];
  for (const escape of ESCAPES) {
    const response = await handler({ url: `app://fieldmark${escape}`, method: 'GET' });
    const text = await response.text();
    if (response.status === 200 || text.includes('"name"') || text.includes('TRAFFICKING')) leaked.push(`${escape} → ${response.status}`);
  }
  steps.add('refuses app:// paths that leave the renderer folder', leaked.length === 0, leaked.length ? leaked.join('; ') : `${ESCAPES.length} paths refused`);
}

async function checkIpc(spec: StartupSpec, fake: Fake, window: FakeElectron.BrowserWindow, steps: Steps): Promise<void> {
  const handler = fake.ipcMain.handlers.get('fieldmark:getReport') as ((event: unknown, input: unknown) => Promise<unknown>) | undefined;
  if (!steps.add('registers the IPC handler fieldmark:getReport', handler !== undefined, `${fake.ipcMain.handlers.size} handlers`) || !handler) return;
  const event = { sender: window.webContents, senderFrame: window.webContents.mainFrame };
  const reply = (await handler(event, undefined)) as { ok: boolean; value?: { sha256: string; text: string; blocks: unknown[] }; error?: unknown };
  const report = await readFile(path.join(spec.resourcesDir, 'assets', 'report', 'tip-2021-japan.txt'));
  const value = reply.ok ? reply.value : undefined;
  const ok = value !== undefined && value.sha256 === sha256(report) && sha256(value.text) === sha256(report) && value.blocks.length > 0;
  steps.add('answers getReport over IPC with the packaged report', ok, value ? `sha256 ${value.sha256.slice(0, 12)}…, ${value.blocks.length} blocks` : JSON.stringify(reply.error));
  const subFrame = { ...window.webContents.mainFrame, parent: window.webContents.mainFrame };
  const forged = (await handler({ sender: window.webContents, senderFrame: subFrame }, undefined)) as { ok: boolean };
  steps.add('refuses getReport from a sub-frame', !forged.ok, forged.ok ? 'answered' : 'FORBIDDEN');
}

function checkDataDir(spec: StartupSpec, steps: Steps): void {
  const lock = existsSync(path.join(spec.expectedDataDir, 'fieldmark.lock'));
  const touched = spec.untouchedDirs.filter((dir) => existsSync(dir) && readdirSync(dir).length > 0);
  const where = path.basename(spec.expectedDataDir);
  steps.add(`keeps its data in ${where}/ and nowhere else`, lock && touched.length === 0, `${lock ? `lock held in ${where}/` : `no lock in ${where}/`}${touched.length ? `; also wrote to ${touched.join(', ')}` : ''}`);
}

async function quit(spec: StartupSpec, fake: Fake, steps: Steps): Promise<void> {
  const lock = path.join(spec.expectedDataDir, 'fieldmark.lock');
  const heldBefore = existsSync(lock);
  fake.app.quit();
  const done = await waitFor(() => fake.ipcMain.handlers.size === 0 && fake.app.quitCalls >= 2, 10_000);
  const released = heldBefore && !existsSync(lock);
  steps.add('quits cleanly: IPC removed, data folder lock released', done === true && released, `${fake.app.quitCalls} quit calls, lock ${!heldBefore ? 'was never held' : released ? 'released' : 'still held'}`);
}

/** Starts the packaged main and runs every step; returns what was seen. */
export async function runStartupSteps(spec: StartupSpec, fake: Fake, startMain: () => Promise<unknown>): Promise<StartupStep[]> {
  const steps = new Steps();
  await startMain();
  checkScheme(fake, steps);
  fake.app.becomeReady();
  const window = await waitFor(() => fake.BrowserWindow.instances.find((w) => w.loadedUrl !== null), 15_000);
  const failed = fake.dialog.errorBoxes.map(([, text]) => text).join(' ');
  if (!steps.add('starts and opens its window', window !== null, window ? 'window loading' : `no window; ${failed || 'no error shown'}`) || !window) return steps.list;
  checkWindow(spec, window, steps);
  checkMenu(fake, steps);
  const handler = fake.session.defaultSession.protocol.handlers.get('app') as Handler | undefined;
  if (steps.add('handles app:// in the default session', handler !== undefined, handler ? 'handler set' : 'no handler') && handler) {
    await checkAppProtocol(spec, handler, steps);
    await checkTraversal(handler, steps);
  }
  await checkIpc(spec, fake, window, steps);
  checkDataDir(spec, steps);
  await quit(spec, fake, steps);
  return steps.list;
}
