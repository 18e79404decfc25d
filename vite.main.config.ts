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
  ssr: { noExternal: true, target: 'node' },
});
