import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The preload runs in a sandboxed renderer, which only loads a single CommonJS file.
export default defineConfig({
  build: {
    lib: { entry: fileURLToPath(new URL('./src-main/preload.ts', import.meta.url)), formats: ['cjs'], fileName: () => 'preload.cjs' },
    outDir: fileURLToPath(new URL('./dist/preload', import.meta.url)),
    emptyOutDir: true,
    minify: false,
    target: 'node20',
    rollupOptions: { external: ['electron'] },
  },
});
