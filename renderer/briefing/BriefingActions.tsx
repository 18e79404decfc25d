/**
 * The Briefing's outputs: Download Word, Download HTML, Download Markdown
 * (exportBriefing, through the download helper) and the PDF from the print
 * view — the browser's print dialog, or on the desktop "Save as PDF…". A note
 * still being typed is saved first, so it is in the file.
 */
import type { BriefingOptions } from '../../preload/contract';
import type { PaperSize } from '../../common/paper-size';
import { useApp } from '../app-state/app-context';
import { useAnnotations } from '../annotations/annotations-context';
import { downloadFile } from '../export/download';
import { useDialogTask } from '../export/use-dialog-task';
import { ShareNotice } from '../export/ShareNotice';
import { desktopSavePdf } from './desktop-pdf';

const FORMATS = [
  { format: 'docx', label: 'Download Word', done: 'Word document' },
  { format: 'html', label: 'Download HTML', done: 'HTML file' },
  { format: 'markdown', label: 'Download Markdown', done: 'Markdown file' },
] as const;

function bytesOf(base64: string): Uint8Array<ArrayBuffer> {
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

interface BriefingActionsProps {
  options: BriefingOptions | null;
  paper: PaperSize;
  /** False until the preview shows the current options (printing now would print an older one). */
  previewReady: boolean;
}

export function BriefingActions({ options, paper, previewReady }: BriefingActionsProps) {
  const { client, notify } = useApp();
  const { flushNotes } = useAnnotations();
  const { busy, error, run } = useDialogTask();
  const savePdf = desktopSavePdf();

  const download = (format: (typeof FORMATS)[number]) =>
    run(format.label, async () => {
      if (!options) return;
      await flushNotes();
      const file = await client.exportBriefing({ ...options, format: format.format });
      downloadFile(file.filename, 'contentBase64' in file ? bytesOf(file.contentBase64) : file.content);
      notify(`Briefing saved as a ${format.done}, ${file.filename}.`);
    });

  const printPdf = () =>
    run(savePdf ? 'Save as PDF' : 'Print', async () => {
      if (!options) return;
      if (!savePdf) {
        window.print();
        return;
      }
      const result = await savePdf({ title: options.title, paper });
      if (result.saved) notify(`Briefing saved as ${result.fileName}.`);
    });

  const off = busy !== null || options === null;
  return (
    <div className="bf-actions">
      <div className="bf-buttons">
        {FORMATS.map((format) => (
          <button key={format.format} type="button" className="toolbar-button" disabled={off} onClick={() => void download(format)}>
            {format.label}
          </button>
        ))}
        <button type="button" className="toolbar-button bf-primary" disabled={off || !previewReady} onClick={() => void printPdf()}>
          {savePdf ? 'Save as PDF…' : 'Print or save as PDF'}
        </button>
      </div>
      <ShareNotice className="bf-status" />
      <p className="bf-status" role="status">
        {busy ? `${busy}…` : ''}
      </p>
      {error && (
        <p className="bf-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
