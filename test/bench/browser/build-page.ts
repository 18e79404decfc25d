/** Bundles the bench page (real renderer modules + peers) with Vite's JS API into a temp folder. */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'vite';

const PAGE_DIR = path.join(import.meta.dirname, 'page');

/** Builds the page and returns the folder holding index.html and its assets. */
export async function buildBenchPage(): Promise<string> {
  const outDir = await mkdtemp(path.join(tmpdir(), 'fieldmark-bench-page-'));
  await build({
    configFile: false,
    root: PAGE_DIR,
    base: './',
    publicDir: false,
    logLevel: 'warn',
    mode: 'production',
    build: {
      outDir,
      emptyOutDir: true,
      target: 'chrome120',
      sourcemap: false,
      modulePreload: { polyfill: false },
      reportCompressedSize: false,
    },
  });
  return outDir;
}
