import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, SAMPLE_FILES, SHARED_DIR } from '../helpers.js';

/** Runs the installed command exactly as a user does: node bin/drs.mjs … */
function drs(args: string[]) {
  const started = performance.now();
  const result = spawnSync(process.execPath, [`${ROOT}bin/drs.mjs`, ...args], { encoding: 'utf8' });
  return { code: result.status, out: result.stdout, err: result.stderr, ms: Math.round(performance.now() - started) };
}

const PUBLISHED = join(SHARED_DIR, 'reference-reports', 'published');

describe('drs review', () => {
  it('reviews the published folder: 洪泽 2023’s R-01/R-03 errors and 洪泽 2024’s N-02 warning, exit 1', () => {
    const out = mkdtempSync(join(tmpdir(), 'drs-cli-review-'));
    const { code, out: text, err, ms } = drs(['review', `${PUBLISHED}/`, '--html', join(out, 'review.html')]);
    console.log(`drs review of the published folder: ${ms} ms`);
    expect(err).toBe('');
    expect(code).toBe(1);
    const lines = text.split('\n');
    expect(lines[0]).toMatch(/^序号\s+文件\s+机关\s+年度\s+格式\s+成文日期（期限）\s+错误\s+警告$/);
    expect(lines.find((l) => l.includes('hongze-gov-2023.pdf'))).toMatch(/淮安市洪泽区人民政府\s+2023\s+pdf\s+未写明（期限 2024-03-31）\s+[1-9]\d*\s+\d+$/);
    const json = drs(['review', PUBLISHED, '--json']);
    const summary = JSON.parse(json.out) as { reports: { fileName: string; findings: { ruleId: string; severity: string; quote: string | null }[] }[] };
    const rules = (name: string) => summary.reports.find((r) => r.fileName === name)!.findings;
    for (const name of ['hongze-gov-2023.pdf', 'hongze-gov-2023.txt']) {
      expect(rules(name).filter((f) => f.severity === 'error').map((f) => f.ruleId)).toEqual(expect.arrayContaining(['R-01', 'R-03']));
    }
    for (const name of ['hongze-gov-2024.pdf', 'hongze-gov-2024.txt']) {
      expect(rules(name).find((f) => f.ruleId === 'N-02')?.quote).toContain('区政府办代表区政府受理政府信息公开申请17件');
    }
    expect(json.code).toBe(1);
    expect(text).toContain(`已写出：${join(out, 'review.html')}`);
    expect(readFileSync(join(out, 'review.html'), 'utf8')).toContain('淮安市洪泽区人民政府2024年度报告');
  }, 60_000);

  it('exits 0 for clean reports, 2 with a clear line for a file it cannot read — in English with --lang en', () => {
    expect(drs(['review', ...Object.values(SAMPLE_FILES)]).code).toBe(0);
    const dir = mkdtempSync(join(tmpdir(), 'drs-cli-review-'));
    writeFileSync(join(dir, 'empty.pdf'), '');
    const { code, out, err } = drs(['review', dir, SAMPLE_FILES['gov-2021']!, '--lang', 'en']);
    expect(code).toBe(2);
    expect(err).toBe('');
    expect(out).toContain('Files that could not be read (1):');
    expect(out).toMatch(/empty\.pdf: "empty\.pdf" is empty \(0 bytes\)/);
    expect(out).toContain('1 report(s) reviewed: 0 with errors');
    expect(out).not.toMatch(/\bat .+:\d+:\d+/);
  });

  it('still writes the summary when files cannot be read, and says so when an output cannot be written', () => {
    const dir = mkdtempSync(join(tmpdir(), 'drs-cli-review-'));
    const { code, err } = drs(['review', join(dir, 'nosuch'), '--html', join(dir, 'out.html'), '--xlsx', join(dir, 'no', 'out.xlsx')]);
    expect(code).toBe(2);
    expect(readFileSync(join(dir, 'out.html'), 'utf8')).toContain('nosuch');
    expect(err).toMatch(/^drs: /);
    expect(existsSync(join(dir, 'no', 'out.xlsx'))).toBe(false);
  });

  it('asks for files or folders when none is named', () => {
    const { code, err } = drs(['review']);
    expect(code).toBe(2);
    expect(err).toContain('请指定要审查的报告文件或文件夹');
  });
});
