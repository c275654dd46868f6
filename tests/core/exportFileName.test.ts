import { describe, expect, it } from 'vitest';
import { reportFileName } from '../../src-core/index.js';
import { sample, template } from '../helpers.js';

const utf8Bytes = (text: string) => Buffer.byteLength(text);

describe('default file names', () => {
  it('are 机关全称 + 年度 + title + extension when they fit', () => {
    expect(reportFileName(template('gov-2021'), sample('gov-2021'), '.drs')).toBe('青川县公安局2025年政府信息公开工作年度报告.drs');
  });

  it.each(['.drs', '.docx', '.pdf', '.html'])('fit 255 bytes with room for " (999)" for any organisation name (%s)', (extension) => {
    for (const orgName of ['某'.repeat(100), '😀'.repeat(80), 'a'.repeat(300), `${'县'.repeat(60)}/:*?`]) {
      const report = sample('gov-2021');
      report.meta.orgName = orgName;
      const name = reportFileName(template('gov-2021'), report, extension);
      expect(utf8Bytes(name), name).toBeLessThanOrEqual(255 - utf8Bytes(' (999)'));
      expect(name.endsWith(`2025年政府信息公开工作年度报告${extension}`), name).toBe(true);
      expect(name.startsWith(orgName.replace(/[\\/:*?"<>|]/g, '_').slice(0, 5)), name).toBe(true);
      expect(name).not.toMatch(/[\\/:*?"<>|\uFFFD]/);
    }
  });
});
