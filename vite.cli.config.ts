import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

/**
 * The PDF writer's libraries, bundled too: loaded from node_modules they cost ~90 ms of module resolving,
 * compiling and data set-up per `drs export --pdf`. (fflate stays external: the Word writer shares it.)
 */
const PDF_PACKAGES = ['pdfkit', 'fontkit', 'restructure', '@swc/helpers', 'fast-deep-equal', 'clone', 'dfa', 'tiny-inflate', 'unicode-trie', 'unicode-properties', 'base64-js', 'linebreak', 'png-js', '@noble/hashes'];

/**
 * Modules the exporter never runs, replaced by a function that says so if it ever is reached. Loading them
 * is not free: brotli builds its 120 KB dictionary at load (fontkit needs it only for WOFF2 fonts, which
 * FontResolver never hands it), the AES tables serve only encrypted PDFs (we never encrypt).
 */
const NEVER_USED: Record<string, { use: { 'zh-CN': string; en: string }; exports: string[] }> = {
  'brotli/decompress.js': { use: { 'zh-CN': 'WOFF2 字体解压', en: 'WOFF2 font decompression' }, exports: ['default'] },
  '@noble/ciphers/aes': { use: { 'zh-CN': 'PDF 加密（AES）', en: 'PDF encryption (AES)' }, exports: ['cbc', 'ecb'] },
};

function neverUsedModules(): Plugin {
  const PREFIX = '\0never-used:';
  return {
    name: 'drs-never-used-modules',
    enforce: 'pre',
    resolveId: (id) => (id in NEVER_USED ? PREFIX + id : undefined),
    load(id) {
      if (!id.startsWith(PREFIX)) return undefined;
      const { use, exports } = NEVER_USED[id.slice(PREFIX.length)]!;
      const names = exports.map((name) => (name === 'default' ? 'unused as default' : `unused as ${name}`));
      const message = `drs 命令不包含${use['zh-CN']}。 / The drs command does not include ${use.en}.`;
      return `function unused() { throw new Error(${JSON.stringify(message)}); }\nexport { ${names.join(', ')} };\n`;
    },
  };
}

/**
 * pdfkit finds its own files from import.meta.url: its standard fonts (Helvetica is loaded by every new
 * document) through its package "imports" map, and the sRGB profile of PDF/A next to it. In the bundle
 * import.meta.url is ours, so both are pointed back at pdfkit's installed package. Fails the build if a
 * pdfkit update changes these lines, rather than leaving a bundle that breaks at run time.
 */
function pdfkitFilesFromItsPackage(): Plugin {
  const rewrites: [string, string][] = [
    ['createRequire(import.meta.url)', "createRequire(import.meta.resolve('pdfkit'))"],
    ["new URL('./data/sRGB_IEC61966_2_1.icc', import.meta.url)", "new URL('./data/sRGB_IEC61966_2_1.icc', import.meta.resolve('pdfkit'))"],
  ];
  return {
    name: 'drs-pdfkit-files',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]node_modules[\\/]pdfkit[\\/]js[\\/]pdfkit\.node\.mjs$/.test(id)) return undefined;
      let out = code;
      for (const [from, to] of rewrites) {
        if (!out.includes(from)) this.error(`pdfkit.node.mjs no longer contains "${from}": update vite.cli.config.ts`);
        out = out.replaceAll(from, to);
      }
      return { code: out, map: null };
    },
  };
}

/**
 * Unicode tables built on first use instead of at load (~6 ms a process): fontkit's for the Arabic, Indic and
 * Universal shapers (scripts a Chinese report does not use) and linebreak's for pdfkit's line wrapping (we place
 * every line ourselves). Each is a `const …trie = new UnicodeTrie(…)` only ever asked `.get(codePoint)`;
 * the count per file fails the build when an update changes them.
 */
const LAZY_TRIES: Record<string, number> = { 'fontkit/dist/module.mjs': 3, 'linebreak/dist/module.mjs': 1 };

function unicodeTablesOnFirstUse(): Plugin {
  return {
    name: 'drs-unicode-tables-on-first-use',
    enforce: 'pre',
    transform(code, id) {
      const file = Object.keys(LAZY_TRIES).find((f) => id.replaceAll('\\', '/').endsWith(`/node_modules/${f}`));
      if (!file) return undefined;
      let count = 0;
      const out = code.replace(/^const (\$\w+\$var\$\w*[tT]rie) = (new .+);$/gm, (_, name: string, construct: string) => {
        count++;
        return `let ${name}$built;\nconst ${name} = { get: (codePoint) => (${name}$built ??= ${construct}).get(codePoint) };`;
      });
      if (count !== LAZY_TRIES[file]) this.error(`${file}: expected ${LAZY_TRIES[file]} Unicode tables, found ${count}: update vite.cli.config.ts`);
      return { code: out, map: null };
    },
  };
}

// The `drs` command as a few files instead of ~170 modules: on Node 20 (no compile cache) resolving and
// compiling each module is most of a short command's time. zod is inlined for the same reason (95 modules),
// and so is the PDF writer (above); every other package stays external and loads from node_modules.
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
  ssr: { noExternal: ['zod', ...PDF_PACKAGES], resolve: { conditions: ['node'], externalConditions: ['node'] } },
  plugins: [neverUsedModules(), pdfkitFilesFromItsPackage(), unicodeTablesOnFirstUse()],
  logLevel: 'warn',
});
