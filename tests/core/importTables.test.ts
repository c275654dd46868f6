import { describe, expect, it } from 'vitest';
import { checkReport, parseReport, recognizeReport, sourceFromText, type ImportResult, type SourceBlock, type SourceCell, type SourceDocument } from '../../src-core/index.js';
import { template, templates } from '../helpers.js';

const NOW = new Date('2024-02-01T00:00:00Z');
const c = (text: string, colSpan = 1, rowSpan = 1): SourceCell => ({ text, colSpan, rowSpan });
const p = (text: string, level?: number): SourceBlock => (level === undefined ? { kind: 'paragraph', text } : { kind: 'paragraph', text, level });

function recognize(blocks: SourceBlock[], templateId?: string): Extract<ImportResult, { ok: true }> {
  const source: SourceDocument = { kind: 'docx', fileName: 'test.docx', blocks, notes: [] };
  const result = recognizeReport(source, templates, templateId === undefined ? { now: NOW } : { now: NOW, templateId });
  if (!result.ok) throw new Error(result.message.en);
  return result;
}

const HEAD = [p('某县交通运输局2023年政府信息公开工作年度报告'), p('本报告统计期限自2023年1月1日起至2023年12月31日止。'), p('一、总体情况', 1), p('本年度工作正常。')];

/** 表二 as a Word table: captions spanning the width, value cells spanning three columns. */
const ACTIVE_TABLE: SourceBlock = {
  kind: 'table',
  rows: [
    [c('第二十条第（一）项', 4)],
    [c('信息内容'), c('本年制发件数'), c('本年废止件数'), c('现行有效件数')],
    [c('规章'), c('/'), c('/'), c('/')],
    [c('规范性文件'), c('22（其中修订16件）'), c('1,234'), c('１２')],
    [c('第二十条第（五）项', 4)],
    [c('信息内容'), c('本年处理决定数量', 3)],
    [c('行政许可'), c('550', 3)],
    [c('第二十条第（六）项', 4)],
    [c('信息内容'), c('本年处理决定数量', 3)],
    [c('行政处罚'), c('', 3)],
    [c('行政强制'), c('0', 3)],
    [c('第二十条第（八）项', 4)],
    [c('信息内容'), c('本年收费金额（单位：万元）', 3)],
    [c('行政事业性收费'), c('0.35'), c(''), c('')],
  ],
};

describe('tables read from real table cells (DOCX/HTML)', () => {
  const { report, importReport } = recognize([...HEAD, p('二、主动公开政府信息情况', 1), ACTIVE_TABLE, p('三、收到和处理政府信息公开申请情况', 1)]);
  const cell = (rowId: string, colId: string) => importReport.cells.find((x) => x.tableId === 'gov-2021.active' && x.rowId === rowId && x.colId === colId);

  it('reads spans, separators, full-width digits and notes; 行政规范性文件 ≈ 规范性文件', () => {
    expect(importReport.templateId).toBe('gov-2021');
    expect(report.tables['gov-2021.active']?.normative).toEqual({ made: 22, repealed: 1234, valid: 12 });
    expect(cell('normative', 'made')).toMatchObject({ value: 22, sourceText: '22（其中修订16件）', note: '其中修订16件' });
    expect(report.tables['gov-2021.active']?.licensing).toEqual({ decisions: 550 });
    expect(report.tables['gov-2021.active']?.admin_fee).toEqual({ fee_amount: '0.35' });
  });

  it('keeps "/", blank and 0 apart: "/" where allowed, blank stays null, 0 stays 0', () => {
    expect(report.tables['gov-2021.active']?.regulations).toEqual({ made: '/', repealed: '/', valid: '/' });
    expect(report.tables['gov-2021.active']?.punishment).toEqual({ decisions: null });
    expect(cell('punishment', 'decisions')).toMatchObject({ value: null, sourceText: '' });
    expect(report.tables['gov-2021.active']?.coercion).toEqual({ decisions: 0 });
    expect(importReport.missingCells.filter((m) => m.tableId === 'gov-2021.active')).toEqual([]);
  });

  it('lists the header and caption wording it replaced, and places nothing wrongly', () => {
    expect(importReport.removed.map((r) => r.text)).toEqual(expect.arrayContaining(['第二十条第（一）项', '信息内容 本年制发件数 本年废止件数 现行有效件数']));
    expect(importReport.unplaced).toEqual([]);
  });
});

