import { describe, expect, it } from 'vitest';
import { checkReport, type Finding, type Report } from '../../src-core/index.js';
import { parseNumber } from '../../src-core/text/chineseNumerals.js';
import { extractNumbers } from '../../src-core/text/numberExtraction.js';
import { IPC_CONTRACT } from '../../src-main/ipc/contract.js';
import { derive, sample, setCell, setText, template } from '../helpers.js';

/**
 * The narrative rules on sentences from real reports (/work/shared/reference-reports/: seed 004 is
 * 瑞安市公安局 2021 in traditional characters, hongze-gov-2023/2024 are 洪泽区人民政府) and on the
 * phrasings of issue #14 that must raise no false alarm.
 */
const APPLY = 'gov-2021.apply';
const COLUMNS = ['natural', 'commercial', 'research', 'public_welfare', 'legal_service', 'other_org'];

function findings(report: Report, ruleId: string): Finding[] {
  return checkReport(template(report.templateId), report).filter((f) => f.ruleId === ruleId);
}

/** The gov-2021 sample with a section 三 that quotes no figures, so a test's own sentences are the only ones. */
function sample2021(): Report {
  const r = sample('gov-2021');
  setText(r, 'apply', ['2025年，我局收到和处理政府信息公开申请情况详见下表。']);
  return r;
}

/** A gov-2021 report whose 表三 row holds `total` in the 自然人 column and 0 elsewhere. */
function withRow(report: Report, row: string, total: number): void {
  for (const col of COLUMNS) setCell(report, APPLY, row, col, col === 'natural' ? total : 0);
}

describe('number extraction', () => {
  it('reads Arabic, full-width and Chinese numerals', () => {
    expect(['12', '１２', '十二', '两', '一百零五', '三千二百', '一万二千', '186.52'].map(parseNumber)).toEqual([12, 12, 12, 2, 105, 3200, 12000, 186.52]);
    expect(parseNumber('一二')).toBeUndefined();
  });

  it('finds each count with its unit and the words that say what it counts', () => {
    const { quantities } = extractNumbers('我局共收到依申请公开政府信息5起，答复5起；收取费用3万元，第一项，100余件。');
    expect(quantities.map((q) => [q.value, q.unit, q.lead, q.approximate])).toEqual([
      [5, '起', '我局共收到依申请公开政府信息', false],
      [5, '起', '，答复', false],
      [3, '万元', '收取费用', false],
      [100, '件', '，第一项，', true],
    ]);
  });
});

