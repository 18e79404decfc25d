/**
 * The main window: locked-down web preferences (Electron security checklist
 * items 2–4, 6, 8–10), DevTools only in development, and bounds remembered
 * between launches but always clamped onto a display that is still there.
 */
import { BrowserWindow, type Rectangle } from 'electron';
import type { WindowBounds } from './desktop-state';

export const MIN_WIDTH = 800;
export const MIN_HEIGHT = 600;
export const DEFAULT_WIDTH = 1200;
export const DEFAULT_HEIGHT = 860;

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}

function overlap(a: Rectangle, b: Rectangle): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/**
 * Places the window: the saved bounds moved and shrunk to lie wholly inside
 * the work area they overlap most, or centred on the primary display when
 * they overlap none (e.g. the monitor they were on is gone).
 */
export function clampWindowBounds(saved: WindowBounds | null, workAreas: readonly Rectangle[], primary: Rectangle): WindowBounds {
  const target = saved
    ? workAreas.reduce<{ area: Rectangle; score: number } | null>((best, area) => {
        const score = overlap(saved, area);
        return score > 0 && (!best || score > best.score) ? { area, score } : best;
      }, null)
    : null;
  const area = target?.area ?? primary;
  const width = clamp(saved?.width ?? DEFAULT_WIDTH, Math.min(MIN_WIDTH, area.width), area.width);
  const height = clamp(saved?.height ?? DEFAULT_HEIGHT, Math.min(MIN_HEIGHT, area.height), area.height);
  const centred = { x: area.x + Math.round((area.width - width) / 2), y: area.y + Math.round((area.height - height) / 2) };
  const origin = target && saved ? { x: saved.x, y: saved.y } : centred;
  return {
    x: clamp(origin.x, area.x, area.x + area.width - width),
    y: clamp(origin.y, area.y, area.y + area.height - height),
    width,
    height,
    maximized: target ? (saved?.maximized ?? false) : false,
  };
}

/**
 * Creates the main window. Every security-relevant web preference is spelled
 * out in this one literal (so a reader, and Electronegativity, can see them).
 */
export function createMainWindow(params: { preload: string; bounds: WindowBounds; isPackaged: boolean }): BrowserWindow {
  return new BrowserWindow({
    x: params.bounds.x,
    y: params.bounds.y,
    width: params.bounds.width,
    height: params.bounds.height,
    minWidth: MIN_WIDTH,
    minHeight: MIN_HEIGHT,
    title: 'Fieldmark',
    show: false,
    webPreferences: {
      preload: params.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
      // Middle-click would otherwise open links in a new window (Electronegativity AUXCLICK check).
      disableBlinkFeatures: 'Auxclick',
      devTools: !params.isPackaged,
    },
  });
}

/** The bounds to remember for a window (its normal bounds, even when maximized). */
export function currentBounds(window: Pick<BrowserWindow, 'getNormalBounds' | 'isMaximized'>): WindowBounds {
  const { x, y, width, height } = window.getNormalBounds();
  return { x, y, width, height, maximized: window.isMaximized() };
}
