import { defineConfig } from 'vite';

// The renderer: one static bundle, loaded from app:// in Electron and from
// 127.0.0.1 in the browser host. Relative base so both origins work.
export default defineConfig({
  root: 'renderer',
  base: './',
  publicDir: false,
  build: {
    outDir: '../out/renderer',
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: false,
    modulePreload: { polyfill: false },
    // The bundle (about 600 kB) is read from the app's own files, never over a network;
    // start-up is measured where the user feels it (B12's open-to-report-painted).
    chunkSizeWarningLimit: 1024,
  },
});
