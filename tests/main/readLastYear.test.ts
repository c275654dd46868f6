import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLastYear } from '../../src-main/prior/readLastYear.js';
import { SAMPLE_FILES, templates } from '../helpers.js';

describe("reading last year's .drs report", () => {
  it('reads it like any report, bounded: a pipe is refused at once (it used to hang), a broken file is named', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'drs-last-year-'));
    const ok = await readLastYear(SAMPLE_FILES['gov-2021']!, templates);
    expect(ok).toMatchObject({ ok: true, source: { kind: 'drs' } });

    const fifo = join(dir, 'pipe.drs');
    execFileSync('mkfifo', [fifo]);
    const started = Date.now();
    const refused = await readLastYear(fifo, templates);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(refused.ok === false && refused.message['zh-CN']).toContain('不是普通文件');

    const broken = join(dir, 'broken.drs');
    writeFileSync(broken, '{"schemaVersion": 1, ');
    const failed = await readLastYear(broken, templates);
    expect(failed.ok === false && failed.message['zh-CN']).toMatch(/“broken\.drs”无法作为报告打开。/);
  });
});
