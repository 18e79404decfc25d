import { describe, expect, it, vi } from 'vitest';
import type { IpcMainInvokeEvent } from 'electron';
import { briefingPdfOptions, footerTemplate, pdfFileName, registerSavePdf, saveBriefingPdf, type SavePdfDeps } from '../../../main/electron/briefing-pdf';
import { paperForLocale } from '../../../common/paper-size';

function deps(overrides: Partial<SavePdfDeps> = {}) {
  const printed: unknown[] = [];
  const written: Array<[string, Uint8Array]> = [];
  const remembered: string[] = [];
  const base: SavePdfDeps = {
    webContents: {
      printToPDF: async (options) => {
        printed.push(options);
        return Buffer.from('%PDF-1.7');
      },
    },
    dialog: { showSaveDialog: vi.fn(async () => ({ canceled: false, filePath: '/home/a/Briefs/japan' })) },
    writeFile: async (file, data) => {
      written.push([file, data]);
    },
    locale: () => 'en-US',
    folder: () => '/home/a/Documents',
    rememberFolder: async (folder) => {
      remembered.push(folder);
    },
    ...overrides,
  };
  return { deps: base, printed, written, remembered };
}

describe('Save Briefing as PDF', () => {
  it('uses Letter where it is the usual paper and A4 elsewhere', () => {
    expect(['en-US', 'en_CA', 'es-MX', 'fr-CA'].map(paperForLocale)).toEqual(['Letter', 'Letter', 'Letter', 'Letter']);
    expect(['en-GB', 'ja-JP', 'ja', 'de', 'es-ES', 'en'].map(paperForLocale)).toEqual(['A4', 'A4', 'A4', 'A4', 'A4', 'A4']);
  });

  it('asks Chromium for a tagged PDF with an outline, backgrounds and a footer', () => {
    const options = briefingPdfOptions('Japan 2021', 'A4');
    expect(options).toMatchObject({ pageSize: 'A4', printBackground: true, generateTaggedPDF: true, generateDocumentOutline: true, displayHeaderFooter: true });
    expect(options.footerTemplate).toContain('<span class="pageNumber"></span>');
    expect(options.footerTemplate).toContain('<span class="totalPages"></span>');
    expect(options.footerTemplate).toContain('Japan 2021');
  });

  it('puts the title in the footer as text, never as markup', () => {
    const footer = footerTemplate('<img src=x onerror=alert(1)> & "TITP"');
    expect(footer).not.toContain('<img');
    expect(footer).toContain('&#60;img src=x onerror=alert(1)&#62; &#38; &#34;TITP&#34;');
  });

  it('names the file after the title', () => {
    expect(pdfFileName('Japan 2021: labour trafficking in the TITP')).toBe('Japan-2021-labour-trafficking-in-the-TITP.pdf');
    expect(pdfFileName('///')).toBe('briefing.pdf');
  });

  it('prints on the paper from the locale, saves where the user picks (adding .pdf) and remembers the folder', async () => {
    const { deps: d, printed, written, remembered } = deps();
    await expect(saveBriefingPdf(d, { title: 'Japan 2021' })).resolves.toEqual({ saved: true, fileName: 'japan.pdf', paper: 'Letter' });
    expect(vi.mocked(d.dialog.showSaveDialog).mock.calls[0]![0]).toMatchObject({ defaultPath: '/home/a/Documents/Japan-2021.pdf', filters: [{ name: 'PDF (Letter)', extensions: ['pdf'] }] });
    expect(printed).toEqual([briefingPdfOptions('Japan 2021', 'Letter')]);
    expect(written.map(([file, data]) => [file, Buffer.from(data).toString()])).toEqual([['/home/a/Briefs/japan.pdf', '%PDF-1.7']]);
    expect(remembered).toEqual(['/home/a/Briefs']);
  });

  it('keeps the paper the page chose', async () => {
    const { deps: d, printed } = deps();
    await saveBriefingPdf(d, { title: 'Japan 2021', paper: 'A4' });
    expect(printed).toEqual([briefingPdfOptions('Japan 2021', 'A4')]);
  });

  it('prints and writes nothing when the dialog is cancelled', async () => {
    const { deps: d, printed, written } = deps({ dialog: { showSaveDialog: vi.fn(async () => ({ canceled: true, filePath: '' })) } });
    await expect(saveBriefingPdf(d, { title: 'Japan 2021' })).resolves.toEqual({ saved: false });
    expect(printed).toEqual([]);
    expect(written).toEqual([]);
  });

  it('answers only the trusted page, and only a well-formed request', async () => {
    const handlers = new Map<string, (event: IpcMainInvokeEvent, input: unknown) => Promise<unknown>>();
    const { deps: d, printed } = deps();
    let trusted = false;
    const dispose = registerSavePdf({ handle: (channel, handler) => void handlers.set(channel, handler), removeHandler: (channel) => void handlers.delete(channel) }, () => trusted, d);
    const handler = handlers.get('fieldmark:save-pdf')!;
    const event = {} as IpcMainInvokeEvent;
    await expect(handler(event, { title: 'Japan 2021' })).rejects.toThrow('did not come from the Fieldmark window');
    trusted = true;
    await expect(handler(event, { title: '', paper: 'A4' })).rejects.toThrow();
    await expect(handler(event, { title: 'x', paper: 'Tabloid' })).rejects.toThrow();
    expect(printed).toEqual([]);
    await expect(handler(event, { title: 'Japan 2021' })).resolves.toMatchObject({ saved: true });
    dispose();
    expect(handlers.size).toBe(0);
  });
});
