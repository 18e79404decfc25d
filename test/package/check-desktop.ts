/** Step 5 of test:package: the .desktop entry and the icons each target uses. */
import type { BuiltPackage } from './build-package';
import type { Checks } from './checks';
import { parseDesktopEntry, REQUIRED_DESKTOP_KEYS } from './desktop-entry';

/** The hicolor sizes a Linux desktop looks for, 16 to 1024 px. */
const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];

export async function checkDesktopAndIcons(checks: Checks, built: BuiltPackage): Promise<void> {
  process.stdout.write('\nDesktop entry and icons (as electron-builder computes them for AppImage, deb, NSIS and dmg)\n');
  const entry = parseDesktopEntry(built.desktopEntry);
  for (const [key, test, wanted] of REQUIRED_DESKTOP_KEYS) {
    const value = entry.get(key);
    checks.check('desktop', `.desktop ${key}=${value ?? ''}`, value !== undefined && test(value), `wanted ${wanted}`);
  }
  const sizes = built.linuxIcons.map((i) => i.size);
  const missing = LINUX_SIZES.filter((s) => !sizes.includes(s));
  const fromRepo = built.linuxIcons.every((i) => i.file.includes('assets/icons/'));
  checks.check('icons', `Linux hicolor icons ${sizes.join(', ')} px from assets/icons`, missing.length === 0 && fromRepo, `missing ${missing.join(', ') || 'none'}; files ${built.linuxIcons.map((i) => i.file).join(', ')}`);
  const ico = built.windowsIcon[0];
  checks.check('icons', `Windows icon ${ico ? `${ico.size} px` : 'missing'} (electron-builder wants at least 256)`, ico !== undefined && ico.size >= 256 && ico.file.endsWith('assets/icons/icon.ico'), ico?.file ?? 'win.icon is not set or not found');
  const icns = built.macIcon[0];
  checks.check('icons', 'macOS icon icon.icns', icns !== undefined && icns.file.endsWith('assets/icons/icon.icns'), icns?.file ?? 'mac.icon is not set or not found');
}
