/**
 * Entry of the desktop app (built to out/main/electron.js, package.json "main").
 * Not awaited at the top level: Electron emits 'ready' only after the entry
 * module has finished evaluating, so a top-level await on it would hang.
 * Everything that must precede 'ready' runs synchronously inside the call.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openService } from '../core/service/service';
import { startDesktopApp } from './app';

startDesktopApp({
  openService,
  builtDir: path.dirname(fileURLToPath(import.meta.url)),
  argv: process.argv,
  env: process.env,
  cwd: process.cwd(),
  onStopSignal: (quit) => {
    process.on('SIGINT', quit);
    process.on('SIGTERM', quit);
  },
}).catch((error: unknown) => {
  process.stderr.write(`Fieldmark could not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
