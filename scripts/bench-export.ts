/**
 * `npm run bench` (after the build): export speed, side by side in one run, alternating, medians.
 * - whole-process `drs export --pdf` of the gov-2021 sample vs LibreOffice converting its DOCX (when installed), with the ratio;
 * - the first and the warm in-process PDF export, and the app's first export after the background warm-up;
 * - whole-process DOCX export and `drs validate`;
 * - a ~500-page report's PDF: time and peak memory (max RSS of the process).
 * BENCH_BASELINE=<folder with bin/, dist/, templates/ and node_modules> measures an older build in the
 * same run (each figure is then given for both). BENCH_RUNS sets the rounds (default 5). Prints figures; it is not a test.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { plainBlocksToLexical } from '../src-core/index.js';
import { ROOT, sample, SAMPLE_FILES } from '../tests/helpers.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const work = mkdtempSync(join(tmpdir(), 'drs-bench-export-'));

interface Build {
  name: string;
  root: string;
}
const builds: Build[] = [{ name: 'this build', root: ROOT }];
if (process.env.BENCH_BASELINE) builds.unshift({ name: 'baseline', root: process.env.BENCH_BASELINE });

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const ms = (value: number) => `${value.toFixed(0)} ms`;

/** Wall time of a whole process, in ms; throws when it fails. */
function timed(command: string, args: string[], cwd = work): number {
  const start = performance.now();
  const result = spawnSync(command, args, { cwd, encoding: 'utf8' });
  const elapsed = performance.now() - start;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.status}): ${result.stderr}`);
  return elapsed;
}

/** Runs every job once per round, in turn, and returns each job's times. */
function alternate(jobs: Record<string, () => number>, rounds = RUNS): Record<string, number[]> {
  const times: Record<string, number[]> = Object.fromEntries(Object.keys(jobs).map((k) => [k, []]));
  for (let round = 0; round < rounds; round++) for (const [name, job] of Object.entries(jobs)) times[name]!.push(job());
  return times;
}

const drs = (build: Build, args: string[]) => () => timed(process.execPath, [join(build.root, 'bin/drs.mjs'), ...args]);

/** The in-process probe: a fresh Node process that imports the build's Exporter and times exports in it. */
const PROBE = join(work, 'probe.mjs');
writeFileSync(
  PROBE,
  `import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
