import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, SAMPLE_FILES, SHARED_DIR } from '../helpers.js';

/** Runs the installed command exactly as a user does: node bin/drs.mjs … (after npm run build:node). */
function drs(args: string[]) {
  const result = spawnSync(process.execPath, [`${ROOT}bin/drs.mjs`, ...args], { encoding: 'utf8' });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

const tmp = () => mkdtempSync(join(tmpdir(), 'drs-lastyear-'));
const LAST = `${ROOT}tests/fixtures/gov-2021-qingchuan-psb-2024.drs`;
const THIS = SAMPLE_FILES['gov-2021']!;
const HONGZE = `${SHARED_DIR}/reference-reports/published`;

describe('drs and last year\'s report (issue #13)', () => {
  it('new --from LAST: the carried-over figures, the facts and the link, last year\'s text not copied', () => {
    const out = join(tmp(), 'new.drs');
    const run = drs(['new', '--from', LAST, '-o', out]);
    expect(run.code).toBe(0);
    expect(run.out).toContain('2025 年度');
    const report = JSON.parse(readFileSync(out, 'utf8'));
    const sample = JSON.parse(readFileSync(THIS, 'utf8'));
    expect(report.tables['gov-2021.apply'].r2_carried_in).toEqual(sample.tables['gov-2021.apply'].r2_carried_in);
    expect(report.meta.orgName).toBe('青川县公安局');
    expect(report.priorYear).toMatchObject({ year: 2024, templateId: 'gov-2021', source: { fileName: 'gov-2021-qingchuan-psb-2024.drs', kind: 'drs' } });
    expect(JSON.stringify(report.sections)).not.toContain('1094');
    expect(drs(['validate', out]).code).toBe(1); // the starter gaps are still to fill (C-04), as in any new report
  });

  it('new --from a published report Import reads, with --year', () => {
    const out = join(tmp(), 'hz.drs');
    const run = drs(['new', '--from', `${HONGZE}/hongze-gov-2024.txt`, '-o', out, '--year', '2025', '--lang', 'en']);
    expect(run.code).toBe(0);
    const report = JSON.parse(readFileSync(out, 'utf8'));
    expect(report.meta).toMatchObject({ orgName: '淮安市洪泽区人民政府', year: 2025 });
    expect(report.priorYear.source).toMatchObject({ fileName: 'hongze-gov-2024.txt', kind: 'import' });
  });

  it('new --from refuses a year not after last year\'s, a missing file, and never overwrites', () => {
    const dir = tmp();
    expect(drs(['new', '--from', LAST, '-o', join(dir, 'a.drs'), '--year', '2024'])).toMatchObject({ code: 2, err: expect.stringContaining('应晚于') as string });
    expect(drs(['new', '--from', join(dir, 'none.drs'), '-o', join(dir, 'b.drs')])).toMatchObject({ code: 2, err: expect.stringContaining('ENOENT') as string });
    writeFileSync(join(dir, 'c.drs'), 'mine');
    expect(drs(['new', '--from', LAST, '-o', join(dir, 'c.drs')]).code).toBe(2);
    expect(readFileSync(join(dir, 'c.drs'), 'utf8')).toBe('mine');
    expect(existsSync(join(dir, 'a.drs'))).toBe(false);
  });

  it('validate --prev runs the year-over-year rules for a report with no stored link, without changing it', () => {
    const dir = tmp();
    const json = JSON.parse(readFileSync(THIS, 'utf8'));
    json.tables['gov-2021.apply'].r2_carried_in.natural = 5;
    json.tables['gov-2021.apply'].r1_new.natural -= 3;
    const file = join(dir, 'this.drs');
    const text = JSON.stringify(json);
    writeFileSync(file, text);
    expect(drs(['validate', file]).out).not.toContain('[P-05]');
    const run = drs(['validate', file, '--prev', LAST]);
    expect(run.out).toContain('警告 [P-05] 三、收到和处理政府信息公开申请情况 · 自然人列：上年结转（5）与上一年度报告的结转下年度继续办理（2）不一致');
    expect(readFileSync(file, 'utf8')).toBe(text);
  });

  it('compare prints every changed cell with last year\'s value and the change, and the repeated paragraphs', () => {
    const run = drs(['compare', LAST, THIS]);
    expect(run.code).toBe(0);
    expect(run.out).toContain('行政许可 · 本年处理决定数量: 24105 → 26418 (+2313)');
    expect(run.out).toContain('行政事业性收费 · 本年收费金额（单位：万元）: 172.40 → 186.52 (+14.12)');
    expect(run.out).toContain('二、上年结转政府信息公开申请数量 · 总计: 1 → 3 (+2)');
    expect(run.out).toContain('行政复议 · 结果维持: 1 → 2 (+1)');
    expect(run.out).not.toContain('行政复议 · 尚未审结');
    expect(run.out).toContain('与上年报告雷同的段落：0 段');
    const copied = drs(['compare', THIS, THIS]);
    expect(copied.out).toMatch(/与上年报告雷同的段落：[1-9]\d* 段/);
  });

  it('compare --html writes a readable page, in the other format\'s terms where the cells differ', () => {
    const file = join(tmp(), 'cmp.html');
    const run = drs(['compare', SAMPLE_FILES['gov-2019']!, THIS, '--html', file]);
    expect(run.code).toBe(0);
    const html = readFileSync(file, 'utf8');
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain('<caption>收到和处理政府信息公开申请情况</caption>');
    expect(html).toContain('2019年版表二统计“对外公开总数量”');
    expect(drs(['compare', THIS]).code).toBe(2);
  });
});
