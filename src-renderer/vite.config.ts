import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The renderer is loaded from disk by Electron, so every asset path is relative and nothing is remote.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    target: 'chrome130',
    chunkSizeWarningLimit: 4000,
  },
  oxc: { jsx: { runtime: 'automatic' } },
});
