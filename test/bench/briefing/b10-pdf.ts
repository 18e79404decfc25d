/**
 * B10 (issue 15), PDF: the built browser host (`node out/main/web.js`) on a
 * data folder holding 1,000 annotations, in headless Debian Chromium with the
 * end-to-end flags. One sample is the whole path a user takes: open the
 * Briefing view, wait for the print view to show all the quotes (getBriefing
 * and React), then print it to PDF with the desktop's options (page.pdf:
 * tagged, outline, footer; the engine of webContents.printToPDF). Target:
 * ≤ 3 s (median). The parts (preview, print) are in the details. The floor
 * is Chromium printing the same briefing without the app: the briefing's own
 * HTML export, loaded alone in a page and printed with the same options.
 */
import { chromium, type Page } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openStore } from '../../../main/core/store/store';
import type { StoredAnnotation } from '../../../main/core/store/store-schema';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../e2e/support/chromium';
import { desktopPdfOptions } from '../../e2e/support/pdf-tools';
import { startApp } from '../app/app-host';
import { median, nowMs } from '../harness/measure';
import type { CaseResult } from '../harness/results';
import { docWith } from '../node/seeded-store';
import { B10_TITLE } from './b10-docx';

const LIMIT_MS = 3000;

async function seededFolder(records: StoredAnnotation[]): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'fieldmark-b10-'));
  const store = await openStore({ dataDir: dir });
  await store.apply([{ op: 'replace', value: docWith(records) }]);
  await store.close();
  return dir;
}

const pdfOptions = () => desktopPdfOptions(B10_TITLE, 'A4');

/** The floor's sample: the exported HTML alone, printed. */
async function floorSample(page: Page, html: string): Promise<number> {
  const started = nowMs();
  await page.setContent(html);
  await page.pdf(pdfOptions());
  return nowMs() - started;
}

/** One sample: open the view, wait for every quote, print; closes the view after. */
async function sample(page: Page, quotes: number): Promise<{ total: number; preview: number; pdf: number; bytes: number; pages: number }> {
  const started = nowMs();
  await page.getByRole('button', { name: 'Briefing' }).click();
  const preview = page.getByRole('region', { name: 'Briefing' }).getByRole('article', { name: 'Print view' });
  await preview.locator('blockquote').nth(quotes - 1).waitFor({ state: 'attached', timeout: 60_000 });
  const shown = nowMs();
  const pdf = await page.pdf(pdfOptions());
  const done = nowMs();
  await page.getByRole('button', { name: 'Close briefing' }).click();
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/gu) ?? []).length;
  return { total: done - started, preview: shown - started, pdf: done - shown, bytes: pdf.length, pages };
}

/** Runs B10-pdf against the build at `root` (its out/ must exist). */
export async function benchBriefingPdf(root: string, records: StoredAnnotation[], runs: number, log: (line: string) => void): Promise<CaseResult> {
  const dir = await seededFolder(records);
  const app = await startApp(root, dir);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
    await page.goto(app.url);
    await page.locator('article [data-block-id]').first().waitFor();
    // Settle the title once (the view remembers it), so every sample prints the same document.
    await page.getByRole('button', { name: 'Briefing' }).click();
    await page.getByRole('region', { name: 'Briefing' }).getByRole('textbox', { name: 'Title', exact: true }).fill(B10_TITLE);
    const quotes = (await app.call<{ counts: { placements: number } }>('getBriefing', { title: B10_TITLE, groupBy: 'section' })).counts.placements;
    await page.getByRole('button', { name: 'Close briefing' }).click();
    const html = (await app.call<{ content: string }>('exportBriefing', { title: B10_TITLE, groupBy: 'section', format: 'html' })).content;
    const alone = await browser.newPage({ viewport: { width: 1280, height: 860 } });
    log(`B10: PDF through the print view, ${quotes} quotes…`);
    await sample(page, quotes);
    await floorSample(alone, html);
    const samples = [];
    const floors: number[] = [];
    // Alternating, so a change in the machine's load weighs on both alike.
    for (let i = 0; i < runs; i++) {
      samples.push(await sample(page, quotes));
      floors.push(await floorSample(alone, html));
    }
    const ours = median(samples.map((s) => s.total));
    return {
      id: 'B10-pdf',
      case: `briefing of ${records.length.toLocaleString('en')} annotations to PDF through the print view`,
      ours_ms: ours,
      peer_ms: null,
      floor_ms: median(floors),
      ratio: ours / LIMIT_MS,
      ratio_of: 'ours/limit',
      target: '≤ 3 s (median)',
      met: ours <= LIMIT_MS,
      runs,
      details: {
        ours: 'browser host + headless Chromium: open the Briefing view, wait for every quote in the print view, page.pdf with the desktop options (A4, tagged, outline, footer)',
        floor: 'the briefing’s HTML export alone in a page (setContent), printed with the same options',
        preview_ms: median(samples.map((s) => s.preview)),
        pdf_ms: median(samples.map((s) => s.pdf)),
        pdfBytes: samples.at(-1)!.bytes,
        pages: samples.at(-1)!.pages,
        quotes,
      },
    };
  } finally {
    await browser.close();
    await app.stop();
    await rm(dir, { recursive: true, force: true });
  }
}
