import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { zipSync } from 'fflate';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../src-core/index.js';
import { exportBoth } from '../export/exportHelpers.js';
import { ROOT, SHARED_DIR, sample, templates } from '../helpers.js';

const DRS = join(ROOT, 'bin', 'drs.mjs');
const PUBLISHED = join(SHARED_DIR, 'reference-reports', 'published');

function drs(...args: string[]) {
  const run = spawnSync(process.execPath, [DRS, ...args], { encoding: 'utf8', timeout: 60_000 });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

describe('drs import', () => {
  it('writes a published PDF as a report the checks read, and prints where everything went', () => {
    const dir = mkdtempSync(join(tmpdir(), 'drs-import-'));
    const out = join(dir, 'hongze-2023.drs');
    const source = join(PUBLISHED, 'hongze-gov-2023.pdf');
    const before = statSync(source).mtimeMs;
    const run = drs('import', source, '-o', out);
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    expect(run.out).toContain('gov-2021');
    expect(run.out).toContain('淮安市洪泽区人民政府');
    expect(statSync(source).mtimeMs).toBe(before);
    const loaded = parseReport(readFileSync(out, 'utf8'), templates);
    expect(loaded.ok).toBe(true);
    // The published tables do not add up; validate says so as for any report.
    const check = drs('validate', out);
    expect(check.code).toBe(1);
    expect(check.out).toContain('[R-01]');
    expect(check.out).toContain('[R-03]');
  }, 90_000);

  it('prints the import report as JSON with --json, in English with --lang en', () => {
    const dir = mkdtempSync(join(tmpdir(), 'drs-import-'));
    const out = join(dir, 'r.drs');
    const run = drs('import', join(PUBLISHED, 'hongze-gov-2024.txt'), '-o', out, '--json', '--lang', 'en');
    expect(run.code).toBe(0);
    const json = JSON.parse(run.out) as { importReport: { templateId: string; year: number; cells: unknown[] } };
    expect(json.importReport.templateId).toBe('gov-2021');
    expect(json.importReport.year).toBe(2024);
    expect(json.importReport.cells.length).toBeGreaterThan(100);
  }, 60_000);

  it('never replaces an existing file, and refuses files that are not reports with one clear line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'drs-import-'));
    const existing = join(dir, 'keep.drs');
    writeFileSync(existing, 'mine');
    const kept = drs('import', join(PUBLISHED, 'hongze-gov-2024.txt'), '-o', existing);
    expect(kept.code).toBe(2);
    expect(kept.err).toContain('已存在');
    expect(readFileSync(existing, 'utf8')).toBe('mine');

    const empty = join(dir, 'empty.pdf');
    writeFileSync(empty, '');
    const binary = join(dir, 'noise.docx');
    writeFileSync(binary, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)));
    for (const bad of [empty, binary, join(dir, 'missing.html')]) {
      const run = drs('import', bad, '-o', join(dir, 'out.drs'));
      expect(run.code, bad).toBe(2);
      expect(run.err.trim().split('\n')).toHaveLength(1);
      expect(run.err).not.toMatch(/\bat .+:\d+:\d+/);
    }
    expect(() => execFileSync('ls', [join(dir, 'out.drs')], { stdio: 'pipe' })).toThrow();
  }, 60_000);

  it('reads our own DOCX back: the signature and the unit note go to the report facts, each listed on one line', async () => {
    const { docxPath, dir } = await exportBoth(sample('gov-2019'), { name: 'gov-2019' });
    const out = join(dir, 'again.drs');
    const run = drs('import', docxPath, '-o', out);
    expect(run.code).toBe(0);
    const lines = run.out.split('\n');
    expect(lines).toContain('  城关区司法局2020年 政府信息公开工作年度报告 — 标题（导出时由机关名称和年度生成）');
    expect(lines).toContain('  2021年1月26日 — 落款（署名机关和成文日期），已填入“报告信息”，导出时由其生成');
    expect(lines.filter((l) => l.startsWith('  注：政府集中采购采购总金额单位为万元。'))).toHaveLength(1);
    const loaded = parseReport(readFileSync(out, 'utf8'), templates);
    if (!loaded.ok) throw new Error('not loaded');
    expect(loaded.report.meta).toMatchObject({ signatureOrg: '城关区司法局', signatureDate: '2021-01-26' });
    expect(loaded.report.cellUnits).toEqual({ 'gov-2019.active': { central_proc: { proc_amount: '万元' } } });
  }, 90_000);

  it('refuses a PDF without text, a zip that is no Word file, a 61 MB file and a FIFO: exit 2, one line naming the file, fast, the file untouched', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'drs-import-bad-'));
    const scan = join(dir, 'scan.pdf');
    writeFileSync(scan, await pdfWithoutText());
    const zip = join(dir, 'photos.docx');
    writeFileSync(zip, zipSync({ 'photo.txt': new TextEncoder().encode('not a report') }));
    const huge = join(dir, 'huge.pdf');
    writeFileSync(huge, '%PDF-1.7\n');
    truncateSync(huge, 61 * 1024 * 1024);
    const fifo = join(dir, 'pipe.html');
    execFileSync('mkfifo', [fifo]);
    for (const [bad, says] of [[scan, '扫描件'], [zip, '不是 Word 文档'], [huge, '超过上限'], [fifo, '不是普通文件']] as const) {
      const before = bad === fifo ? null : readFileSync(bad);
      const started = Date.now();
      const run = drs('import', bad, '-o', join(dir, 'out.drs'));
      expect(Date.now() - started, bad).toBeLessThan(10_000);
      expect(run.code, bad).toBe(2);
      expect(run.err.trim().split('\n'), bad).toHaveLength(1);
      expect(run.err, bad).toContain(says);
      expect(run.err, bad).toContain(basename(bad));
      if (before) expect(readFileSync(bad).equals(before), bad).toBe(true);
    }
    expect(existsSync(join(dir, 'out.drs'))).toBe(false);
  }, 90_000);
});

/** A PDF holding only drawings, as a scanner's image-only page is to the text layer: nothing to read. */
function pdfWithoutText(): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4' });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  for (let i = 0; i < 40; i++) doc.rect(60, 60 + i * 18, 300 + (i % 7) * 30, 10).fill('#333');
  doc.end();
  return done;
}
