/**
 * Builds the real package: electron-builder with the repository's
 * electron-builder.yml, Linux `dir` target only (AppImage and deb need tools
 * electron-builder downloads), around the stub runtime (`electronDist`), with
 * the Electron version read from the installed `electron` package so nothing
 * has to ask the network. While it packs, it also asks electron-builder's own
 * code for the .desktop entry and the icons the AppImage and deb targets would
 * use, and for the Windows and macOS icons, so those are checked as built.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Arch, Packager, Platform, type AfterPackContext, type Configuration } from 'electron-builder';
import { LinuxTargetHelper } from 'app-builder-lib/out/targets/LinuxTargetHelper.js';
import { convertIcon } from 'app-builder-lib/out/util/iconConverter.js';

export interface IconFile {
  file: string;
  size: number;
}

export interface BuiltPackage {
  /** The unpacked app: the renamed executable and resources/. */
  appOutDir: string;
  executable: string;
  resourcesDir: string;
  /** The .desktop file the AppImage and deb targets would install. */
  desktopEntry: string;
  /** The hicolor icons they would install. */
  linuxIcons: IconFile[];
  windowsIcon: IconFile[];
  macIcon: IconFile[];
}

export async function installedElectronVersion(projectDir: string): Promise<string> {
  const pkg = JSON.parse(await readFile(path.join(projectDir, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

async function resolveIcon(ctx: AfterPackContext, source: string | null | undefined, format: 'ico' | 'icns', outDir: string): Promise<IconFile[]> {
  if (!source) return [];
  const result = await convertIcon({ sources: [source], fallbackSources: [], roots: [ctx.packager.projectDir], format, outDir });
  return result.isFallback ? [] : result.icons;
}

/** Packs the app for Linux `dir` into `outputDir`, around the runtime in `stubDir`. */
export async function buildLinuxDir(projectDir: string, stubDir: string, outputDir: string): Promise<BuiltPackage> {
  const config: Configuration = {
    // The repository's file, as `npm run dist` uses it; only where the runtime
    // comes from and where the output goes are overridden.
    extends: path.join(projectDir, 'electron-builder.yml'),
    electronDist: stubDir,
    electronVersion: await installedElectronVersion(projectDir),
    directories: { output: outputDir },
  };
  const packager = new Packager({ projectDir, config, targets: Platform.LINUX.createTarget('dir', Arch.x64) });
  let built: BuiltPackage | null = null;
  packager.onAfterPack(async (ctx) => {
    const helper = new LinuxTargetHelper(ctx.packager as ConstructorParameters<typeof LinuxTargetHelper>[0]);
    const linux = ctx.packager.platformSpecificBuildOptions;
    const conf = ctx.packager.config;
    const iconOut = path.join(outputDir, '.icons');
    built = {
      appOutDir: ctx.appOutDir,
      executable: path.join(ctx.appOutDir, (ctx.packager as unknown as { executableName: string }).executableName),
      resourcesDir: ctx.packager.getResourcesDir(ctx.appOutDir),
      desktopEntry: await helper.computeDesktopEntry(linux),
      linuxIcons: await helper.icons,
      windowsIcon: await resolveIcon(ctx, conf.win?.icon, 'ico', path.join(iconOut, 'ico')),
      macIcon: await resolveIcon(ctx, conf.mac?.icon, 'icns', path.join(iconOut, 'icns')),
    };
  });
  await packager.build();
  if (!built) throw new Error('electron-builder finished without packing the Linux app.');
  return built;
}
