/**
 * `npm run bench`: how long one full check of each sample report takes (target: under 2 ms),
 * and how long deriving the computed cells takes. Prints figures; it is not a test.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { checkReport, deriveComputedCells, parseReport } from '../src-core/index.js';
import { loadTemplateLibrary } from '../src-main/services/TemplateLibrary.js';

const templates = loadTemplateLibrary();
const samplesDir = fileURLToPath(new URL('../templates/samples/', import.meta.url));
const files = ['gov-2021-qingchuan-psb-2025.drs', 'gov-2019-chengguan-justice-2020.drs', 'gov-2008-qinghe-transport-2015.drs'];

function measure(run: () => void): { median: number; p95: number } {
  for (let i = 0; i < 200; i++) run();
  const times: number[] = [];
  for (let i = 0; i < 2000; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)] ?? 0, p95: times[Math.floor(times.length * 0.95)] ?? 0 };
}

for (const file of files) {
  const result = parseReport(readFileSync(samplesDir + file, 'utf8'), templates);
  if (!result.ok) throw new Error(`${file}: ${result.error.message.en}`);
  const { report, template } = result;
  const check = measure(() => checkReport(template, report));
  const derive = measure(() => deriveComputedCells(template, report.tables));
  console.log(`${template.id}  checkReport: median ${check.median.toFixed(3)} ms, p95 ${check.p95.toFixed(3)} ms   deriveComputedCells: median ${derive.median.toFixed(3)} ms  (${file})`);
}
