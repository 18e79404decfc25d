/**
 * Command-line options of the browser host:
 * `node out/main/web.js [--port <n>] [--data-dir <dir>]`.
 * The data folder itself is resolved by main/core/hosting/data-dir.ts.
 */
import { FieldmarkError } from '../../preload/rpc';

export const USAGE = 'Usage: npm run web -- [--port <n>] [--data-dir <folder>]   (--port 0, the default, picks a free port)';

export interface WebArgs {
  port: number;
  help: boolean;
}

function parsePort(value: string | undefined): number {
  if (value === undefined || !/^\d{1,5}$/.test(value) || Number(value) > 65535) {
    throw new FieldmarkError('INVALID_INPUT', `--port needs a number from 0 to 65535 (0 picks a free port); got ${JSON.stringify(value ?? '')}.`);
  }
  return Number(value);
}

/** Parses the host's arguments; unknown options are an error with a plain message. */
export function parseWebArgs(argv: readonly string[]): WebArgs {
  const args: WebArgs = { port: 0, help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--help' || arg === '-h') args.help = true;
    else if (arg === '--port') args.port = parsePort(argv[++i]);
    else if (arg.startsWith('--port=')) args.port = parsePort(arg.slice('--port='.length));
    else if (arg === '--data-dir') i++;
    else if (arg.startsWith('--data-dir=')) continue;
    else throw new FieldmarkError('INVALID_INPUT', `Unknown option ${JSON.stringify(arg)}. ${USAGE}`);
  }
  return args;
}
