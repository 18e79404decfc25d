/**
 * Getting exported text out of the page: a download through a Blob URL (the
 * browser host has no file dialogs) and the clipboard (with a fallback for
 * hosts that refuse the async Clipboard API).
 */

/** The media type of an export, from its file name. */
function mediaTypeFor(filename: string): string {
  if (filename.endsWith('.md')) return 'text/markdown;charset=utf-8';
  if (filename.endsWith('.jsonld')) return 'application/ld+json;charset=utf-8';
  if (filename.endsWith('.json')) return 'application/json;charset=utf-8';
  if (filename.endsWith('.qdc')) return 'application/xml;charset=utf-8';
  if (filename.endsWith('.csv')) return 'text/csv;charset=utf-8';
  if (filename.endsWith('.qdpx')) return 'application/zip';
  if (filename.endsWith('.docx')) return 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
  if (filename.endsWith('.html')) return 'text/html;charset=utf-8';
  return 'text/plain;charset=utf-8';
}

/** Offers `content` (text, or the bytes of a binary file) as a file download named `filename`. */
export function downloadFile(filename: string, content: string | Uint8Array<ArrayBuffer>): void {
  const url = URL.createObjectURL(new Blob([content], { type: mediaTypeFor(filename) }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.rel = 'noopener';
  link.hidden = true;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // The download has started by the next task; revoking later keeps slow browsers safe.
  window.setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/**
 * Copies text to the clipboard; resolves false when the host refuses both ways.
 * `host` receives the fallback's hidden textarea: inside a modal dialog it must be
 * the dialog, since everything outside it is inert.
 */
export async function copyText(text: string, host: HTMLElement = document.body): Promise<boolean> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Refused (no permission or no user activation left): try the selection-based copy below.
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  area.style.inset = '0';
  const previous = document.activeElement;
  host.appendChild(area);
  area.select();
  let copied: boolean;
  try {
    copied = document.execCommand('copy');
  } catch {
    copied = false;
  }
  area.remove();
  if (previous instanceof HTMLElement) previous.focus();
  return copied;
}
