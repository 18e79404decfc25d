/**
 * `npm run icons`: renders assets/icons/icon.svg into every icon the packages
 * need, and the repository keeps the results, so `npm run dist` needs no tool
 * beyond npm:
 * - png/NxN.png, 16 to 1024 px: Linux's hicolor sizes (electron-builder reads a
 *   folder of NxN.png files for linux.icon);
 * - icon.ico: Windows (electron-builder wants at least 256 px);
 * - icon.icns: macOS.
 * resvg rasterises each size from the vector source, so small sizes are drawn
 * for their size rather than scaled down from a large bitmap; png2icons packs
 * the ICO and ICNS containers from the 1024 px rendering.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import png2icons from 'png2icons';

export const ICONS_DIR = path.resolve(import.meta.dirname, '../../../assets/icons');
export const SVG_SOURCE = path.join(ICONS_DIR, 'icon.svg');
/** Every size a desktop asks for: the freedesktop hicolor set plus macOS's 512 and 1024. */
export const PNG_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024] as const;

/** The source drawn `size` pixels wide (the drawing is square). */
export function renderPng(svg: string, size: number): Buffer {
  const resvg = new Resvg(svg, { fitTo: { mode: 'width', value: size }, font: { loadSystemFonts: false } });
  return Buffer.from(resvg.render().asPng());
}

function packed(name: string, result: Buffer | null): Buffer {
  if (!result) throw new Error(`png2icons could not make ${name} from the 1024 px rendering.`);
  return result;
}

/** Writes every PNG, the ICO and the ICNS; returns the files written, relative to assets/icons. */
export async function makeIcons(dir: string = ICONS_DIR): Promise<string[]> {
  const svg = await readFile(path.join(dir, 'icon.svg'), 'utf8');
  await mkdir(path.join(dir, 'png'), { recursive: true });
  const written: string[] = [];
  for (const size of PNG_SIZES) {
    const file = path.join('png', `${size}x${size}.png`);
    await writeFile(path.join(dir, file), renderPng(svg, size));
    written.push(file);
  }
  const largest = renderPng(svg, 1024);
  // BICUBIC for smooth downscaling; 0 colours keeps full colour. forWinExe stores
  // the sizes under 64 px as bitmaps, which older Windows property dialogs need.
  await writeFile(path.join(dir, 'icon.ico'), packed('icon.ico', png2icons.createICO(largest, png2icons.BICUBIC, 0, false, true)));
  await writeFile(path.join(dir, 'icon.icns'), packed('icon.icns', png2icons.createICNS(largest, png2icons.BICUBIC, 0)));
  written.push('icon.ico', 'icon.icns');
  return written;
}

const isEntry = process.argv[1] !== undefined && path.resolve(process.argv[1]) === path.resolve(import.meta.filename);
if (isEntry) {
  const written = await makeIcons();
  process.stdout.write(`Wrote ${written.length} icons to ${path.relative(process.cwd(), ICONS_DIR)}: ${written.join(', ')}\n`);
}
