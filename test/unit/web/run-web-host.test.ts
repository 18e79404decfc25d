import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FieldmarkError } from '../../../preload/rpc';
import { runWebHost, type OpenService, type RunWebHostOptions } from '../../../main/web/run-web-host';
import { callApi, recordingImpl } from './support/http';

const LINE = /^Fieldmark is running at http:\/\/127\.0\.0\.1:(\d+)\/\?token=([A-Za-z0-9_-]{43})$/;

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'fieldmark-run-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

function harness(overrides: Partial<RunWebHostOptions> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const opened: Array<{ assetsDir: string; dataDir: string }> = [];
  const events: string[] = [];
  const fake = recordingImpl();
  let stop!: () => void;
  const stopSignal = new Promise<void>((resolve) => (stop = resolve));
  const openService: OpenService = async (options) => {
    opened.push(options);
    return {
      impl: fake.impl,
      close: async () => {
        events.push('service closed');
      },
    };
  };
  const options: RunWebHostOptions = {
    argv: ['--port', '0', '--data-dir', dir],
    env: {},
    cwd: '/',
    defaultDataDir: () => '/home/ana/.config/Fieldmark',
    assetsDir: () => '/app/assets',
    rendererDir: dir,
    openService,
    stopSignal,
    print: (line) => out.push(line),
    printError: (line) => err.push(line),
    ...overrides,
  };
  return { options, out, err, opened, events, fake, stop };
}

async function waitForLine(out: string[]): Promise<RegExpExecArray> {
  while (out.length === 0) await new Promise((r) => setTimeout(r, 5));
  const match = LINE.exec(out[0]!);
  if (!match) throw new Error(`unexpected first line: ${out[0]}`);
  return match;
}

describe('running the browser host', () => {
  it('prints exactly one line with the address and token, serves, and exits 0 after closing the service', async () => {
    const h = harness();
    const running = runWebHost(h.options);
    const [, port, token] = await waitForLine(h.out);
    const reply = await callApi(Number(port), token!, 'updateSettings', { theme: 'dark' });
    expect(JSON.parse(reply.body)).toMatchObject({ ok: true, value: { theme: 'dark' } });
    h.stop();
    expect(await running).toBe(0);
    expect(h.out).toHaveLength(1);
    expect(h.events).toEqual(['service closed']);
    expect(h.opened).toEqual([{ assetsDir: '/app/assets', dataDir: dir }]);
  });

  it("uses the desktop app's data folder when no --data-dir or FIELDMARK_DATA_DIR is given", async () => {
    const h = harness({ argv: ['--port', '0'] });
    const running = runWebHost(h.options);
    await waitForLine(h.out);
    h.stop();
    await running;
    expect(h.opened[0]!.dataDir).toBe('/home/ana/.config/Fieldmark');
  });

  it('prints the lock message plainly and exits 1 when another host holds the data folder', async () => {
    const message = 'Another Fieldmark is already using this data folder. Close it first, or choose another folder with --data-dir.';
    const h = harness({
      openService: async () => {
        throw new FieldmarkError('CONFLICT', message);
      },
    });
    expect(await runWebHost(h.options)).toBe(1);
    expect(h.err).toEqual([message]);
    expect(h.out).toEqual([]);
  });

  it('exits 2 with a plain message for bad arguments, and 0 with the usage for --help', async () => {
    const bad = harness({ argv: ['--port', 'x'] });
    expect(await runWebHost(bad.options)).toBe(2);
    expect(bad.err[0]).toMatch(/--port needs a number/);
    expect(bad.opened).toEqual([]);
    const help = harness({ argv: ['--help'] });
    expect(await runWebHost(help.options)).toBe(0);
    expect(help.out[0]).toMatch(/^Usage: npm run web/);
  });

  it('exits 2 when the bundled report cannot be found', async () => {
    const h = harness({
      assetsDir: () => {
        throw new FieldmarkError('INTERNAL', 'Fieldmark could not find its bundled report (looked in /x).');
      },
    });
    expect(await runWebHost(h.options)).toBe(2);
    expect(h.err).toEqual(['Fieldmark could not find its bundled report (looked in /x).']);
  });

  it('says the port is taken, closes the service and exits 1', async () => {
    const first = harness();
    const running = runWebHost(first.options);
    const [, port] = await waitForLine(first.out);
    const second = harness({ argv: ['--port', port!, '--data-dir', dir] });
    expect(await runWebHost(second.options)).toBe(1);
    expect(second.err).toEqual([`Port ${port} is already in use; choose another with --port <n>, or --port 0 for a free one.`]);
    expect(second.events).toEqual(['service closed']);
    first.stop();
    await running;
  });

  it('still serves the API when the page has not been built, and says how to build it', async () => {
    const h = harness({ rendererDir: null });
    const running = runWebHost(h.options);
    await waitForLine(h.out);
    h.stop();
    expect(await running).toBe(0);
    expect(h.err).toEqual(['The Fieldmark page has not been built yet; run `npm run build` (the API is served anyway).']);
  });

  it('exits 1 and says so when the service cannot finish saving on close', async () => {
    const h = harness({
      openService: async () => ({
        impl: recordingImpl().impl,
        close: async () => {
          throw new FieldmarkError('DISK_FULL', 'The disk is full.');
        },
      }),
    });
    const running = runWebHost(h.options);
    await waitForLine(h.out);
    h.stop();
    expect(await running).toBe(1);
    expect(h.err).toEqual(['Fieldmark could not finish saving before it stopped: The disk is full.']);
  });
});
