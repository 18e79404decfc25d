/**
 * The desktop's "Save as PDF…" (issue 15): only the Electron preload's
 * `window.fieldmark` has `savePdf`, which prints this page's print view
 * through Chromium's PDF engine and asks where to save it. In a browser there
 * is none, and the print view goes to the browser's own print dialog.
 */
import type { SavePdfRequest, SavePdfResult } from '../../preload/bridge';

type SavePdf = (request: SavePdfRequest) => Promise<SavePdfResult>;

/** The desktop's savePdf, or null in a browser. */
export function desktopSavePdf(): SavePdf | null {
  const bridge = window.fieldmark as { savePdf?: SavePdf } | undefined;
  return typeof bridge?.savePdf === 'function' ? bridge.savePdf : null;
}