/** 表三 with its three label columns merged, a label split over two cells, the 2019 one-row （六）, cut off before 四、. */
const APPLY_TABLE: SourceBlock = {
  kind: 'table',
  rows: [
    [c('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', 3, 3), c('申请人情况', 7)],
    [c('自然人', 1, 2), c('法人或其他组织', 5), c('总计', 1, 2)],
    [c('商业企业'), c('科研机构'), c('社会公益组织'), c('法律服务机构'), c('其他')],
    [c('一、本年新收政府信息公开申请数量', 3), ...'5 1 0 0 0 0 6'.split(' ').map((v) => c(v))],
    [c('二、上年结转政府信息公开申请数量', 3), ...'0 0 0 0 0 0 0'.split(' ').map((v) => c(v))],
    [c('三、本年度办理结果', 1, 6), c('（一）予以公开', 2), ...'3 1 0 0 0 0 4'.split(' ').map((v) => c(v))],
    [c('（二）部分公开（区分处理的，'), c('只计这一情形，不计其他情形）'), ...'1 0 0 0 0 0 1'.split(' ').map((v) => c(v))],
    [c('（三）不予公开', 1, 2), c('1.属于国家秘密'), ...'0 0 0 0 0 0 0'.split(' ').map((v) => c(v))],
    [c('2.其他法律行政法规禁止公开'), ...'— 0 0 0 0 0 0'.split(' ').map((v) => c(v))],
    [c('（六）其他处理', 2), ...'1 0 0 0 0 0 1'.split(' ').map((v) => c(v))],
    [c('（七）总计', 2), ...'5 1 0 0 0 0 7'.split(' ').map((v) => c(v))],
  ],
};

describe('表三 from a real table with merged labels', () => {
  const { report, importReport } = recognize([...HEAD, p('三、收到和处理政府信息公开申请情况', 1), APPLY_TABLE, p('四、政府信息公开行政复议、行政诉讼情况', 1)]);
  const apply = report.tables['gov-2021.apply']!;

  it('finds each row by its label through the merged group labels and split label cells', () => {
    expect(apply.r1_new).toMatchObject({ natural: 5, commercial: 1, total: 6 });
    expect(apply.r3_1_open).toMatchObject({ natural: 3, commercial: 1, total: 4 });
    expect(apply.r3_2_partial).toMatchObject({ natural: 1, total: 1 });
    expect(apply.r3_3_1).toMatchObject({ natural: 0, total: 0 });
  });

  it('a dash in a cell that does not allow "/" stays blank, with a note', () => {
    expect(apply.r3_3_2?.natural).toBeNull();
    expect(importReport.cells.find((x) => x.rowId === 'r3_3_2' && x.colId === 'natural')?.note).toMatch(/原表印“—”/);
  });

  it('the 2019 one-row （六）其他处理 goes to 3.其他, with the assumption listed', () => {
    expect(apply.r3_6_3).toMatchObject({ natural: 1, total: 1 });
    expect(apply.r3_6_1?.natural).toBeNull();
    expect(importReport.assumptions.some((a) => a.en.includes('2019 layout'))).toBe(true);
  });

  it('a truncated table imports what is there and lists what is missing (blank, never 0)', () => {
    expect(apply.r4_carry_out?.natural).toBeNull();
    const missing = importReport.missingCells.filter((m) => m.tableId === 'gov-2021.apply').map((m) => m.rowId);
    expect(new Set(missing)).toEqual(new Set(['r3_3_3', 'r3_3_4', 'r3_3_5', 'r3_3_6', 'r3_3_7', 'r3_3_8', 'r3_4_1', 'r3_4_2', 'r3_4_3', 'r3_5_1', 'r3_5_2', 'r3_5_3', 'r3_5_4', 'r3_5_5', 'r3_6_1', 'r3_6_2', 'r4_carry_out']));
    expect(importReport.missingCells.find((m) => m.rowId === 'r4_carry_out')?.label['zh-CN']).toBe('收到和处理政府信息公开申请情况 / 四、结转下年度继续办理 / 自然人');
  });

  it('a printed total that disagrees with its items is kept as printed and flagged by the checks', () => {
    expect(apply.r3_7_total?.total).toBe(7);
    expect(importReport.assumptions.some((a) => a['zh-CN'].includes('原表印 7'))).toBe(true);
  });
});

