import { builtinModules } from 'node:module';
import { defineConfig } from 'vite';

// Main-process code (Electron glue, browser host, launcher) built for Node. Every
// dependency is bundled so the packaged app needs no node_modules.
export default defineConfig({
  publicDir: false,
  build: {
    ssr: true,
    outDir: 'out/main',
    emptyOutDir: true,
    target: 'node20',
    sourcemap: false,
    // Minified (names kept, for readable stack traces): the bundled libraries
    // (REFI-QDA's XML and zip, docx for the Word briefing) came to 2.6 MB
    // unminified and would push app.asar past its 3 MiB budget (README, Packaging).
    minify: 'esbuild',
    // One chunk loaded from disk by Node, not over a network: its size is the asar budget's business.
    chunkSizeWarningLimit: 4096,
    rollupOptions: {
      input: {
        electron: 'main/electron/main.ts',
        web: 'main/web/server.ts',
        'start-desktop': 'main/electron/start-desktop.ts',
      },
      external: ['electron', ...builtinModules, ...builtinModules.map((m) => `node:${m}`)],
      output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
  esbuild: { keepNames: true },
  ssr: { noExternal: true, target: 'node' },
});
