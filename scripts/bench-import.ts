/**
 * `npm run bench`: whole-process import time, as a user of `drs import` waits for it (node start-up,
 * reading, recognition, checks, writing): the published 洪泽 2023 PDF and our own 11-page DOCX of the
 * gov-2021 sample, median of 5 runs each (target: under 1 s). Prints figures; it is not a test.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseReport } from '../src-core/index.js';
import { Exporter } from '../src-main/export/Exporter.js';
import { loadTemplateLibrary } from '../src-main/services/TemplateLibrary.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DRS = join(ROOT, 'bin', 'drs.mjs');
const RUNS = 5;
const work = mkdtempSync(join(tmpdir(), 'drs-bench-import-'));

/** Our own DOCX of the gov-2021 sample, as the app exports it. */
async function sampleDocx(): Promise<string> {
  const templates = loadTemplateLibrary();
  const parsed = parseReport(readFileSync(join(ROOT, 'templates', 'samples', 'gov-2021-qingchuan-psb-2025.drs'), 'utf8'), templates);
  if (!parsed.ok) throw new Error(parsed.error.message.en);
  const docxPath = join(work, 'gov-2021-sample.docx');
  const result = await new Exporter().exportReport({ report: parsed.report, template: parsed.template, docxPath, draft: false });
  if (result.status !== 'exported') throw new Error(`export ${result.status}`);
  return docxPath;
}

/** Median wall time of `node bin/drs.mjs import FILE -o OUT`, in ms. */
function importTime(file: string): number {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const out = join(work, `out-${i}.drs`);
    const start = performance.now();
    execFileSync(process.execPath, [DRS, 'import', file, '-o', out], { stdio: 'ignore' });
    times.push(performance.now() - start);
    rmSync(out);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? 0;
}

const pdf = join(ROOT, '..', 'shared', 'reference-reports', 'published', 'hongze-gov-2023.pdf');
const docx = await sampleDocx();
const pdfMs = importTime(pdf);
const docxMs = importTime(docx);
const verdict = (ms: number) => (ms < 1000 ? 'ok' : 'over 1 s');
console.log(`drs import (whole process, median of ${RUNS}):  洪泽 2023 PDF ${pdfMs.toFixed(0)} ms (${verdict(pdfMs)})   gov-2021 sample DOCX ${docxMs.toFixed(0)} ms (${verdict(docxMs)})`);
rmSync(work, { recursive: true, force: true });
