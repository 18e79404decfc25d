import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('./fake-electron'));
const { clampWindowBounds, createMainWindow, DEFAULT_HEIGHT, DEFAULT_WIDTH, MIN_HEIGHT, MIN_WIDTH } = await import('../../../main/electron/window');

const mainWindowOptions = (params: Parameters<typeof createMainWindow>[0]) =>
  (createMainWindow(params) as unknown as { options: { webPreferences?: Record<string, unknown> } & Record<string, unknown> }).options;

const primary = { x: 0, y: 0, width: 1920, height: 1040 };
const secondary = { x: 1920, y: 0, width: 1280, height: 1024 };

describe('main window options', () => {
  const prefs = (isPackaged: boolean) => mainWindowOptions({ preload: '/app/out/preload/index.cjs', bounds: { x: 0, y: 0, width: 1200, height: 860, maximized: false }, isPackaged }).webPreferences!;

  it('locks down every security-relevant web preference', () => {
    expect(prefs(true)).toMatchObject({
      preload: '/app/out/preload/index.cjs',
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
      disableBlinkFeatures: 'Auxclick',
    });
    expect(prefs(true)).not.toHaveProperty('enableBlinkFeatures');
  });

  it('turns DevTools off in the packaged app and on in development', () => {
    expect(prefs(true).devTools).toBe(false);
    expect(prefs(false).devTools).toBe(true);
  });

  it('keeps the window at least 800×600 and hidden until it is ready to show', () => {
    const options = mainWindowOptions({ preload: 'p', bounds: { x: 10, y: 20, width: 900, height: 700, maximized: false }, isPackaged: true });
    expect(options).toMatchObject({ x: 10, y: 20, width: 900, height: 700, minWidth: 800, minHeight: 600, show: false });
  });
});

describe('remembered window bounds', () => {
  it('centres the default size on the primary display on first launch', () => {
    expect(clampWindowBounds(null, [primary], primary)).toEqual({
      x: (1920 - DEFAULT_WIDTH) / 2,
      y: (1040 - DEFAULT_HEIGHT) / 2,
      width: DEFAULT_WIDTH,
      height: DEFAULT_HEIGHT,
      maximized: false,
    });
  });

  it('restores bounds that are still on a display, maximized state included', () => {
    const saved = { x: 2000, y: 100, width: 1000, height: 800, maximized: true };
    expect(clampWindowBounds(saved, [primary, secondary], primary)).toEqual(saved);
  });

  it('moves a window hanging off the edge back inside the display it mostly covers', () => {
    expect(clampWindowBounds({ x: 1500, y: -50, width: 1000, height: 700, maximized: false }, [primary], primary)).toEqual({
      x: 920,
      y: 0,
      width: 1000,
      height: 700,
      maximized: false,
    });
  });

  it('centres on the primary display when the display it was on is gone', () => {
    const saved = { x: 2000, y: 100, width: 1000, height: 800, maximized: true };
    expect(clampWindowBounds(saved, [primary], primary)).toEqual({ x: 460, y: 120, width: 1000, height: 800, maximized: false });
  });

  it('shrinks a window larger than its display to fit, and grows one below the minimum size', () => {
    expect(clampWindowBounds({ x: 0, y: 0, width: 5000, height: 3000, maximized: false }, [primary], primary)).toMatchObject({
      width: 1920,
      height: 1040,
    });
    expect(clampWindowBounds({ x: 0, y: 0, width: 200, height: 100, maximized: false }, [primary], primary)).toMatchObject({
      width: MIN_WIDTH,
      height: MIN_HEIGHT,
    });
  });

  it('fits a display smaller than the minimum size', () => {
    const tiny = { x: 0, y: 0, width: 640, height: 480 };
    expect(clampWindowBounds({ x: 0, y: 0, width: 1000, height: 800, maximized: false }, [tiny], tiny)).toEqual({
      x: 0,
      y: 0,
      width: 640,
      height: 480,
      maximized: false,
    });
  });
});