describe('N-02 requests in the text vs 表三', () => {
  // hongze-gov-2024.txt: 表三 has 95 new requests, 0 carried over.
  const HONGZE_2024 = '2024 年，区政府办代表区政府受理政府信息公开申请 17 件，均已在法定期限内予以答复。';

  it('warns on 洪泽 2024 "受理…17 件" against 95 new requests, located at the sentence, saying it may count a narrower scope', () => {
    const r = sample2021();
    withRow(r, 'r1_new', 95);
    withRow(r, 'r2_carried_in', 0);
    setText(r, 'overview', ['（一）主动公开情况。主要通过政府门户网站主动公开政府信息。', HONGZE_2024]);
    const [f, ...rest] = findings(derive(r), 'N-02');
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ severity: 'warning', expected: 95, actual: 17, location: { sectionId: 'overview', span: { paragraph: 1, start: 0, end: HONGZE_2024.length - 1 } } });
    expect(f?.message).toContain(`“${HONGZE_2024.slice(0, -1)}”`);
    expect(f?.message).toContain('本年新收');
    expect(f?.message).toContain('部分范围');
    const [en] = checkReport(template('gov-2021'), r, { locale: 'en' }).filter((x) => x.ruleId === 'N-02');
    expect(en?.message).toContain('narrower scope');
  });

  it('a finding located at a sentence crosses the IPC boundary (the export answer carries findings)', () => {
    const r = sample2021();
    setText(r, 'overview', ['区政府办代表区政府受理政府信息公开申请 17 件。']);
    const warnings = findings(r, 'N-02');
    expect(warnings[0]?.location).toHaveProperty('span');
    expect(IPC_CONTRACT.exportReport.response.parse({ status: 'blocked', errors: [], warnings })).toEqual({ status: 'blocked', errors: [], warnings });
  });

  it('"受理749件" may count new plus carried-over requests', () => {
    const r = sample2021();
    withRow(r, 'r1_new', 700);
    withRow(r, 'r2_carried_in', 49);
    setText(r, 'overview', ['本年度共受理政府信息公开申请749件，其中撤销申请3件。']);
    expect(findings(derive(r), 'N-02')).toEqual([]);
    setText(r, 'overview', ['本年度共受理政府信息公开申请750件。']);
    expect(findings(r, 'N-02')).toHaveLength(1);
  });

  it('"收到申请5件，答复5件" are two cells: new requests and completed ones (seed 004, traditional script)', () => {
    const seed004 = '2021年,我局共收到依申請公開政府信息5起,答復5起。';
    const r = sample2021();
    withRow(r, 'r1_new', 5);
    setText(r, 'overview', [seed004]);
    const hits = findings(derive(r), 'N-02');
    // the sample's 表三 completes 47: only the 答复 figure disagrees, and with the total of 办理结果
    expect(hits.map((h) => [h.expected, h.actual])).toEqual([[47, 5]]);
    expect(hits[0]?.message).toContain('办理结果');
  });

  it('a part of a count or another scope claims nothing: "其中撤销申请3件", "新收申请中自然人提出38件", "全区受理…21 件", "100余件"', () => {
    const r = sample('gov-2021');
    setText(r, 'apply', [
      '本年度新收政府信息公开申请46件，其中撤销申请3件。',
      '从申请人类型看，新收申请中自然人提出38件，商业企业提出4件。',
      '2023 年全区受理政府信息公开申请 21 件，均在法定期限答复。', // hongze-gov-2023.txt
      '本年度办结政府信息公开申请100余件。',
    ]);
    expect(findings(r, 'N-02')).toEqual([]);
  });

  it('outcome shares are compared with 予以公开 … 其他处理 in the 总计 column', () => {
    const r = sample('gov-2021');
    setText(r, 'apply', ['办结的47件中，予以公开18件，部分公开5件，不予公开10件，无法提供9件，不予处理4件，其他处理1件。']);
    expect(findings(r, 'N-02')).toEqual([]);
    setText(r, 'apply', ['办结的47件中，予以公开十八件，部分公开六件。']);
    expect(findings(r, 'N-02').map((f) => [f.expected, f.actual])).toEqual([[5, 6]]);
  });

  it('"无结转下年度继续办理的申请" is a claim of zero', () => {
    const r = sample('gov-2021');
    setText(r, 'apply', ['本年度新收申请46件，无结转下年度继续办理的申请。']);
    expect(findings(r, 'N-02').map((f) => [f.expected, f.actual])).toEqual([[2, 0]]);
  });
});

