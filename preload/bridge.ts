/**
 * What the desktop preload exposes as `window.fieldmark`: the contract's typed
 * client plus `onMenu`, the one way the main process talks to the page (File
 * menu results, View zoom, and the flush request before quitting).
 *
 * Pure on purpose (zod only), so the renderer can import these types.
 */
import { z } from 'zod';
import { PAPER_SIZES } from '../common/paper-size';
import type { Contract } from './contract';
import type { Client } from './rpc';

/** IPC channel of a contract method. */
export const methodChannel = (method: string): string => `fieldmark:${method}`;
export const MENU_CHANNEL = 'fieldmark:menu';
export const FLUSH_CHANNEL = 'fieldmark:flush';
/** The page asks the desktop to print its briefing's print view to a PDF file (issue 15). */
export const SAVE_PDF_CHANNEL = 'fieldmark:save-pdf';

export const SavePdfRequest = z.strictObject({ title: z.string().trim().min(1).max(300), paper: z.enum(PAPER_SIZES).optional() });
export type SavePdfRequest = z.infer<typeof SavePdfRequest>;
/** Not saved when the user cancelled the dialog. */
export const SavePdfResult = z.discriminatedUnion('saved', [
  z.object({ saved: z.literal(false) }),
  z.object({ saved: z.literal(true), fileName: z.string(), paper: z.enum(PAPER_SIZES) }),
]);
export type SavePdfResult = z.infer<typeof SavePdfResult>;

export const ExportKind = z.enum(['markdown', 'annotations', 'backup']);
export type ExportKind = z.infer<typeof ExportKind>;

/** Messages from the desktop main process to the page. */
export const MenuEvent = z.discriminatedUnion('action', [
  /**
   * File → Import…: the chosen file's text, or for a zip (a .qdpx) its bytes as
   * base64; show the import preview (previewImport({ content }) or ({ contentBase64 })).
   * Exactly one of the two is set.
   */
  z.object({ action: z.literal('import-file'), fileName: z.string(), content: z.string().optional(), contentBase64: z.string().optional() }),
  /** File → Restore…: the chosen backup's text; ask for confirmation, then restoreBackup({ content }). */
  z.object({ action: z.literal('restore-file'), fileName: z.string(), content: z.string() }),
  /** File → Export…/Back up…: the file was written; a short confirmation can say where. */
  z.object({ action: z.literal('exported'), kind: ExportKind, fileName: z.string(), path: z.string() }),
  /** View → Zoom In/Out/Actual Size: step the reading font size (the app's zoom). */
  z.object({ action: z.literal('zoom'), direction: z.enum(['in', 'out', 'reset']) }),
  /** File → Lock, or the computer slept (the store may already be locked): lock, and empty the page (issue 16). */
  z.object({ action: z.literal('lock') }),
  /** File → Save Briefing as PDF…: open the Briefing view and save its print view (savePdf) once it is ready. */
  z.object({ action: z.literal('save-briefing-pdf') }),
  /** The app is quitting: save any note being edited now (through the client as usual). */
  z.object({ action: z.literal('flush') }),
]);
export type MenuEvent = z.infer<typeof MenuEvent>;

export type FieldmarkBridge = Client<Contract> & {
  /** Subscribes to main-process messages; returns the unsubscribe function. */
  onMenu(callback: (event: MenuEvent) => void): () => void;
  /** Prints the page (its briefing print view) to a PDF and saves it where the user picks (issue 15). */
  savePdf(request: SavePdfRequest): Promise<SavePdfResult>;
};
