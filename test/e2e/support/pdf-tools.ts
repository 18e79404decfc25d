/**
 * Reading the PDFs the tests make the way a reader's tools would, with
 * Debian's poppler-utils (pdftotext, pdfinfo, pdftoppm; .ci/run installs them).
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { PaperSize } from '../../../common/paper-size';
import { briefingPdfOptions } from '../../../main/electron/briefing-pdf';

const run = promisify(execFile);

/** The text of a PDF in reading order (pdftotext -layout keeps lines as set). */
export async function pdfText(file: string, pages?: { first: number; last: number }): Promise<string> {
  const range = pages ? ['-f', String(pages.first), '-l', String(pages.last)] : [];
  return (await run('pdftotext', ['-enc', 'UTF-8', ...range, file, '-'], { maxBuffer: 64 * 1024 * 1024 })).stdout;
}

/** pdfinfo's fields ("Pages", "Tagged", "Page size", …). */
export async function pdfInfo(file: string): Promise<Record<string, string>> {
  const { stdout } = await run('pdfinfo', [file]);
  return Object.fromEntries(
    stdout
      .split('\n')
      .map((line) => /^([^:]+):\s*(.*)$/u.exec(line))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => [m[1]!.trim(), m[2]!.trim()]),
  );
}

/** The titles in the PDF's outline (bookmarks), in order: pdftohtml -xml writes them as <item> elements of <outline>. */
export async function pdfOutline(file: string): Promise<string[]> {
  const { stdout } = await run('pdftohtml', ['-xml', '-stdout', '-i', '-q', file], { maxBuffer: 64 * 1024 * 1024 });
  const outline = /<outline>([\s\S]*)<\/outline>/u.exec(stdout)?.[1] ?? '';
  const unescape = (text: string) => text.replace(/&lt;/gu, '<').replace(/&gt;/gu, '>').replace(/&quot;/gu, '"').replace(/&#39;/gu, "'").replace(/&amp;/gu, '&');
  return [...outline.matchAll(/<item[^>]*>([^<]*)<\/item>/gu)].map((m) => unescape(m[1]!).trim());
}

/** The logical structure of a tagged PDF (pdfinfo -struct): empty for an untagged file. */
export async function pdfStructure(file: string): Promise<string> {
  return (await run('pdfinfo', ['-struct', file], { maxBuffer: 64 * 1024 * 1024 })).stdout;
}

/** Renders one page to `<outPrefix>.png` for a person to look at. */
export async function renderPage(file: string, page: number, outPrefix: string, dpi = 60): Promise<void> {
  await run('pdftoppm', ['-png', '-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', file, outPrefix]);
}

/** One page's pixels (pdftoppm's binary PPM, P6): width, height and RGB bytes. */
export async function pagePixels(file: string, page: number, dpi = 50): Promise<{ width: number; height: number; rgb: Buffer }> {
  const { stdout } = await run('pdftoppm', ['-r', String(dpi), '-f', String(page), '-l', String(page), file], { encoding: 'buffer', maxBuffer: 64 * 1024 * 1024 });
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/u.exec(stdout.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error('pdftoppm did not write a PPM image');
  return { width: Number(header[1]), height: Number(header[2]), rgb: stdout.subarray(header[0].length) };
}

/** How many pixels of a page are within `tolerance` of a colour (per channel). */
export async function countColour(file: string, page: number, colour: [number, number, number], tolerance = 12): Promise<number> {
  const { rgb } = await pagePixels(file, page);
  let count = 0;
  for (let i = 0; i + 2 < rgb.length; i += 3) {
    if (Math.abs(rgb[i]! - colour[0]) <= tolerance && Math.abs(rgb[i + 1]! - colour[1]) <= tolerance && Math.abs(rgb[i + 2]! - colour[2]) <= tolerance) count++;
  }
  return count;
}

/**
 * Playwright's `page.pdf` options for the desktop's Save Briefing as PDF
 * (`briefingPdfOptions`, the options `webContents.printToPDF` gets): the same
 * Chromium engine, so tests and B10 print what the desktop prints.
 */
export function desktopPdfOptions(title: string, paper: PaperSize) {
  const options = briefingPdfOptions(title, paper);
  return {
    format: options.pageSize as string,
    printBackground: options.printBackground,
    tagged: options.generateTaggedPDF,
    outline: options.generateDocumentOutline,
    displayHeaderFooter: options.displayHeaderFooter,
    headerTemplate: options.headerTemplate,
    footerTemplate: options.footerTemplate,
  };
}
