import { describe, expect, it } from 'vitest';
import { recognizeReport, type ImportResult, type SourceBlock, type SourceDocument } from '../../src-core/index.js';
import { isoDateOf } from '../../src-core/import/signature.js';
import { templates } from '../helpers.js';

/** The parts an export prints from the report's facts (title, signature, unit notes) read back into the facts. */
const NOW = new Date('2024-02-01T00:00:00Z');
const p = (text: string, level?: number): SourceBlock => (level === undefined ? { kind: 'paragraph', text } : { kind: 'paragraph', text, level });
const line = (text: string, options: { indent?: number; full?: boolean } = {}): SourceBlock => ({ kind: 'line', text, cells: [text], indent: options.indent ?? 0, full: options.full ?? false });

function recognize(blocks: SourceBlock[], kind: SourceDocument['kind'] = 'docx'): Extract<ImportResult, { ok: true }> {
  const result = recognizeReport({ kind, fileName: 'test', blocks, notes: [] }, templates, { now: NOW });
  if (!result.ok) throw new Error(result.message.en);
  return result;
}

const BODY = [p('一、总体情况', 1), p('本年度工作正常。'), p('六、其他需要报告的事项', 1), p('无。')];
const lastSectionText = (result: Extract<ImportResult, { ok: true }>) => JSON.stringify(result.report.sections.other);

describe('the title', () => {
  it.each([
    ['one line', [p('某县交通运输局2023年政府信息公开工作年度报告')]],
    ['two lines of a PDF', [line('某县交通运输局2023年'), line('政府信息公开工作年度报告')]],
    ['three balanced lines', [line('某县交通运输局'), line('2023年政府信息公开'), line('工作年度报告')]],
    ['one Word paragraph with a line break', [p('某县交通运输局2023年\n政府信息公开工作年度报告')]],
  ])('over %s gives the body and the year and is not text', (_, title) => {
    const { report, importReport } = recognize([...title, ...BODY]);
    expect(report.meta).toMatchObject({ orgName: '某县交通运输局', year: 2023 });
    expect(JSON.stringify(report.sections)).not.toContain('年度报告');
    expect(importReport.removed.map((r) => r.text.replace(/\s/g, '')).join('')).toBe('某县交通运输局2023年政府信息公开工作年度报告');
  });

  it('is not made of a body paragraph that happens to follow a name', () => {
    const { report } = recognize([p('某县交通运输局'), p('根据条例要求，编制2023年政府信息公开工作年度报告。'), ...BODY]);
    expect(report.meta.orgName).toBe('');
  });
});

describe('the signature', () => {
  it('after the last section sets the signing body and the date, and is listed, not text', () => {
    const result = recognize([p('某县交通运输局2023年政府信息公开工作年度报告'), ...BODY, p('某县交通运输局'), p('2024年1月26日')]);
    const { report, importReport } = result;
    expect(report.meta).toMatchObject({ signatureOrg: '某县交通运输局', signatureDate: '2024-01-26' });
    expect(lastSectionText(result)).toContain('无。');
    expect(lastSectionText(result)).not.toContain('2024年');
    expect(importReport.removed.map((r) => r.text)).toEqual(expect.arrayContaining(['某县交通运输局', '2024年1月26日']));
  });

  it('in one Word paragraph with a line break', () => {
    const { report } = recognize([p('某县交通运输局2023年政府信息公开工作年度报告'), ...BODY, p('某县交通运输局\n2024年1月26日')]);
    expect(report.meta).toMatchObject({ signatureOrg: '某县交通运输局', signatureDate: '2024-01-26' });
  });

  it('in the official numerals, and as a date alone', () => {
    const { report } = recognize([p('某县交通运输局2023年政府信息公开工作年度报告'), ...BODY, p('二〇二四年一月二十六日')]);
    expect(report.meta.signatureDate).toBe('2024-01-26');
    expect(report.meta.signatureOrg).toBeUndefined();
  });

  it('is not taken when the report ends in text, or with a date that is no day of the calendar', () => {
    for (const ending of [['某县交通运输局', '2024年2月30日'], ['2024年1月26日', '特此报告。']]) {
      const result = recognize([p('某县交通运输局2023年政府信息公开工作年度报告'), ...BODY, ...ending.map((text) => p(text))]);
      expect(result.report.meta.signatureDate).toBeUndefined();
      for (const text of ending) expect(lastSectionText(result)).toContain(text);
    }
  });

  it.each([
    ['2016年3月18日', '2016-03-18'],
    ['二〇一六年十二月三十一日', '2016-12-31'],
    ['2016年 3月 8日', '2016-03-08'],
    ['2016年13月1日', undefined],
    ['2016年3月18日印发', undefined],
  ])('date %s reads as %s', (text, iso) => {
    expect(isoDateOf(text)).toBe(iso);
  });
});

describe('unit notes under a table', () => {
  const head = [p('城关区司法局2020年政府信息公开工作年度报告'), p('一、总体情况', 1), p('本年度工作正常。'), p('二、主动公开政府信息情况', 1)];
  const procurement: SourceBlock = { kind: 'table', rows: [[{ text: '政府集中采购', rowSpan: 1, colSpan: 1 }, { text: '3', rowSpan: 1, colSpan: 1 }, { text: '120.5', rowSpan: 1, colSpan: 1 }]] };
  const tail = [p('三、收到和处理政府信息公开申请情况', 1), p('无。')];

  it('giving one of the column’s units becomes the cell’s unit and is listed, not text', () => {
    const { report, importReport } = recognize([...head, procurement, p('注：政府集中采购采购总金额单位为 万元。'), ...tail]);
    expect(report.templateId).toBe('gov-2019');
    expect(report.cellUnits).toEqual({ 'gov-2019.active': { central_proc: { proc_amount: '万元' } } });
    expect(JSON.stringify(report.sections.active)).not.toContain('单位');
    expect(importReport.removed.some((r) => r.text.includes('注：政府集中采购采购总金额单位为万元'))).toBe(true);
  });

  it('naming a unit the column does not offer stays text', () => {
    const { report } = recognize([...head, procurement, p('注：政府集中采购采购总金额单位为亿元。'), ...tail]);
    expect(report.cellUnits).toBeUndefined();
    expect(JSON.stringify(report.sections.active)).toContain('单位为亿元');
  });
});