describe('rows that cannot be placed are listed, not dropped', () => {
  it('a row with the wrong number of values and an unknown row go to unplaced with the reason', () => {
    const table: SourceBlock = {
      kind: 'table',
      rows: [
        [c('一、本年新收政府信息公开申请数量'), c('5'), c('1'), c('6')],
        [c('本单位自行增加的统计行'), ...'9 9 9 9 9 9 9'.split(' ').map((v) => c(v))],
      ],
    };
    const { importReport } = recognize([...HEAD, p('三、收到和处理政府信息公开申请情况', 1), table]);
    expect(importReport.unplaced.map((u) => u.kind)).toEqual(['number', 'number']);
    expect(importReport.unplaced[0]?.reason['zh-CN']).toMatch(/印有 3 个数，格式此行有 7 格/);
    expect(importReport.unplaced[1]?.text).toContain('本单位自行增加的统计行');
  });

  it('a count cell with decimals is refused with the cell’s reason', () => {
    const table: SourceBlock = { kind: 'table', rows: [[c('行政许可'), c('3.5', 3)]] };
    const { importReport, report } = recognize([...HEAD, p('二、主动公开政府信息情况', 1), table]);
    expect(report.tables['gov-2021.active']?.licensing?.decisions).toBeNull();
    expect(importReport.unplaced[0]).toMatchObject({ kind: 'number', text: '3.5' });
    expect(importReport.unplaced[0]?.reason['zh-CN']).toContain('整数');
  });
});

describe('text sources (sourceFromText)', () => {
  it('splits cells at wide gaps, pages at form feeds, and reads Markdown pipe tables as tables', () => {
    const source = sourceFromText('标题\n  正文第一行很长很长\n规章     0    0   0\f第二页\n| 甲 | 乙 |\n|---|---|\n| 1 | 2 |\n', 'a.txt');
    expect(source.blocks).toEqual([
      { kind: 'line', text: '标题', cells: ['标题'], indent: 0, full: false, page: 1 },
      { kind: 'line', text: '正文第一行很长很长', cells: ['正文第一行很长很长'], indent: 1, full: true, page: 1 },
      { kind: 'line', text: '规章 0 0 0', cells: ['规章', '0', '0', '0'], indent: 0, full: false, page: 1 },
      { kind: 'line', text: '第二页', cells: ['第二页'], indent: 0, full: false, page: 2 },
      { kind: 'table', rows: [[c('甲'), c('乙')], [c('1'), c('2')]], page: 2 },
    ]);
  });

  it('a review table printed as one line of 15 numbers fills the columns in order', () => {
    const text = ['某区人民政府', '2022年政府信息公开工作年度报告', '  四、政府信息公开行政复议、行政诉讼情况', '行政复议     行政诉讼', '1  0  0  0  1  0  0  0  0  0  0  0  0  2  2', '  五、存在的主要问题及改进情况'].join('\n');
    const result = recognizeReport(sourceFromText(text, 'r.txt'), templates, { now: NOW });
    if (!result.ok) throw new Error(result.message.en);
    expect(result.report.tables['gov-2021.review']?.count).toMatchObject({ rv_upheld: 1, rv_total: 1, lr_pending: 2, lr_total: 2 });
    expect(result.importReport.year).toBe(2022);
    expect(result.importReport.orgName).toBe('某区人民政府');
  });

  it('an empty source is refused with a message, not a crash', () => {
    const result = recognizeReport(sourceFromText('  \n\f\n', 'e.txt'), templates);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message['zh-CN']).toContain('没有读到任何文字');
  });

  it('--template overrides detection; an unknown one is refused naming the known formats', () => {
    expect(recognize(HEAD, 'gov-2019').importReport.templateId).toBe('gov-2019');
    const bad = recognizeReport({ kind: 'text', fileName: 'x', blocks: HEAD, notes: [] }, templates, { templateId: 'gov-1999' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.message.en).toContain('gov-2021');
  });
});

