/**
 * What the File menu does: exports and backups are produced by the service
 * (through the dispatcher, so outputs are checked like any IPC call) and saved
 * where the user picks in a native dialog; Import… and Restore… read the chosen
 * file and hand its text to the page, which shows the import preview or asks
 * to confirm the restore. The last folder used is remembered.
 */
import type { Dialog, MessageBoxOptions } from 'electron';
import path from 'node:path';
import type { ExportKind, MenuEvent } from '../../preload/bridge';
import { MAX_IMPORT_BYTES, type FileOutput } from '../../preload/contract';
import type { Dispatcher } from '../../preload/rpc';

export interface FileActionDeps {
  dispatch: Dispatcher;
  dialog: Pick<Dialog, 'showSaveDialog' | 'showOpenDialog'>;
  /** Shows an error to the user (a native message box attached to the window). */
  showError(options: MessageBoxOptions): Promise<unknown>;
  send(event: MenuEvent): void;
  lastFolder(): string | null;
  rememberFolder(folder: string): Promise<void>;
  /** Where dialogs open before any folder was remembered (the user's Documents). */
  defaultFolder(): string;
  fs: {
    writeFile(file: string, data: string, encoding: 'utf8'): Promise<void>;
    /** The file's bytes (an import may be a zip, a .qdpx). */
    readFile(file: string): Promise<Uint8Array>;
    stat(file: string): Promise<{ size: number; isFile(): boolean }>;
  };
}

const EXPORTS: Record<ExportKind, { method: 'exportMarkdown' | 'exportAnnotations' | 'exportBackup'; title: string; filters: { name: string; extensions: string[] }[] }> = {
  markdown: { method: 'exportMarkdown', title: 'Export Markdown', filters: [{ name: 'Markdown', extensions: ['md'] }] },
  annotations: {
    method: 'exportAnnotations',
    title: 'Export Web Annotations',
    filters: [{ name: 'W3C Web Annotations (JSON-LD)', extensions: ['jsonld', 'json'] }],
  },
  backup: { method: 'exportBackup', title: 'Back up Fieldmark', filters: [{ name: 'Fieldmark backup (JSON)', extensions: ['json'] }] },
};

const OPEN_FILTERS = [
  { name: 'Annotations and backups (JSON)', extensions: ['json', 'jsonld'] },
  { name: 'REFI-QDA codebooks and projects', extensions: ['qdc', 'qdpx'] },
  { name: 'All files', extensions: ['*'] },
];

/** A zip's local-file-header signature ("PK\x03\x04"): a .qdpx goes to the page as base64 bytes, as the dialog's Import… sends it. */
function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** What the page gets for a chosen file: base64 bytes for a zip being imported, else the text (UTF-8, as before). */
function fileEvent(purpose: 'import' | 'restore', fileName: string, bytes: Uint8Array): MenuEvent {
  if (purpose === 'import' && isZip(bytes)) return { action: 'import-file', fileName, contentBase64: Buffer.from(bytes).toString('base64') };
  const content = Buffer.from(bytes).toString('utf8');
  return purpose === 'import' ? { action: 'import-file', fileName, content } : { action: 'restore-file', fileName, content };
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export interface FileActions {
  exportFile(kind: ExportKind): Promise<void>;
  openFile(purpose: 'import' | 'restore'): Promise<void>;
}

/** Builds the File menu's actions over injected dialogs, file system and service. */
export function createFileActions(deps: FileActionDeps): FileActions {
  const folder = () => deps.lastFolder() ?? deps.defaultFolder();
  const fail = (message: string) => deps.showError({ type: 'error', title: 'Fieldmark', message });

  return {
    async exportFile(kind) {
      const spec = EXPORTS[kind];
      const envelope = await deps.dispatch(spec.method, null);
      if (!envelope.ok) {
        await fail(envelope.error.message);
        return;
      }
      const output = envelope.value as FileOutput;
      const choice = await deps.dialog.showSaveDialog({
        title: spec.title,
        defaultPath: path.join(folder(), output.filename),
        filters: spec.filters,
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      });
      if (choice.canceled || !choice.filePath) return;
      try {
        await deps.fs.writeFile(choice.filePath, output.content, 'utf8');
      } catch (error) {
        await fail(`Fieldmark could not save ${path.basename(choice.filePath)}: ${reason(error)}. Choose another folder and try again.`);
        return;
      }
      await deps.rememberFolder(path.dirname(choice.filePath));
      deps.send({ action: 'exported', kind, fileName: path.basename(choice.filePath), path: choice.filePath });
    },

    async openFile(purpose) {
      const choice = await deps.dialog.showOpenDialog({
        title: purpose === 'import' ? 'Import annotations' : 'Restore a backup',
        defaultPath: folder(),
        filters: OPEN_FILTERS,
        properties: ['openFile'],
      });
      const file = choice.filePaths[0];
      if (choice.canceled || !file) return;
      const fileName = path.basename(file);
      let bytes: Uint8Array;
      try {
        const info = await deps.fs.stat(file);
        if (!info.isFile()) {
          await fail(`${fileName} is not a file. Choose a file to ${purpose}.`);
          return;
        }
        if (info.size > MAX_IMPORT_BYTES) {
          await fail(`${fileName} is larger than 50 MB, so Fieldmark did not open it. Nothing was changed.`);
          return;
        }
        bytes = await deps.fs.readFile(file);
      } catch (error) {
        await fail(`Fieldmark could not read ${fileName}: ${reason(error)}. Nothing was changed.`);
        return;
      }
      await deps.rememberFolder(path.dirname(file));
      deps.send(fileEvent(purpose, fileName, bytes));
    },
  };
}
