/**
 * `npm run bench:kill` (also part of `npm run bench`): the kill test at scale. 1 000 times (DRS_KILL_TRIALS),
 * a process saving reports of varied size in a loop (tests/fixtures/saveLoop.mjs, the built DraftStore)
 * is killed with SIGKILL at a random moment; then the file, its backups and source.txt are checked,
 * the next save is made and the temp files left are counted. Prints figures; exits 1 when a figure
 * that must be 0 is not.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { plainBlocksToLexical, type Report } from '../src-core/index.js';
import { DraftStore, documentIdFor } from '../src-main/services/DraftStore.js';
import { sample, templates } from '../tests/helpers.js';
import { killSaverAfter } from '../tests/fixtures/killSaver.js';

const TRIALS = Number(process.env.DRS_KILL_TRIALS ?? 1000);
/** A kill lands this long (at most) after the saver said it was ready: several saves of the large report. */
const MAX_DELAY_MS = 150;

/** The content a user cares about: everything but the save stamp, independent of key order. */
function content(report: Report): string {
  const canonical = (value: unknown): unknown =>
    Array.isArray(value) ? value.map(canonical) : value && typeof value === 'object' ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, canonical(v)])) : value;
  return JSON.stringify(canonical({ ...report, updatedAt: undefined }));
}

function withParagraphs(count: number, label: string): Report {
  const report = sample('gov-2021');
  report.meta.orgName = `${label}测试局`;
  report.sections.overview = plainBlocksToLexical(Array.from({ length: count }, (_, i) => `第${i + 1}段：本年度政府信息公开工作情况说明，内容较长，用于测试保存过程中被中断的情形。`));
  return report;
}

const tempFiles = (folder: string) => readdirSync(folder).filter((n) => n.endsWith('.tmp'));

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'drs-bench-kill-'));
  const dataDir = join(dir, 'data');
  const file = join(dir, '报告.drs');
  const docId = documentIdFor(file);
  const versions = [withParagraphs(0, '小'), withParagraphs(400, '中'), withParagraphs(4000, '大')];
  const versionFiles = versions.map((v, i) => {
    const path = join(dir, `version${i}.json`);
    writeFileSync(path, JSON.stringify(v));
    return path;
  });
  const known = new Set(versions.map(content));
  const store = new DraftStore({ dataDir, templates, backupsKept: 3 });
  // Twice: the second save makes the backup folder that the trials check.
  for (let i = 0; i < 2; i++) if ((await store.save(file, versions[0]!, docId)).status !== 'saved') throw new Error('the first saves failed');
  const backupFolder = join(dataDir, 'backups', readdirSync(join(dataDir, 'backups'))[0] ?? '');
  let onDisk = content(versions[0]!);

  const figures = { old: 0, new: 0, midWrite: 0, corrupted: 0, badBackups: 0, orphans: 0, sourceBad: 0 };
  const started = Date.now();
  for (let i = 0; i < TRIALS; i++) {
    // Each trial saves a different pair of sizes, alternately, so kills land in small and large writes.
    const pair = [versionFiles[i % 3]!, versionFiles[(i + 1) % 3]!];
    await killSaverAfter([dataDir, file, ...pair], Math.floor(Math.random() * MAX_DELAY_MS));
    if (tempFiles(dir).length + tempFiles(backupFolder).length > 0) figures.midWrite++;
    if (readFileSync(join(backupFolder, 'source.txt'), 'utf8') !== file) figures.sourceBad++;
    const opened = await store.open(file);
    const got = opened.status === 'opened' ? content(opened.report) : undefined;
    if (got === undefined || !known.has(got)) figures.corrupted++;
    else if (got === onDisk) figures.old++;
    else figures.new++;
    for (const backup of await store.listBackups(file)) if (!('report' in (await store.readBackup(backup.id)))) figures.badBackups++;
    // The next save (of what loaded) must leave no temp file of the killed one behind.
    if (opened.status === 'opened') {
      const next = await store.save(file, opened.report, docId);
      if (next.status !== 'saved') throw new Error(`trial ${i + 1}: the next save failed: ${next.reason.en}`);
      onDisk = content(opened.report);
    }
    figures.orphans += tempFiles(dir).length + tempFiles(backupFolder).length;
    if ((i + 1) % 100 === 0) process.stderr.write(`  ${i + 1}/${TRIALS}\n`);
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  const sizes = versions.map((v) => `${(Buffer.byteLength(JSON.stringify(v, null, 1)) / 1024).toFixed(0)} KB`).join(', ');
  console.log(`kill bench: ${TRIALS} kill -9 trials during saves of reports of ${sizes} (${seconds} s)`);
  console.log(`  old version loaded                      ${figures.old}`);
  console.log(`  new version loaded                      ${figures.new}`);
  console.log(`  kills landing mid-write (temp left)     ${figures.midWrite}`);
  console.log(`  corrupted files                         ${figures.corrupted}  (must be 0)`);
  console.log(`  bad backups                             ${figures.badBackups}  (must be 0)`);
  console.log(`  orphan temp files after the next save   ${figures.orphans}  (must be 0)`);
  console.log(`  source.txt bad                          ${figures.sourceBad}  (must be 0)`);
  rmSync(dir, { recursive: true, force: true });
  if (figures.corrupted + figures.badBackups + figures.orphans + figures.sourceBad > 0) process.exitCode = 1;
}

await main();
