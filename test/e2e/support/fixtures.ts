/**
 * Playwright fixtures: a real Fieldmark host on a throwaway data folder, and a
 * page that may talk to nothing but that host. In both modes (browser host and
 * Electron) the same request guard aborts and records every request to another
 * origin, and each test fails if any was even attempted.
 */
import { test as base, chromium, _electron, expect, type Browser, type Page, type ElectronApplication } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';
import { auditEarlierRequests, guardRequests } from './request-guard';
import { waitForHostUrl } from '../../support/web-host-url';
import type { StoreDoc } from '../../../main/core/store/store-schema';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../../..');
const HOST_KIND = process.env.FIELDMARK_E2E_HOST === 'electron' ? 'electron' : 'web';

export interface Host {
  /** The URL to open, with the per-launch token. */
  url: string;
  origin: string;
  dataDir: string;
  /**
   * Stops the host gracefully (SIGTERM), starts a new one on the same data folder
   * and returns the page to continue with (the same page, reloaded, in the browser host).
   */
  restart(): Promise<Page>;
  /** Reads the persisted store document (snapshot plus journal, as the store itself would). */
  readStore(): Promise<StoreDoc>;
  /** SIGKILLs the host process (no chance to flush). */
  kill(): Promise<void>;
}

interface RunningWeb {
  child: ChildProcess;
  url: string;
}

/** Starts `node out/main/web.js` and resolves with the URL it prints. */
export async function startWebHost(dataDir: string, extraArgs: string[] = []): Promise<RunningWeb> {
  const child = spawn(process.execPath, [path.join(REPO_ROOT, 'out/main/web.js'), '--port', '0', '--data-dir', dataDir, ...extraArgs], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await waitForHostUrl(child, 20_000);
  return { child, url };
}

/** Sends SIGTERM and waits for the host to exit; returns its exit code. */
export async function stopWebHost(running: RunningWeb, signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
  // A process killed by a signal has a signalCode and no exitCode.
  if (running.child.exitCode !== null || running.child.signalCode !== null) return running.child.exitCode;
  const exited = new Promise<number | null>((resolve) => running.child.once('exit', (code) => resolve(code)));
  running.child.kill(signal);
  return exited;
}

/** The store as a reader of the data folder sees it: snapshot, then journal batches replayed. */
export async function readStoreFile(dataDir: string): Promise<StoreDoc> {
  const { readStoreFromDisk } = await import('./read-store');
  return readStoreFromDisk(dataDir);
}

type Fixtures = {
  dataDir: string;
  host: Host;
  page: Page;
  /** Requests to anything but the host's origin (must stay empty). */
  foreignRequests: string[];
  /** Console errors and page errors seen during the test (must stay empty). */
  consoleErrors: string[];
};

type WorkerFixtures = { sharedBrowser: Browser };

export const test = base.extend<Fixtures, WorkerFixtures>({
  sharedBrowser: [
    async ({}, use) => {
      const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
      await use(browser);
      await browser.close();
    },
    { scope: 'worker' },
  ],
  dataDir: async ({}, use) => {
    const dir = await mkdtemp(path.join(tmpdir(), 'fieldmark-e2e-'));
    await use(dir);
    await rm(dir, { recursive: true, force: true });
  },
  foreignRequests: async ({}, use) => {
    const list: string[] = [];
    await use(list);
    expect(list, 'requests left the host origin').toEqual([]);
  },
  consoleErrors: async ({}, use) => {
    const list: string[] = [];
    await use(list);
    expect(list, 'console errors').toEqual([]);
  },
  host: async ({ dataDir, foreignRequests }, use) => {
    if (HOST_KIND === 'electron') {
      await use(await electronHost(dataDir, foreignRequests));
      return;
    }
    let running = await startWebHost(dataDir);
    let killed = false;
    const pages: Page[] = [];
    const host: WebHost = {
      get url() {
        return running.url;
      },
      get origin() {
        return new URL(running.url).origin;
      },
      dataDir,
      attach(page: Page) {
        pages.push(page);
      },
      async restart() {
        await stopWebHost(running);
        running = await startWebHost(dataDir);
        killed = false;
        for (const page of pages) await page.goto(running.url);
        return pages[pages.length - 1]!;
      },
      readStore: () => readStoreFile(dataDir),
      async kill() {
        killed = true;
        await stopWebHost(running, 'SIGKILL');
      },
    };
    await use(host);
    const code = await stopWebHost(running);
    // A host the test killed on purpose has no clean exit to check.
    if (!killed) expect(code, 'the host exits cleanly on SIGTERM').toBe(0);
  },
  page: async ({ sharedBrowser, host, foreignRequests, consoleErrors }, use) => {
    const watch = (page: Page) => {
      page.on('console', (msg) => {
        if (msg.type() === 'error') consoleErrors.push(msg.text());
      });
      page.on('pageerror', (err) => consoleErrors.push(String(err)));
    };
    if (HOST_KIND === 'electron') {
      const page = await (host as ElectronHost).window();
      watch(page);
      await use(page);
      return;
    }
    const context = await sharedBrowser.newContext({ acceptDownloads: true });
    // Offline guarantee: only the host's own origin may be reached.
    await guardRequests(context, () => host.origin, foreignRequests);
    const page = await context.newPage();
    watch(page);
    (host as WebHost).attach(page);
    await page.goto(host.url);
    await use(page);
    await context.close();
  },
});

type WebHost = Host & { attach(page: Page): void };
type ElectronHost = Host & { window(): Promise<Page> };

const ELECTRON_ORIGIN = 'app://fieldmark';

/**
 * The same fixtures against the real desktop app (machines with the Electron
 * runtime). Each launch (the first, and every restart) has a fresh context,
 * guarded as soon as it exists; as its window may already have been loading,
 * the window's own record of what it loaded is audited before it is handed out.
 */
async function electronHost(dataDir: string, foreignRequests: string[]): Promise<ElectronHost> {
  const launch = async () => {
    const launched = await _electron.launch({ args: [path.join(REPO_ROOT, 'out/main/electron.js'), '--data-dir', dataDir] });
    await guardRequests(launched.context(), ELECTRON_ORIGIN, foreignRequests);
    return launched;
  };
  let app: ElectronApplication = await launch();
  const firstWindow = async () => {
    const page = await app.firstWindow();
    await page.waitForLoadState('load');
    await auditEarlierRequests(page, ELECTRON_ORIGIN, foreignRequests);
    return page;
  };
  return {
    url: `${ELECTRON_ORIGIN}/index.html`,
    origin: ELECTRON_ORIGIN,
    dataDir,
    window: firstWindow,
    async restart() {
      await app.close();
      app = await launch();
      return firstWindow();
    },
    readStore: () => readStoreFile(dataDir),
    async kill() {
      app.process().kill('SIGKILL');
    },
  };
}

export { expect };
export const readJson = async (file: string): Promise<unknown> => JSON.parse(await readFile(file, 'utf8'));
