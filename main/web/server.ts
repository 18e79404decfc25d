/**
 * Entry of the browser host (built to out/main/web.js):
 * `node out/main/web.js --port <n> --data-dir <dir>`.
 */
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { assetsDirCandidates, findAssetsDir } from '../core/hosting/assets-dir';
import { electronUserDataDir } from '../core/hosting/data-dir';
import { openService } from '../core/service/service';
import { exitWhenDone, processStopSignal, runWebHost } from './run-web-host';

const here = path.dirname(fileURLToPath(import.meta.url));
const printError = (line: string) => process.stderr.write(`${line}\n`);

// Built: out/main/web.js next to out/renderer. From source: main/web/server.ts, renderer in out/renderer.
const rendererDir =
  [path.resolve(here, '..', 'renderer'), path.resolve(here, '..', '..', 'out', 'renderer')].find((dir) =>
    existsSync(path.join(dir, 'index.html')),
  ) ?? null;

const code = await runWebHost({
  argv: process.argv.slice(2),
  env: process.env,
  cwd: process.cwd(),
  defaultDataDir: () => electronUserDataDir(process.platform, process.env, os.homedir()),
  assetsDir: () => findAssetsDir(assetsDirCandidates(here)),
  rendererDir,
  openService,
  stopSignal: processStopSignal(printError),
  print: (line) => process.stdout.write(`${line}\n`),
  printError,
});
exitWhenDone(code);
