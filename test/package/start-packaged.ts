/**
 * Starts the packaged desktop main under Node (a child process of run.ts):
 * `electron` is the unit tests' fake, injected by a resolve hook, and
 * process.resourcesPath is the package's resources/. Everything else, the
 * main bundle, its chunks, the preload and the renderer, comes from the
 * extracted app.asar, so a file or package missing from the package fails here.
 * It drives the app through start-up, app:// requests, one IPC call and quit,
 * and prints what it saw as one JSON line.
 *
 * Usage: tsx start-packaged.ts <spec JSON>
 */
import { register } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as electron from '../unit/electron/fake-electron';
import { runStartupSteps, STEPS_PREFIX, type StartupSpec } from './startup-steps';

const spec = JSON.parse(process.argv[2] ?? '{}') as StartupSpec;
const fakeUrl = pathToFileURL(path.resolve(import.meta.dirname, '../unit/electron/fake-electron.ts')).href;
register('./electron-alias-hook.mjs', import.meta.url, { data: { fakeUrl } });

electron.app.isPackaged = true;
electron.app.paths.userData = spec.userData;
electron.app.paths.exe = spec.executable;
electron.app.paths.documents = spec.userData;
Object.assign(process, { resourcesPath: spec.resourcesDir });
// What Electron passes a packaged app: the executable, then the user's arguments.
process.argv = [spec.executable, ...spec.args];
delete process.env.FIELDMARK_DATA_DIR;

const steps = await runStartupSteps(spec, electron, () => import(pathToFileURL(path.join(spec.appDir, spec.mainEntry)).href));
process.stdout.write(`${STEPS_PREFIX}${JSON.stringify(steps)}\n`);
process.exit(0);