describe('N-03 review cases in the text vs 表四', () => {
  it('a case count against an all-zero 表四, and a "no cases" sentence against cases (seed 004)', () => {
    const r = sample('gov-2021');
    for (const col of ['rv_upheld', 'rv_corrected', 'rv_other', 'rv_pending', 'rv_total', 'ld_upheld', 'ld_total', 'lr_upheld', 'lr_pending', 'lr_total']) setCell(r, 'gov-2021.review', 'count', col, 0);
    setText(r, 'review', ['辦理因政府信息公開提起行政訴訟案件2起,維持2起;辦理因政府信息公開提出行政復議案件2起,其中1起維持,1起未審結。']);
    expect(findings(r, 'N-03').map((f) => [f.expected, f.actual])).toEqual([
      [0, 2],
      [0, 2],
    ]);
    const withCases = sample('gov-2021');
    setText(withCases, 'review', ['未出现因政府信息公开申请行政复议、提起行政诉讼的情况。']);
    expect(findings(withCases, 'N-03').map((f) => [f.expected, f.actual])).toEqual([
      [4, 0],
      [4, 0],
    ]);
  });

  it('says nothing while 表四 is not filled in: an empty table is not a table of zeros (seed 004 was published without its tables)', () => {
    const r = sample('gov-2021');
    for (const col of ['rv_upheld', 'rv_corrected', 'rv_other', 'rv_pending', 'rv_total', 'ld_upheld', 'ld_corrected', 'ld_other', 'ld_pending', 'ld_total', 'lr_upheld', 'lr_corrected', 'lr_other', 'lr_pending', 'lr_total']) setCell(r, 'gov-2021.review', 'count', col, null);
    setText(r, 'review', ['辦理因政府信息公開提起行政訴訟案件2起,維持2起;辦理因政府信息公開提出行政復議案件2起,其中1起維持,1起未審結。']);
    expect(findings(r, 'N-03')).toEqual([]);
    const noRequests = sample2021();
    for (const row of ['r1_new', 'r2_carried_in']) for (const col of COLUMNS) setCell(noRequests, APPLY, row, col, null);
    setText(noRequests, 'overview', ['（二）依申请公开情况。2021年我局共收到依申请公开政府信息5起。']);
    expect(findings(derive(noRequests), 'N-02')).toEqual([]);
  });

  it('"全市备案…行政复议案件134件" is another scope, "其中1起维持" a part', () => {
    const r = sample('gov-2021');
    setText(r, 'review', ['全市备案审查涉及政府信息公开的行政复议案件134件。', '因政府信息公开工作被申请行政复议4件，其中1起维持。']);
    expect(findings(r, 'N-03')).toEqual([]);
  });
});

describe('N-07 rules and normative documents vs 表二', () => {
  it('compares 制发 / 废止 / 现行有效 and ignores other documents', () => {
    const r = sample('gov-2021');
    setText(r, 'overview', ['本年制发行政规范性文件2件；结合规范性文件专项清理，废止1件已不适应管理需要的文件；现行有效行政规范性文件9件。全年印发各类文件30件。']);
    expect(findings(r, 'N-07')).toEqual([]);
    setText(r, 'overview', ['建立健全规章制度3项，制定内部规章制度2项。']); // 规章制度 are internal regulations, not 规章
    expect(findings(r, 'N-07')).toEqual([]);
    setText(r, 'overview', ['现行有效行政规范性文件十件。']);
    expect(findings(r, 'N-07').map((f) => [f.expected, f.actual])).toEqual([[9, 10]]);
  });
});

describe('N-08 元 and 万元', () => {
  it('the 行政事业性收费 amount agrees once converted; the same digits in 元 are named as a unit mix-up; 信息处理费 in 元 is not compared with it', () => {
    const r = sample('gov-2021'); // 表二 行政事业性收费: 186.52 万元
    setText(r, 'active', ['全年收取行政事业性收费186.52万元。', '折合1865200元的行政事业性收费已全部上缴。']);
    setText(r, 'other', ['本年度收取信息处理费120元。']);
    expect(findings(r, 'N-08')).toEqual([]);
    setText(r, 'active', ['全年收取行政事业性收费186.52元。']);
    const [f] = findings(r, 'N-08');
    expect(f).toMatchObject({ expected: 186.52, actual: 0.018652 });
    expect(f?.message).toContain('“元”和“万元”');
  });
});

describe('N-01 the fee statement of section 六', () => {
  it('passes seed 004 "本年度本機關未收取政府信息公開處理費" and the usual phrasings', () => {
    for (const text of [
      '本年度本機關未收取政府信息公開處理費,無其他需要報告的事項。', // seed 004, 六
      '2024 年，区政府严格落实《政府信息公开信息处理费管理办法》，全年收取政府信息公开信息处理费 0 元。', // hongze-gov-2024.txt
      '本年度未收费。',
      '本机关没有收取任何费用。',
      '本年度本機關沒有收取任何費用。',
      '依申请公开政府信息不收取任何费用。',
    ]) {
      const r = sample('gov-2021');
      setText(r, 'other', [text]);
      expect(findings(r, 'N-01'), text).toEqual([]);
    }
  });

  it('fails on a section 六 that says nothing about fees, or "无"', () => {
    for (const text of ['无', '本年度无其他需要报告的事项。']) {
      const r = sample('gov-2021');
      setText(r, 'other', [text]);
      expect(findings(r, 'N-01'), text).toHaveLength(1);
    }
  });
});

