/**
 * Save Briefing as PDF (issue 15): the page shows the briefing's print view,
 * Chromium's PDF engine prints it (`webContents.printToPDF`) and a native
 * dialog picks where it goes. Tags and the outline are both asked for, as an
 * outline is built from the tagged structure and comes out empty without it
 * (Electron's PrintToPDFOptions: generateTaggedPDF, generateDocumentOutline).
 * The footer carries the title and the page numbers; the paper is the one the
 * page chose, else A4 or Letter from the system locale.
 * https://www.electronjs.org/docs/latest/api/structures/print-to-pdf-options
 */
import type { Dialog, IpcMain, IpcMainInvokeEvent, PrintToPDFOptions, WebContents } from 'electron';
import path from 'node:path';
import { paperForLocale, type PaperSize } from '../../common/paper-size';
import { SAVE_PDF_CHANNEL, SavePdfRequest, type SavePdfResult } from '../../preload/bridge';

const escapeHtml = (text: string) => text.replace(/[&<>"']/gu, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The footer: the title on the left, "Page n of N" on the right. Chromium fills
 * the pageNumber and totalPages spans; the title is our own escaped text (the
 * template is HTML), not the window's title.
 */
export function footerTemplate(title: string): string {
  return [
    '<div style="box-sizing:border-box;width:100%;padding:0 16mm;display:flex;justify-content:space-between;gap:8mm;',
    'font-family:system-ui,sans-serif;font-size:8pt;color:#444">',
    `<span style="overflow:hidden;text-overflow:ellipsis;white-space:nowrap">${escapeHtml(title)}</span>`,
    '<span style="white-space:nowrap">Page <span class="pageNumber"></span> of <span class="totalPages"></span></span>',
    '</div>',
  ].join('');
}

/** The options the desktop prints a briefing with (the e2e test gives page.pdf the same ones). */
export function briefingPdfOptions(title: string, paper: PaperSize): PrintToPDFOptions {
  return {
    pageSize: paper,
    printBackground: true,
    generateTaggedPDF: true,
    generateDocumentOutline: true,
    displayHeaderFooter: true,
    headerTemplate: '<span></span>',
    footerTemplate: footerTemplate(title),
  };
}

/** A file name from the title: letters, digits and dashes, never empty. */
export function pdfFileName(title: string): string {
  const base = title
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/gu, '')
    .slice(0, 80);
  return `${base || 'briefing'}.pdf`;
}

export interface SavePdfDeps {
  webContents: Pick<WebContents, 'printToPDF'>;
  dialog: Pick<Dialog, 'showSaveDialog'>;
  writeFile(file: string, data: Uint8Array): Promise<void>;
  locale(): string;
  /** Where the dialog opens. */
  folder(): string;
  rememberFolder(folder: string): Promise<void>;
}

/** Prints the page to PDF and saves it where the user picks; `saved: false` when the dialog was cancelled. */
export async function saveBriefingPdf(deps: SavePdfDeps, request: SavePdfRequest): Promise<SavePdfResult> {
  const paper = request.paper ?? paperForLocale(deps.locale());
  const choice = await deps.dialog.showSaveDialog({
    title: 'Save Briefing as PDF',
    defaultPath: path.join(deps.folder(), pdfFileName(request.title)),
    filters: [{ name: `PDF (${paper})`, extensions: ['pdf'] }],
  });
  if (choice.canceled || !choice.filePath) return { saved: false };
  const file = choice.filePath.toLowerCase().endsWith('.pdf') ? choice.filePath : `${choice.filePath}.pdf`;
  const bytes = await deps.webContents.printToPDF(briefingPdfOptions(request.title, paper));
  await deps.writeFile(file, bytes);
  await deps.rememberFolder(path.dirname(file));
  return { saved: true, fileName: path.basename(file), paper };
}

/**
 * Answers the page's savePdf on SAVE_PDF_CHANNEL, for our window's page only
 * (`trusted`, as every IPC call); a malformed request or a failure is an error
 * the preload turns into a message. Returns the function that removes the handler.
 */
export function registerSavePdf(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  trusted: (event: IpcMainInvokeEvent) => boolean,
  deps: SavePdfDeps,
): () => void {
  ipcMain.handle(SAVE_PDF_CHANNEL, async (event: IpcMainInvokeEvent, input: unknown) => {
    if (!trusted(event)) throw new Error('This request did not come from the Fieldmark window, so it was refused.');
    return saveBriefingPdf(deps, SavePdfRequest.parse(input));
  });
  return () => ipcMain.removeHandler(SAVE_PDF_CHANNEL);
}
