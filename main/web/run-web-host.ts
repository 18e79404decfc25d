/**
 * The browser host from launch to exit: parse the arguments, open the service
 * on the data folder, serve, print the one line with the address, and on
 * SIGINT/SIGTERM stop accepting requests, let those in flight finish, close the
 * service (which finishes pending writes) and report exit code 0. Every
 * failure is one plain sentence on stderr and a non-zero exit code.
 */
import { contract } from '../../preload/contract';
import { createDispatcher, FieldmarkError } from '../../preload/rpc';
import { canonicalOutputChecks } from '../core/service/output-checks';
import { resolveDataDir } from '../core/hosting/data-dir';
import type { Service, ServiceOptions } from '../core/service/service';
import { parseWebArgs, USAGE } from './cli-args';
import { startWebHost } from './http-host';
import { createToken } from './request-guards';

/** What the host needs of the service (main/core/service/service.ts). */
export type HostedService = Pick<Service, 'impl' | 'close'>;
export type OpenService = (options: Pick<ServiceOptions, 'assetsDir' | 'dataDir'>) => Promise<HostedService>;

export interface RunWebHostOptions {
  argv: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  /** The desktop app's data folder, used when neither --data-dir nor FIELDMARK_DATA_DIR is given. */
  defaultDataDir: () => string;
  /** Throws a plain error when the assets cannot be found. */
  assetsDir: () => string;
  rendererDir: string | null;
  openService: OpenService;
  /** Resolves when the process is asked to stop (SIGINT/SIGTERM). */
  stopSignal: Promise<unknown>;
  print: (line: string) => void;
  printError: (line: string) => void;
}

function plainMessage(error: unknown): string {
  if (error instanceof FieldmarkError) return error.message;
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'EACCES' || code === 'EPERM') return 'Fieldmark may not use that port or folder here (permission denied).';
  return `Fieldmark could not start: ${error instanceof Error ? error.message : String(error)}`;
}

/** Runs the host until stopped; resolves with the process exit code. */
export async function runWebHost(options: RunWebHostOptions): Promise<number> {
  let port: number;
  let dataDir: string;
  let assetsDir: string;
  try {
    const args = parseWebArgs(options.argv);
    if (args.help) {
      options.print(USAGE);
      return 0;
    }
    port = args.port;
    dataDir = resolveDataDir({ argv: options.argv, env: options.env, cwd: options.cwd, fallback: options.defaultDataDir });
    assetsDir = options.assetsDir();
  } catch (error) {
    options.printError(plainMessage(error));
    return 2;
  }

  let service: HostedService;
  try {
    service = await options.openService({ assetsDir, dataDir });
  } catch (error) {
    options.printError(plainMessage(error));
    return 1;
  }

  const dispatcher = createDispatcher(
    contract,
    service.impl,
    (method, error) => options.printError(`Internal error in ${method}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`),
    canonicalOutputChecks(contract),
  );
  let host;
  try {
    host = await startWebHost({ dispatcher, rendererDir: options.rendererDir, port, token: createToken(), onError: (e) => options.printError(String(e)) });
  } catch (error) {
    await service.close();
    const code = (error as NodeJS.ErrnoException).code;
    options.printError(
      code === 'EADDRINUSE'
        ? `Port ${port} is already in use; choose another with --port <n>, or --port 0 for a free one.`
        : plainMessage(error),
    );
    return 1;
  }
  if (options.rendererDir === null) options.printError('The Fieldmark page has not been built yet; run `npm run build` (the API is served anyway).');
  options.print(`Fieldmark is running at ${host.url}`);

  await options.stopSignal;
  let exitCode = 0;
  await host.close();
  try {
    await service.close();
  } catch (error) {
    options.printError(`Fieldmark could not finish saving before it stopped: ${plainMessage(error)}`);
    exitCode = 1;
  }
  return exitCode;
}

/**
 * Resolves on the first SIGINT or SIGTERM. Later signals are absorbed (with a
 * note) so a second Ctrl+C cannot cut off the writes being finished.
 */
export function processStopSignal(printError: (line: string) => void): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    let stopping = false;
    const onSignal = (signal: NodeJS.Signals) => {
      if (stopping) {
        printError('Fieldmark is finishing pending writes and will stop in a moment.');
        return;
      }
      stopping = true;
      resolve(signal);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
}

/** Sets the exit code and lets output drain; forces the exit if something still holds the process open. */
export function exitWhenDone(code: number): void {
  process.exitCode = code;
  setTimeout(() => process.exit(code), 2000).unref();
}