describe('reviewer checks N-11…N-16 on real text', () => {
  it('N-11: seed 004 (a 2021-format report) cites 国办公开办函〔2019〕60号', () => {
    const r = sample('gov-2021');
    setText(r, 'preamble', ['根據《中華人民共和國政府信息公開條例》(國務院令第711號)和《國務院辦公廳政府信息與政務公開辦公室關於政府信息公開工作年度報告有關事項的通知》(國辦公開辦函〔2019〕60號)要求,特向社會公布 2021年度我局信息公開工作年度報告。']);
    const [f] = findings(r, 'N-11');
    expect(f).toMatchObject({ expected: '〔2021〕30号', actual: '〔2019〕60号', location: { sectionId: 'preamble', span: { paragraph: 0, start: 0 } } });
  });

  it('N-12: the preamble count passes at 六 and fails at 五; a list joined with "，" is not counted (seed 002 style)', () => {
    const r = sample('gov-2021');
    setText(r, 'preamble', ['本年度报告由概述，主动和依申请公开政府信息、政府信息公开收费等几部分组成。']);
    expect(findings(r, 'N-12')).toEqual([]);
    setText(r, 'preamble', ['本报告由总体情况、主动公开政府信息情况、其他需要报告的事项等五部分组成。']);
    expect(findings(r, 'N-12').map((f) => [f.expected, f.actual])).toEqual([[6, 5]]);
  });

  it('N-13: section 五 that says "无" or a few characters', () => {
    const r = sample('gov-2021');
    for (const [text, hits] of [['无', 1], ['暂无。', 1], ['工作有待加强。', 1], ['个别部门对复杂申请件的研判能力不足，答复文书规范性有待提升。', 0]] as const) {
      setText(r, 'problems', [text]);
      expect(findings(r, 'N-13'), text).toHaveLength(hits);
    }
  });

  it('N-14: "均已办结" with requests carried over; 人大建议 "均已按期办结" and "均在法定期限内作出答复" are no such claim', () => {
    const r = sample('gov-2021'); // 结转下年度 2
    setText(r, 'apply', ['所有申请均在法定期限内作出答复。', '共承办区人大代表建议2件、区政协委员提案3件，均已按期办结并答复代表委员。']);
    expect(findings(r, 'N-14')).toEqual([]);
    setText(r, 'apply', ['本年度政府信息公开申请按时办结率100%。']);
    expect(findings(r, 'N-14').map((f) => f.actual)).toEqual(['办结率100%']);
  });

  it('N-15: （一）（三） skips a number, also inline as in imported seed 004; 第（一）项 is no heading', () => {
    const r = sample('gov-2021');
    setText(r, 'overview', ['2021年，我局政府信息公开工作取得积极成效。 （一）主动公开方面。依照《条例》第二十条第（一）项公开。 （三）政府信息管理方面。']);
    const [f] = findings(r, 'N-15');
    expect(f).toMatchObject({ expected: '（二）', actual: '（三）' });
  });

  it('N-16: traditional characters, pinyin after a character (現(xiàn)) and 【字体…】 widgets', () => {
    const r = sample('gov-2021');
    setText(r, 'other', ['您現(xiàn)在的位置: | 首頁 |', '【字体: 分享:', '本年度本机关未收取信息处理费。']); // seed 004, seed 002
    const found = findings(r, 'N-16').map((f) => f.actual);
    expect(found).toContain('現(xiàn)');
    expect(found.some((x) => String(x).startsWith('【字体'))).toBe(true);
    expect(found.some((x) => String(x).includes('現'))).toBe(true);
    setText(r, 'other', ['本年度本机关未收取信息处理费，显著提升了群众满意度。']);
    expect(findings(r, 'N-16')).toEqual([]);
  });
});
