import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The `drs` command as a few files instead of ~170 modules: on Node 20 (no compile cache) resolving and
// compiling each module is most of a short command's time. zod is inlined for the same reason (95 modules);
// every other package stays external and loads from node_modules (their data files sit next to them).
export default defineConfig({
  build: {
    ssr: fileURLToPath(new URL('./src-main/cli/drs.ts', import.meta.url)),
    // Same depth as dist/src-main/cli, so the paths the code finds from import.meta.url (templates, fonts) hold.
    outDir: fileURLToPath(new URL('./dist/src-main/cli-bundle', import.meta.url)),
    emptyOutDir: true,
    minify: false,
    target: 'node20',
    rollupOptions: { output: { format: 'es', entryFileNames: 'drs.js', chunkFileNames: '[name]-[hash].js' } },
  },
  ssr: { noExternal: ['zod'] },
  logLevel: 'warn',
});
