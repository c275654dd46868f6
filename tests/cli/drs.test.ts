import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { ROOT, SAMPLE_FILES, TEMPLATES_DIR, unusableReportFiles } from '../helpers.js';

/** Runs the installed command exactly as a user does: node bin/drs.mjs … */
function drs(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [`${ROOT}bin/drs.mjs`, ...args], { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 20_000 });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

const tmp = () => mkdtempSync(join(tmpdir(), 'drs-cli-'));
const samples = Object.values(SAMPLE_FILES);

function withError(dir: string): string {
  const json = JSON.parse(readFileSync(SAMPLE_FILES['gov-2021']!, 'utf8'));
  json.tables['gov-2021.apply'].r1_new.natural += 1;
  const file = join(dir, 'error.drs');
  writeFileSync(file, JSON.stringify(json));
  return file;
}

describe('drs', () => {
  it('lists the formats, the default first', () => {
    const { code, out } = drs(['templates']);
    expect(code).toBe(0);
    expect(out.split('\n')[0]).toMatch(/^gov-2021\t.*30号.*（默认）/);
    expect(out).toContain('gov-2019');
    expect(out).toContain('gov-2008');
  });

  it('validates the samples with zero errors (exit 0)', () => {
    const { code, out } = drs(['validate', ...samples]);
    expect(code).toBe(0);
    expect(out.match(/没有错误/g)).toHaveLength(3);
  });

  it('exits 1 and names the place when a report has errors', () => {
    const file = withError(tmp());
    const { code, out } = drs(['validate', file]);
    expect(code).toBe(1);
    expect(out).toContain('错误 [P-01] 三、收到和处理政府信息公开申请情况 · 自然人列：第一项加第二项之和（41）不等于第三项加第四项之和（40），相差 1');
  });

  it('prints findings as JSON, in English on request', () => {
    const file = withError(tmp());
    const { code, out } = drs(['validate', file, '--json', '--lang', 'en']);
    expect(code).toBe(1);
    const { findings } = JSON.parse(out) as { findings: Record<string, unknown>[] };
    expect(findings.length).toBeGreaterThan(0);
    for (const f of findings) expect(Object.keys(f).sort()).toEqual(['actual', 'expected', 'location', 'message', 'ruleId', 'severity']);
    expect(findings).toContainEqual({
      ruleId: 'P-01',
      severity: 'error',
      location: { tableId: 'gov-2021.apply', rowId: 'r4_carry_out', colId: 'natural' },
      expected: 40,
      actual: 41,
      message: expect.stringContaining('items one plus two (41) do not equal items three plus four (40)'),
    });
    const ok = drs(['validate', SAMPLE_FILES['gov-2021']!, '--json']);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.out)).toEqual({ findings: [] });
  });

  it('exits 2 with one plain line for a file that is not a report, and leaves it untouched', () => {
    const dir = tmp();
    const file = join(dir, 'cut.drs');
    const text = readFileSync(SAMPLE_FILES['gov-2021']!, 'utf8').slice(0, 500);
    writeFileSync(file, text);
    const before = statSync(file).mtimeMs;
    const { code, err, out } = drs(['validate', file]);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err.trim().split('\n')).toHaveLength(1);
    expect(err).toContain('文件内容不完整');
    expect(readFileSync(file, 'utf8')).toBe(text);
    expect(statSync(file).mtimeMs).toBe(before);
  });

  it('exits 2 without a stack trace for a missing file, an unknown command or bad options', () => {
    for (const args of [['validate', '/nonexistent/x.drs'], ['frobnicate'], ['validate'], ['new', '--year', 'abc', '--org', 'x', '-o', '/tmp/x.drs'], ['validate', '--bogus', 'x']]) {
      const { code, err } = drs(args);
      expect(code, args.join(' ')).toBe(2);
      expect(err, args.join(' ')).toMatch(/^drs: /);
      expect(err, args.join(' ')).not.toMatch(/\n\s+at /);
    }
  });

  it('creates a new report with the starter wording, and never overwrites a file', () => {
    const file = join(tmp(), 'new.drs');
    const created = drs(['new', '--template', 'gov-2021', '--year', '2025', '--org', '某某县公安局', '-o', file]);
    expect(created.code).toBe(0);
    const report = JSON.parse(readFileSync(file, 'utf8'));
    expect(report).toMatchObject({ schemaVersion: 2, templateId: 'gov-2021', meta: { orgName: '某某县公安局', year: 2025 } });
    expect(JSON.stringify(report.sections.preamble)).toContain('自2025年1月1日起至2025年12月31日止');
    // A new report is readable but unfinished: the gaps of the starter wording are errors.
    const checked = drs(['validate', file, '--json']);
    expect(checked.code).toBe(1);
    expect(JSON.parse(checked.out).findings.map((f: { ruleId: string }) => f.ruleId)).toContain('C-04');
    const again = drs(['new', '--year', '2025', '--org', '别的局', '-o', file]);
    expect(again.code).toBe(2);
    expect(again.err).toContain('已存在');
    expect(JSON.parse(readFileSync(file, 'utf8')).meta.orgName).toBe('某某县公安局');
  });

  it('picks the format that fits the year when none is named', () => {
    const file = join(tmp(), 'old.drs');
    expect(drs(['new', '--year', '2015', '--org', '某局', '-o', file]).code).toBe(0);
    expect(JSON.parse(readFileSync(file, 'utf8')).templateId).toBe('gov-2008');
  });

  it('uses a fourth format dropped into the templates folder', () => {
    const dir = tmp();
    cpSync(TEMPLATES_DIR, dir, { recursive: true });
    cpSync(`${ROOT}tests/fixtures/fourth-format/gov-2031.json`, join(dir, 'gov-2031.json'));
    expect(drs(['templates'], { DRS_TEMPLATES_DIR: dir }).out).toContain('gov-2031');
    const file = join(tmp(), 'x.drs');
    expect(drs(['new', '--year', '2031', '--org', '测试局', '-o', file], { DRS_TEMPLATES_DIR: dir }).code).toBe(0);
    expect(JSON.parse(readFileSync(file, 'utf8')).templateId).toBe('gov-2031');
  });

  it('reports a broken format file by name instead of crashing', () => {
    const dir = tmp();
    cpSync(TEMPLATES_DIR, dir, { recursive: true });
    writeFileSync(join(dir, 'gov-2031.json'), '{"id": "gov-2031"}');
    const { code, err } = drs(['templates'], { DRS_TEMPLATES_DIR: dir });
    expect(code).toBe(2);
    expect(err).toContain('gov-2031.json');
    expect(err).toContain('$.name');
  });

  it('validates and exports a report of a sound format while another format file is broken, and names the broken one when it is used', () => {
    const dir = tmp();
    cpSync(TEMPLATES_DIR, dir, { recursive: true });
    writeFileSync(join(dir, 'gov-2019.json'), '{"id": "gov-2019"}');
    const out = tmp();
    expect(drs(['validate', SAMPLE_FILES['gov-2021']!], { DRS_TEMPLATES_DIR: dir }).code).toBe(0);
    expect(drs(['export', SAMPLE_FILES['gov-2021']!, '--docx', join(out, 'r.docx')], { DRS_TEMPLATES_DIR: dir }).code).toBe(0);
    expect(existsSync(join(out, 'r.docx'))).toBe(true);
    const { code, err } = drs(['validate', SAMPLE_FILES['gov-2019']!], { DRS_TEMPLATES_DIR: dir });
    expect(code).toBe(2);
    expect(err).toContain('gov-2019.json: $.name');
    // Said as a broken format file, with the fix, not as an internal error.
    expect(err).toContain('格式文件有误');
    expect(err).not.toContain('内部错误');
    const json = drs(['validate', '--json', SAMPLE_FILES['gov-2019']!], { DRS_TEMPLATES_DIR: dir });
    expect(JSON.parse(json.out).loadErrors[0]).toMatchObject({ code: 'template', path: '$.templateId' });
  });

  it.skipIf(process.platform === 'win32')('a PDF export that stops early does not wait for a slow fc-list to finish', () => {
    // fontconfig's fc-list, started in the background to find installed fonts, here takes 60 s.
    const bin = tmp();
    writeFileSync(join(bin, 'fc-list'), '#!/bin/sh\nexec sleep 60\n', { mode: 0o755 });
    const env = { PATH: `${bin}:${process.env.PATH ?? ''}` };
    for (const args of [
      ['export', '--pdf', join(tmp(), 'x.pdf'), join(tmp(), 'missing.drs')],
      ['export', join(tmp(), 'missing-a.drs'), join(tmp(), 'missing-b.drs')],
    ]) {
      const started = Date.now();
      const { code, err } = drs(args, env);
      expect(code, err).toBe(2);
      expect(Date.now() - started).toBeLessThan(15_000);
    }
  });

  it('refuses a format file that is a FIFO at once, by name, instead of waiting for a writer', () => {
    const dir = tmp();
    cpSync(TEMPLATES_DIR, dir, { recursive: true });
    execFileSync('mkfifo', [join(dir, 'gov-2031.json')]);
    const { code, err } = drs(['templates'], { DRS_TEMPLATES_DIR: dir });
    expect(code).toBe(2);
    expect(err).toContain('gov-2031.json');
    expect(err).toContain('not a regular file');
  });

  it('exports Word and PDF next to the report, with the default file names', () => {
    const dir = tmp();
    const file = join(dir, 'r.drs');
    cpSync(SAMPLE_FILES['gov-2021']!, file);
    const { code, out } = drs(['export', file]);
    expect(code).toBe(0);
    for (const ext of ['docx', 'pdf']) {
      const exported = join(dir, `青川县公安局2025年政府信息公开工作年度报告.${ext}`);
      expect(existsSync(exported), ext).toBe(true);
      expect(out).toContain(`已导出：${exported}`);
    }
  }, 60_000);

  it('exports PDF/A with --pdfa: the sRGB output intent pdfkit reads from its own package is embedded', () => {
    const dir = tmp();
    const pdf = join(dir, 'archive.pdf');
    const { code, err } = drs(['export', '--pdfa', '--pdf', pdf, SAMPLE_FILES['gov-2021']!]);
    expect(err).toBe('');
    expect(code).toBe(0);
    const text = readFileSync(pdf).toString('latin1');
    expect(text).toContain('/OutputIntents');
    expect(text).toContain('/S /GTS_PDFA1');
    expect(text).toContain('pdfaid:part');
  }, 60_000);

  it('refuses to export a report with errors (exit 1) unless --draft is given', () => {
    const dir = tmp();
    const file = withError(dir);
    const pdf = join(dir, 'out.pdf');
    const refused = drs(['export', file, '--pdf', pdf]);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('[P-01]');
    expect(refused.err).toContain('--draft');
    expect(existsSync(pdf)).toBe(false);
    const draft = drs(['export', file, '--pdf', pdf, '--draft']);
    expect(draft.code).toBe(0);
    expect(draft.out).toContain(`已导出草稿：${pdf}`);
    expect(existsSync(pdf)).toBe(true);
  }, 60_000);

  it('exports several reports in one call, each next to itself; one that cannot be read does not stop the others', () => {
    const dirs = [tmp(), tmp()];
    const files = [join(dirs[0]!, 'a.drs'), join(dirs[1]!, 'b.drs')];
    cpSync(SAMPLE_FILES['gov-2021']!, files[0]!);
    cpSync(SAMPLE_FILES['gov-2019']!, files[1]!);
    const { code, out, err } = drs(['export', files[0]!, '/nonexistent/r.drs', files[1]!]);
    expect(code).toBe(2);
    expect(err.trim().split('\n')).toHaveLength(1);
    for (const dir of dirs) expect(readdirSync(dir).filter((n) => /\.(docx|pdf)$/.test(n)), dir).toHaveLength(2);
    expect(out.match(/已导出：/g)).toHaveLength(4);
    const named = drs(['export', files[0]!, files[1]!, '--pdf', join(dirs[0]!, 'one.pdf')]);
    expect(named.code).toBe(2);
    expect(named.err).toContain('--pdf');
  }, 60_000);

  it('exits 2 with one line when the file to export cannot be read', () => {
    const { code, err } = drs(['export', '/nonexistent/r.drs']);
    expect(code).toBe(2);
    expect(err.trim().split('\n')).toHaveLength(1);
  });

  it('validates every file named, printing a failure for each one that cannot be used (FIFO, device, folder, oversized, wrong encoding)', () => {
    const dir = tmp();
    const fifo = join(dir, 'pipe.drs');
    execFileSync('mkfifo', [fifo]);
    const { zero, folder, big } = unusableReportFiles(dir);
    const utf32 = join(dir, 'utf32.drs');
    writeFileSync(utf32, iconv.encode(readFileSync(SAMPLE_FILES['gov-2021']!, 'utf8'), 'utf32le', { addBOM: true }));
    const files = [samples[0]!, fifo, zero, folder, big, utf32, samples[1]!];
    const started = Date.now();
    const { code, out, err } = drs(['validate', ...files]);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(code).toBe(2);
    expect(out.match(/没有错误/g)).toHaveLength(2);
    expect(out).toContain(samples[1]!);
    const lines = err.trim().split('\n');
    expect(lines).toHaveLength(5);
    expect(lines[0]).toContain('管道（FIFO）');
    expect(lines[1]).toContain('是设备');
    expect(lines[2]).toContain('是文件夹');
    expect(lines[3]).toContain('超过上限 20.0 MiB');
    expect(lines[4]).toContain('UTF-32');
    expect(err).not.toMatch(/\n\s+at /);
    const json = drs(['validate', ...files, '--json']);
    expect((JSON.parse(json.out) as { loadErrors: { file: string }[] }).loadErrors.map((e) => e.file)).toEqual([fifo, zero, folder, big, utf32]);
  });

  it('reads a GB18030 report correctly and says which encoding it assumed', () => {
    const dir = tmp();
    const file = join(dir, 'gbk.drs');
    writeFileSync(file, iconv.encode(readFileSync(withError(dir), 'utf8'), 'gb18030'));
    const { code, out } = drs(['validate', file]);
    expect(code).toBe(1);
    expect(out).toContain('说明 文件');
    expect(out).toContain('GB18030');
    // The 机关名称 came through whole: the finding names the table as in the UTF-8 original.
    expect(out).toContain('错误 [P-01] 三、收到和处理政府信息公开申请情况 · 自然人列');
  });

  it('exports a report whose 机关名称 is 100 characters long: the default names fit 255 bytes, with room for " (2)"', () => {
    const dir = tmp();
    const file = join(dir, 'long.drs');
    const json = JSON.parse(readFileSync(SAMPLE_FILES['gov-2021']!, 'utf8'));
    json.meta.orgName = `${'某'.repeat(77)}市人民政府办公室政府信息公开工作领导小组办公室`;
    expect([...json.meta.orgName]).toHaveLength(100);
    writeFileSync(file, JSON.stringify(json));
    const { code, out, err } = drs(['export', file, '--draft']);
    expect(err).toBe('');
    expect(code).toBe(0);
    const exported = readdirSync(dir).filter((n) => n !== 'long.drs');
    for (const name of exported) {
      expect(Buffer.byteLength(name), name).toBeLessThanOrEqual(255 - Buffer.byteLength(' (999)'));
      expect(name).toMatch(/^某某某.*….*2025年政府信息公开工作年度报告\.(docx|pdf)$/);
      expect(out).toContain(join(dir, name));
      // The name freePath would pick next ("… (2).pdf") can be created too.
      const dot = name.lastIndexOf('.');
      writeFileSync(join(dir, `${name.slice(0, dot)} (999)${name.slice(dot)}`), '');
    }
    expect(exported.map((n) => n.split('.').pop()).sort()).toEqual(['docx', 'pdf']);
  }, 60_000);
});