describe('a laid-out page (PDF) around a table', () => {
  const row = (label: string, values: string): SourceBlock => ({ kind: 'line', text: `${label} ${values}`, cells: [label, ...values.split(' ')], indent: 1, full: true });
  const blocks = (lead: SourceBlock[]) => [
    line('某县交通运输局2023年政府信息公开工作年度报告', { indent: 4 }),
    line('一、总体情况'),
    line('本年度工作正常。', { indent: 2 }),
    line('三、收到和处理政府信息公开申请情况'),
    ...lead,
    row('一、本年新收政府信息公开申请数量', '3 0 0 0 0 0 3'),
    line('四、政府信息公开行政复议、行政诉讼情况'),
  ];

  it('keeps a full-width body line before the table as text, not as a row label', () => {
    const { report, importReport } = recognize(blocks([line('2023年，我局收到和处理政府信息公开申请情况详见下', { indent: 2, full: true }), line('表。')]), 'pdf');
    expect(JSON.stringify(report.sections.apply)).toContain('2023年，我局收到和处理政府信息公开申请情况详见下表。');
    expect(report.tables['gov-2021.apply']?.r1_new).toMatchObject({ natural: 3, total: 3 });
    expect(importReport.unplaced).toEqual([]);
  });

  it('still reads a centred caption that reaches the right edge as table wording', () => {
    const { report } = recognize(blocks([line('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', { indent: 6, full: true })]), 'pdf');
    expect(JSON.stringify(report.sections.apply)).not.toContain('勾稽关系');
  });
});

describe('a table caption', () => {
  it('above the table (表二 主动公开政府信息情况) is listed as the table’s, not text; a sentence naming the table stays', () => {
    const { report, importReport } = recognize([
      p('某县交通运输局2023年政府信息公开工作年度报告'),
      p('二、主动公开政府信息情况', 1),
      p('本年主动公开政府信息情况如下。'),
      p('表二 主动公开政府信息情况'),
      p('三、收到和处理政府信息公开申请情况', 1),
    ]);
    expect(JSON.stringify(report.sections.active)).toContain('本年主动公开政府信息情况如下。');
    expect(JSON.stringify(report.sections.active)).not.toContain('表二');
    expect(importReport.removed.map((r) => r.text)).toContain('表二主动公开政府信息情况');
  });
});

describe('label cells with line breaks inside (an exporter may break long labels explicitly)', () => {
  it('match their rows exactly, whitespace aside', () => {
    const cell = (text: string) => ({ text, rowSpan: 1, colSpan: 1 });
    const table: SourceBlock = {
      kind: 'table',
      rows: [
        [cell('一、本年新收政府信息\n公开申请数量'), ...'3000003'.split('').map(cell)],
        [cell('（二）部分公开（区分处理的，只计\n这一情形，不计其他情形）'), ...'1000001'.split('').map(cell)],
      ],
    };
    const { report, importReport } = recognize([p('某县交通运输局2023年政府信息公开工作年度报告'), p('三、收到和处理政府信息公开申请情况', 1), table, p('四、政府信息公开行政复议、行政诉讼情况', 1)]);
    expect(report.tables['gov-2021.apply']?.r1_new).toMatchObject({ natural: 3, total: 3 });
    expect(report.tables['gov-2021.apply']?.r3_2_partial).toMatchObject({ natural: 1, total: 1 });
    expect(importReport.assumptions.map((a) => a['zh-CN']).filter((a) => a.startsWith('原表行名'))).toEqual([]);
  });
});

describe('text copied from a PDF viewer without its layout (every cell a line of its own)', () => {
  const head = [line('某县交通运输局2023年政府信息公开工作年度报告'), line('二、主动公开政府信息情况'), line('第二十条第（一）项'), line('信息内容')];
  const tail = [line('三、收到和处理政府信息公开申请情况')];

  it('reads a run of one-value lines after a label as that row', () => {
    const { report, importReport } = recognize([...head, line('规章'), line('0'), line('0'), line('0'), line('行政规范性文件'), line('2'), line('1'), line('9'), line('行政许可'), line('550'), ...tail], 'pdf');
    expect(report.tables['gov-2021.active']).toMatchObject({ regulations: { made: 0, repealed: 0, valid: 0 }, normative: { made: 2, repealed: 1, valid: 9 }, licensing: { decisions: 550 } });
    expect(importReport.unplaced).toEqual([]);
  });

  it('keeps laid-out lines of several values apart, each a row', () => {
    const { report } = recognize([...head, line('规章'), { kind: 'line', text: '0 0 0', cells: ['0', '0', '0'], indent: 8, full: false }, line('行政规范性文件'), { kind: 'line', text: '2 1 9', cells: ['2', '1', '9'], indent: 8, full: false }, ...tail], 'pdf');
    expect(report.tables['gov-2021.active']).toMatchObject({ regulations: { made: 0, repealed: 0, valid: 0 }, normative: { made: 2, repealed: 1, valid: 9 } });
  });
});
