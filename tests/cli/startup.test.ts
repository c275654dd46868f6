import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ROOT, SAMPLE_FILES } from '../helpers.js';

/**
 * What a short command loads decides how fast it starts: `node bin/drs.mjs …` (after npm run build:node)
 * with a module hook that notes every package the process resolves from node_modules.
 */
function packagesLoadedBy(args: string[]): { code: number | null; packages: Set<string> } {
  const dir = mkdtempSync(join(tmpdir(), 'drs-startup-'));
  const log = join(dir, 'resolved.txt');
  writeFileSync(log, '');
  const hooks = join(dir, 'hooks.mjs');
  writeFileSync(
    hooks,
    `import { appendFileSync } from 'node:fs';
let log;
export function initialize(data) { log = data.log; }
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  appendFileSync(log, resolved.url + '\\n');
  return resolved;
}`,
  );
  const register = join(dir, 'register.mjs');
  writeFileSync(register, `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hooks).href)}, { data: { log: ${JSON.stringify(log)} } });\n`);
  const result = spawnSync(process.execPath, ['--import', pathToFileURL(register).href, `${ROOT}bin/drs.mjs`, ...args], { cwd: dir, encoding: 'utf8', timeout: 30_000 });
  const packages = new Set(
    readFileSync(log, 'utf8')
      .split('\n')
      .map((url) => /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url)?.[1])
      .filter((name): name is string => name !== undefined),
  );
  return { code: result.status, packages };
}

const report = SAMPLE_FILES['gov-2021']!;

describe('drs start-up', () => {
  it('validates without loading zod from node_modules (it is in the bundle) or any export, import or font library', () => {
    const { code, packages } = packagesLoadedBy(['validate', report]);
    expect(code).toBe(0);
    for (const heavy of ['zod', 'docx', 'pdfkit', 'fontkit', 'fflate', 'pdfjs-dist']) expect(packages, heavy).not.toContain(heavy);
  });

  it('writes Word without loading the PDF writer or the font parser, and PDF without the Word writer', () => {
    const docx = packagesLoadedBy(['export', '--docx', 'out.docx', report]);
    expect(docx.code).toBe(0);
    expect(docx.packages).toContain('docx');
    for (const pdfOnly of ['pdfkit', 'fontkit']) expect(docx.packages, pdfOnly).not.toContain(pdfOnly);

    const pdf = packagesLoadedBy(['export', '--pdf', 'out.pdf', report]);
    expect(pdf.code).toBe(0);
    expect(pdf.packages).not.toContain('docx');
  }, 60_000);

  it('writes PDF with the PDF writer from the bundle, without the modules it never runs (WOFF2 brotli, AES)', () => {
    const { code, packages } = packagesLoadedBy(['export', '--pdf', 'out.pdf', report]);
    expect(code).toBe(0);
    // pdfkit's package is only looked up for its own data files (standard fonts, sRGB profile): its code is bundled.
    for (const bundled of ['fontkit', 'restructure', 'unicode-properties', 'linebreak', '@noble/hashes']) expect(packages, bundled).not.toContain(bundled);
    for (const neverRun of ['brotli', '@noble/ciphers']) expect(packages, neverRun).not.toContain(neverRun);
  }, 60_000);
});