describe('headings', () => {
  it('tolerates OCR junk, wrong ordinals, variants and half-width brackets; run-in sub-headings stay in their paragraph', () => {
    const { importReport, report } = recognize([
      p('某县交通运输局2021年政府信息公开工作年度报告'),
      p('l一、总体情况'),
      p('（一）主动公开。本年主动公开信息100条。'),
      p('三、主动公开政府信息情况'),
      p('四、收到和处理政府信息公开申请情况'),
      p('五、因政府信息公开工作被申请行政复议和提起行政诉讼情况'),
      p('五、存在的主要问题及整改措施'),
      p('问题若干。'),
      p('其他需要报告的事项'),
      p('无。'),
    ]);
    expect(importReport.sections.map((s) => s.sectionId)).toEqual(['preamble', 'overview', 'active', 'apply', 'review', 'problems', 'other']);
    expect(report.sections.overview?.root.children[0]?.type).toBe('paragraph');
    expect(importReport.assumptions.some((a) => a['zh-CN'].includes('“五、存在的主要问题及整改措施”按格式的“五、存在的主要问题及改进情况”读取'))).toBe(true);
  });
});

describe('the merged gov-2008 outline in the report file', () => {
  const blocks = [
    p('某市公安局2014年政府信息公开工作年度报告'),
    p('统计期限自2014年1月1日起至2014年12月31日止。'),
    p('一、概述'),
    p('本年度工作概况。'),
    p('二、主动、依申请公开、收费及行政复议诉讼情况'),
    p('（一）主动公开情况'),
    p('主动公开信息100条。'),
    p('（二）依申请公开情况'),
    p('收到申请2件。'),
    p('（三）收费及减免情况'),
    p('未收取费用，减免0元。'),
    p('（四）行政复议和行政诉讼情况'),
    p('无。'),
    p('三、存在的主要问题及改进措施'),
    p('问题若干。'),
    p('四、其他需要报告的事项'),
    p('无。'),
  ];
  const { report } = recognize(blocks);

  it('tags each Art. 32 item; O-05 and C-01 pass; the file round-trips through parseReport', () => {
    expect(report.outline?.art32Tags?.['3']).toEqual({ sectionId: 'active', subHeading: '（三）收费及减免情况' });
    const findings = checkReport(template('gov-2008'), report).filter((f) => ['O-05', 'O-06', 'C-01'].includes(f.ruleId));
    expect(findings).toEqual([]);
    const reread = parseReport(JSON.stringify(report), templates);
    expect(reread.ok && reread.report.outline).toEqual(report.outline);
  });

  it('O-05 fails when a tagged sub-heading has no body, and C-01 comes back without the outline', () => {
    const emptied = recognize(blocks.filter((b) => b.kind !== 'paragraph' || b.text !== '未收取费用，减免0元。')).report;
    expect(checkReport(template('gov-2008'), emptied).filter((f) => f.ruleId === 'O-05').map((f) => f.message)).toEqual([expect.stringContaining('第（3）项')]);
    const withoutOutline = { ...report, outline: undefined };
    expect(checkReport(template('gov-2008'), withoutOutline).filter((f) => f.ruleId === 'C-01').map((f) => ('sectionId' in f.location ? f.location.sectionId : ''))).toEqual(['apply', 'fees', 'review']);
  });

  it('parseReport refuses a tag to a section the format does not have', () => {
    const bad = { ...report, outline: { art32Tags: { 1: { sectionId: 'nowhere' } } } };
    const result = parseReport(JSON.stringify(bad), templates);
    expect(!result.ok && result.error.path).toBe('$.outline.art32Tags.1.sectionId');
  });
});