const [root, reportFile, outDir, mode, runs] = process.argv.slice(2);
const load = (p) => import(pathToFileURL(join(root, p)).href);
const started = performance.now();
const core = await load('dist/src-core/index.js');
const { Exporter } = await load('dist/src-main/export/Exporter.js');
const { loadTemplateLibrary } = await load('dist/src-main/services/TemplateLibrary.js');
const parsed = core.parseReport(readFileSync(reportFile, 'utf8'), loadTemplateLibrary(join(root, 'templates')));
if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
const exporter = new Exporter();
let warmUpMs = null;
if (mode === 'app' && typeof exporter.warmUp === 'function') {
  const start = performance.now();
  await exporter.warmUp(parsed.template);
  warmUpMs = performance.now() - start;
}
const times = [];
let pages = 0;
for (let i = 0; i < Number(runs); i++) {
  const start = performance.now();
  const result = await exporter.exportReport({ report: parsed.report, template: parsed.template, draft: false, pdfPath: join(outDir, 'probe-' + i + '.pdf') });
  times.push(performance.now() - start);
  if (result.status !== 'exported') throw new Error(JSON.stringify(result));
  pages = core.paginate(core.buildDocumentModel(parsed.template, parsed.report, { draft: false, now: new Date() })).pageCount;
}
console.log(JSON.stringify({ times, warmUpMs, pages, loadMs: performance.now() - started, maxRssMiB: process.resourceUsage().maxRSS / 1024 }));
`,
);

interface Probe {
  times: number[];
  warmUpMs: number | null;
  pages: number;
  maxRssMiB: number;
}
function probe(build: Build, reportFile: string, mode: 'cli' | 'app', runs: number): Probe {
  const result = spawnSync(process.execPath, [PROBE, build.root, reportFile, work, mode, String(runs)], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`probe failed: ${result.stderr}`);
  return JSON.parse(result.stdout.trim().split('\n').pop()!) as Probe;
}

function hasLibreOffice(): boolean {
  return spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;
}

function main(): void {
  console.log(`bench-export: ${RUNS} rounds, alternating; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}, ${availableParallelism()} cores`);
  const report = SAMPLE_FILES['gov-2021']!;
  const docx = join(work, 'sample.docx');
  // The DOCX LibreOffice converts is ours, from the current build.
  timed(process.execPath, [join(ROOT, 'bin/drs.mjs'), 'export', '--docx', docx, report]);

  const jobs: Record<string, () => number> = {};
  for (const build of builds) jobs[`${build.name}: drs export --pdf`] = drs(build, ['export', '--pdf', join(work, `${build.name}.pdf`), report]);
  if (hasLibreOffice()) {
    const profile = `file://${join(work, 'lo-profile')}`;
    const soffice = () => timed('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', join(work, 'lo'), docx]);
    soffice(); // the first run creates the profile
    jobs['LibreOffice: soffice --convert-to pdf'] = soffice;
  } else console.log('LibreOffice (soffice) is not installed: no comparison.');
  const pdf = alternate(jobs);
  console.log('\nWhole-process PDF export of the gov-2021 sample (median of each):');
  const lo = pdf['LibreOffice: soffice --convert-to pdf'];
  for (const [name, times] of Object.entries(pdf)) {
    const ratio = lo && !name.startsWith('LibreOffice') ? `   LibreOffice / drs = ${(median(lo) / median(times)).toFixed(2)}×` : '';
    console.log(`  ${name.padEnd(42)} ${ms(median(times))}  (${times.map((t) => t.toFixed(0)).join(', ')})${ratio}`);
  }

  const other: Record<string, () => number> = {};
  for (const build of builds) {
    other[`${build.name}: drs export --docx`] = drs(build, ['export', '--docx', join(work, `${build.name}.docx`), report]);
    other[`${build.name}: drs validate`] = drs(build, ['validate', report]);
  }
  console.log('\nWhole-process DOCX export and validate (median):');
  for (const [name, times] of Object.entries(alternate(other))) console.log(`  ${name.padEnd(42)} ${ms(median(times))}  (${times.map((t) => t.toFixed(0)).join(', ')})`);

  console.log('\nIn one process (PDF of the gov-2021 sample; first export, median of the next 5; app: after the warm-up):');
  const firsts: Record<string, number[]> = {};
  const warms: Record<string, number[]> = {};
  const appFirsts: Record<string, number[]> = {};
  const warmUps: Record<string, number[]> = {};
  for (let round = 0; round < RUNS; round++) {
    for (const build of builds) {
      const cli = probe(build, report, 'cli', 6);
      (firsts[build.name] ??= []).push(cli.times[0]!);
      (warms[build.name] ??= []).push(median(cli.times.slice(1)));
      const app = probe(build, report, 'app', 1);
      (appFirsts[build.name] ??= []).push(app.times[0]!);
      if (app.warmUpMs !== null) (warmUps[build.name] ??= []).push(app.warmUpMs);
    }
  }
  for (const build of builds) {
    const warmUp = warmUps[build.name] ? `, warm-up ${ms(median(warmUps[build.name]!))} in the background` : ', no warm-up';
    console.log(`  ${build.name.padEnd(12)} first ${ms(median(firsts[build.name]!))}, warm ${ms(median(warms[build.name]!))}; app's first export ${ms(median(appFirsts[build.name]!))}${warmUp}`);
  }

  const long = sample('gov-2021');
  long.sections.overview = plainBlocksToLexical(
    Array.from({ length: 3450 }, (_, i) => `第${i + 1}段：本年度政府信息公开工作情况说明，主动公开政府信息，依申请公开，政府信息管理，平台建设，监督保障，内容较长。`),
  );
  const longFile = join(work, 'long.drs');
  writeFileSync(longFile, JSON.stringify(long));
  console.log('\nLong report, PDF in one process (median time; peak = max RSS of the process):');
  const longRuns: Record<string, Probe[]> = {};
  for (let round = 0; round < Math.min(RUNS, 3); round++) for (const build of builds) (longRuns[build.name] ??= []).push(probe(build, longFile, 'cli', 1));
  for (const build of builds) {
    const runs = longRuns[build.name]!;
    console.log(`  ${build.name.padEnd(12)} ${runs[0]!.pages} pages: ${ms(median(runs.map((r) => r.times[0]!)))}, peak ${median(runs.map((r) => r.maxRssMiB)).toFixed(0)} MiB`);
  }
}

mkdirSync(join(work, 'lo'), { recursive: true });
try {
  if (!existsSync(join(ROOT, 'dist/src-main/cli/drs.js'))) throw new Error('build first: npm run build:node');
  main();
} finally {
  rmSync(work, { recursive: true, force: true });
}
