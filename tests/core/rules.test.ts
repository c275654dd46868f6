import { describe, expect, it } from 'vitest';
import { checkReport, priorYearOf, type Report } from '../../src-core/index.js';
import { addToCell, derive, getCell, sample, setCell, setText, template } from '../helpers.js';

/** Table ids of the format under test, so one case serves every format a rule applies to. */
interface Fmt {
  id: string;
  active: string;
  apply: string;
  review: string;
}

interface Scenario {
  /** Changes this year's report. */
  report?: (r: Report, f: Fmt) => void;
  /** When present, the check runs with last year's report, made from the sample and then changed by this. */
  previous?: (prev: Report, current: Report, f: Fmt) => void;
}

interface RuleCase {
  rule: string;
  formats: string[];
  severity: 'error' | 'warning';
  fail: Scenario;
  /** Defaults to the consistent sample itself. */
  pass?: Scenario;
  /** What the failing finding must point at. */
  at?: (f: Fmt) => Record<string, string>;
}

const MODERN = ['gov-2021', 'gov-2019'];
const ALL = ['gov-2021', 'gov-2019', 'gov-2008'];

function lastYear(current: Report): Report {
  const prev = structuredClone(current);
  prev.meta.year -= 1;
  return prev;
}

/** Links last year's report (the sample a year earlier, changed by `change`) the way 报告信息 does. */
function linkLastYear(r: Report, change: (prev: Report) => void = () => undefined): void {
  const prev = lastYear(r);
  change(prev);
  r.priorYear = priorYearOf(prev, template(prev.templateId), { fileName: 'last.drs', kind: 'drs' }, new Date('2025-01-05T00:00:00Z'));
}

const CASES: RuleCase[] = [
  // §1 value rules
  { rule: 'V-01', formats: MODERN, severity: 'error', fail: { report: (r, f) => setCell(r, f.apply, 'r1_new', 'natural', -1) }, at: (f) => ({ tableId: f.apply, rowId: 'r1_new', colId: 'natural' }) },
  { rule: 'V-01', formats: MODERN, severity: 'error', fail: { report: (r, f) => setCell(r, f.apply, 'r3_1_open', 'commercial', 1.5) } },
  { rule: 'V-01', formats: MODERN, severity: 'error', fail: { report: (r, f) => setCell(r, f.review, 'count', 'rv_upheld', 'abc') } },
  { rule: 'V-01', formats: ['gov-2008'], severity: 'error', fail: { report: (r) => setCell(r, 'gov-2008.stats', 'active_total', 'this_year', '12') } },
  { rule: 'V-02', formats: ['gov-2019'], severity: 'error', fail: { report: (r) => setCell(r, 'gov-2019.active', 'licensing', 'delta', 0.5) }, pass: { report: (r) => setCell(r, 'gov-2019.active', 'other_mgmt', 'delta', -3) } },
  { rule: 'V-03', formats: ['gov-2021'], severity: 'error', fail: { report: (r) => setCell(r, 'gov-2021.active', 'admin_fee', 'fee_amount', 0.35) }, pass: { report: (r) => setCell(r, 'gov-2021.active', 'admin_fee', 'fee_amount', '0.3501') } },
  { rule: 'V-03', formats: ['gov-2021'], severity: 'error', fail: { report: (r) => setCell(r, 'gov-2021.active', 'admin_fee', 'fee_amount', '1.23456') } },
  { rule: 'V-03', formats: ['gov-2019'], severity: 'error', fail: { report: (r) => setCell(r, 'gov-2019.active', 'central_proc', 'proc_amount', '-5') } },
  { rule: 'V-03', formats: ['gov-2008'], severity: 'error', fail: { report: (r) => setCell(r, 'gov-2008.stats', 'fee_charged', 'this_year', '十元') } },
  { rule: 'V-04', formats: ALL, severity: 'warning', fail: { report: (r, f) => (f.id === 'gov-2008' ? setCell(r, 'gov-2008.stats', 'req_fax', 'this_year', null) : setCell(r, f.apply, 'r3_3_1', 'research', null)) } },
  {
    rule: 'V-05',
    formats: MODERN,
    severity: 'warning',
    fail: { report: (r, f) => setCell(r, f.active, 'regulations', f.id === 'gov-2021' ? 'made' : 'new_made', 1) },
    pass: {
      report: (r, f) => {
        r.meta.hasRulemakingPower = true;
        setCell(r, f.active, 'regulations', f.id === 'gov-2021' ? 'made' : 'new_made', 1);
      },
    },
  },
  { rule: 'V-05', formats: MODERN, severity: 'warning', fail: { report: (r, f) => setCell(r, f.active, 'regulations', f.id === 'gov-2021' ? 'valid' : 'total_published', 2) }, pass: { report: (r, f) => setCell(r, f.active, 'regulations', f.id === 'gov-2021' ? 'valid' : 'total_published', '/') } },
  { rule: 'V-06', formats: ['gov-2019'], severity: 'warning', fail: { report: (r) => delete r.cellUnits } },
  { rule: 'V-07', formats: ['gov-2019'], severity: 'error', fail: { report: (r) => setCell(r, 'gov-2019.active', 'admin_fee', '_blank', 3) }, pass: { report: (r) => setCell(r, 'gov-2019.active', 'admin_fee', '_blank', null) } },

  // §2 requests table
  { rule: 'P-01', formats: MODERN, severity: 'error', fail: { report: (r, f) => derive((addToCell(r, f.apply, 'r4_carry_out', 'natural', 1), r)) }, at: (f) => ({ tableId: f.apply, rowId: 'r4_carry_out', colId: 'natural' }) },
  { rule: 'P-02', formats: MODERN, severity: 'error', fail: { report: (r, f) => addToCell(r, f.apply, 'r3_7_total', 'natural', 1) }, at: (f) => ({ tableId: f.apply, rowId: 'r3_7_total', colId: 'natural' }) },
  { rule: 'P-03', formats: MODERN, severity: 'error', fail: { report: (r, f) => addToCell(r, f.apply, 'r1_new', 'total', 1) }, at: (f) => ({ tableId: f.apply, rowId: 'r1_new', colId: 'total' }) },
  {
    rule: 'P-04',
    formats: MODERN,
    severity: 'error',
    fail: { report: (r, f) => derive((setCell(r, f.apply, 'r1_new', 'natural', 0), setCell(r, f.apply, 'r2_carried_in', 'natural', 0), r)) },
  },
  {
    rule: 'P-05',
    formats: MODERN,
    severity: 'warning',
    fail: { previous: (prev, _cur, f) => addToCell(prev, f.apply, 'r4_carry_out', 'natural', 2) },
    pass: { previous: (prev, cur, f) => Object.entries(cur.tables[f.apply]?.r2_carried_in ?? {}).forEach(([col, v]) => setCell(prev, f.apply, 'r4_carry_out', col, v)) },
  },
  {
    rule: 'P-07',
    formats: ['gov-2021'],
    severity: 'warning',
    fail: { report: (r) => derive((setCell(r, 'gov-2021.apply', 'r3_6_2', 'natural', 1), setCell(r, 'gov-2021.apply', 'r3_6_1', 'natural', 0), setText(r, 'other', ['本年度未收取信息处理费。']), r)) },
    pass: { report: (r) => derive((setCell(r, 'gov-2021.apply', 'r3_6_2', 'natural', 1), setCell(r, 'gov-2021.apply', 'r3_6_1', 'natural', 0), setText(r, 'other', ['本年度发出收费通知1件，收取信息处理费50元。']), r)) },
  },

  // §3 review table
  { rule: 'R-01', formats: MODERN, severity: 'error', fail: { report: (r, f) => addToCell(r, f.review, 'count', 'rv_upheld', 1) }, at: (f) => ({ tableId: f.review, rowId: 'count', colId: 'rv_total' }) },
  { rule: 'R-02', formats: MODERN, severity: 'error', fail: { report: (r, f) => addToCell(r, f.review, 'count', 'ld_other', 1) }, at: (f) => ({ tableId: f.review, rowId: 'count', colId: 'ld_total' }) },
  { rule: 'R-03', formats: MODERN, severity: 'error', fail: { report: (r, f) => addToCell(r, f.review, 'count', 'lr_total', 2) }, at: (f) => ({ tableId: f.review, rowId: 'count', colId: 'lr_total' }) },
  {
    rule: 'R-05',
    formats: MODERN,
    severity: 'warning',
    fail: { previous: (prev, _cur, f) => setCell(prev, f.review, 'count', 'rv_pending', 9) },
    pass: { previous: (prev, cur, f) => setCell(prev, f.review, 'count', 'rv_pending', getCell(cur, f.review, 'count', 'rv_total') ?? 0) },
  },

  // §4 proactive-disclosure tables
  {
    rule: 'D21-01',
    formats: ['gov-2021'],
    severity: 'warning',
    fail: { previous: (prev) => setCell(prev, 'gov-2021.active', 'normative', 'valid', 3) },
    pass: { previous: (prev) => setCell(prev, 'gov-2021.active', 'normative', 'valid', 8) },
  },
  {
    rule: 'D21-02',
    formats: ['gov-2021'],
    severity: 'warning',
    fail: { report: (r) => setCell(r, 'gov-2021.active', 'normative', 'repealed', 5), previous: (prev) => setCell(prev, 'gov-2021.active', 'normative', 'valid', 1) },
    pass: { report: (r) => setCell(r, 'gov-2021.active', 'normative', 'repealed', 3), previous: (prev) => setCell(prev, 'gov-2021.active', 'normative', 'valid', 1) },
  },
  { rule: 'D21-03', formats: ['gov-2021'], severity: 'warning', fail: { report: (r) => (r.meta.unitType = 'other') }, pass: { report: (r) => (r.meta.unitType = 'people_government') } },
  { rule: 'D19-01', formats: ['gov-2019'], severity: 'warning', fail: { report: (r) => setCell(r, 'gov-2019.active', 'normative', 'new_published', 7) } },
  { rule: 'D19-02', formats: ['gov-2019'], severity: 'error', fail: { report: (r) => setCell(r, 'gov-2019.active', 'licensing', 'delta', -2) }, pass: { report: (r) => setCell(r, 'gov-2019.active', 'licensing', 'delta', -1) } },
  {
    rule: 'D19-03',
    formats: ['gov-2019'],
    severity: 'warning',
    fail: { previous: (prev) => setCell(prev, 'gov-2019.active', 'punishment', 'delta', 3) },
    pass: {
      previous: (prev, cur) => {
        for (const row of ['licensing', 'other_mgmt', 'punishment', 'coercion', 'admin_fee']) {
          setCell(prev, 'gov-2019.active', row, 'prev_items', (Number(getCell(cur, 'gov-2019.active', row, 'prev_items')) || 0) + 2);
          setCell(prev, 'gov-2019.active', row, 'delta', -2);
        }
      },
    },
  },
  { rule: 'D19-04', formats: ['gov-2019'], severity: 'warning', fail: { report: (r) => setCell(r, 'gov-2019.active', 'central_proc', 'proc_items', 0) } },
  { rule: 'D19-04', formats: ['gov-2019'], severity: 'warning', fail: { report: (r) => setCell(r, 'gov-2019.active', 'central_proc', 'proc_amount', '0') } },

  // §5 narrative ↔ tables
  { rule: 'N-01', formats: ['gov-2021'], severity: 'error', fail: { report: (r) => setText(r, 'other', ['本年度无其他需要报告的事项。']) } },
  {
    rule: 'N-01',
    formats: ['gov-2021'],
    severity: 'error',
    fail: { report: (r) => derive((setCell(r, 'gov-2021.apply', 'r3_6_2', 'natural', 2), setCell(r, 'gov-2021.apply', 'r3_6_1', 'natural', 0), setText(r, 'other', ['本年度未发出收费通知，未收取信息处理费。']), r)) },
    pass: { report: (r) => derive((setCell(r, 'gov-2021.apply', 'r3_6_2', 'natural', 2), setCell(r, 'gov-2021.apply', 'r3_6_1', 'natural', 0), setText(r, 'other', ['本年度发出收费通知3件，收取信息处理费120元。']), r)) },
  },
  { rule: 'N-04', formats: ALL, severity: 'warning', fail: { report: (r) => setText(r, 'preamble', ['根据《条例》规定，现公布本年度报告。']) } },
  { rule: 'N-04', formats: ALL, severity: 'warning', fail: { report: (r) => setText(r, 'preamble', [`本报告中所列数据的统计期限自${r.meta.year - 1}年1月1日起至${r.meta.year - 1}年12月31日止。`]) } },
  {
    rule: 'N-05',
    formats: MODERN,
    severity: 'error',
    fail: { report: (r) => ((r.meta.unitType = 'people_government'), setText(r, 'problems', ['存在的问题。'])) },
    pass: { report: (r) => ((r.meta.unitType = 'people_government'), setText(r, 'problems', ['本年度将政务公开纳入绩效考核，开展社会评议，未发生责任追究情形。'])) },
  },
  { rule: 'N-06', formats: MODERN, severity: 'warning', fail: { report: (r) => setText(r, 'overview', ['本年度认真贯彻落实《条例》。']) } },
  // narrative counts and reviewer checks (tests/core/narrative.test.ts has the real sentences and the false-alarm traps)
  { rule: 'N-02', formats: MODERN, severity: 'warning', fail: { report: (r) => setText(r, 'apply', ['本年度新收政府信息公开申请45件。']) }, pass: { report: (r) => setText(r, 'apply', [`本年度新收政府信息公开申请${getCell(r, `${r.templateId}.apply`, 'r1_new', 'total') as number}件。`]) } },
  { rule: 'N-03', formats: MODERN, severity: 'warning', fail: { report: (r) => setText(r, 'review', ['本年度因政府信息公开工作被申请行政复议9件。']) } },
  { rule: 'N-07', formats: MODERN, severity: 'warning', fail: { report: (r) => setText(r, 'overview', ['本年制发行政规范性文件7件。']) } },
  { rule: 'N-08', formats: ['gov-2021'], severity: 'warning', fail: { report: (r) => setText(r, 'active', ['全年收取行政事业性收费186.52元。']) }, pass: { report: (r) => setText(r, 'active', ['全年收取行政事业性收费1865200元。']) } },
  { rule: 'N-08', formats: ['gov-2021'], severity: 'warning', fail: { report: (r) => (setCell(r, 'gov-2021.active', 'admin_fee', 'fee_amount', '0'), setText(r, 'other', ['本年度收取信息处理费120元。'])) }, pass: { report: (r) => setText(r, 'other', ['本年度收取信息处理费120元。']) } },
  { rule: 'N-11', formats: ['gov-2021', 'gov-2008'], severity: 'warning', fail: { report: (r) => setText(r, 'preamble', ['根据《国务院办公厅政府信息与政务公开办公室关于政府信息公开工作年度报告有关事项的通知》（国办公开办函〔2019〕60号）要求，编制本报告。']) } },
  { rule: 'N-11', formats: ['gov-2019'], severity: 'warning', fail: { report: (r) => setText(r, 'preamble', ['根据国办公开办函〔2021〕30号要求，编制本报告。']) } },
  { rule: 'N-12', formats: ALL, severity: 'warning', fail: { report: (r) => setText(r, 'preamble', ['本报告由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、存在的主要问题及改进情况、其他需要报告的事项等五部分组成。']) } },
  { rule: 'N-13', formats: ALL, severity: 'warning', fail: { report: (r) => setText(r, 'problems', ['无。']) } },
  { rule: 'N-14', formats: MODERN, severity: 'warning', fail: { report: (r, f) => (setCell(r, f.apply, 'r4_carry_out', 'natural', 1), derive(r), setText(r, 'apply', ['本年度收到的政府信息公开申请均已办结。'])) } },
  { rule: 'N-15', formats: ALL, severity: 'warning', fail: { report: (r) => setText(r, 'overview', [{ heading: '（一）主动公开' }, '本年度主动公开政府信息。', { heading: '（三）依申请公开' }, '本年度依申请公开政府信息。']) } },
  { rule: 'N-16', formats: ALL, severity: 'warning', fail: { report: (r) => setText(r, 'other', ['您現(xiàn)在的位置: 首頁 本年度本機關未收取政府信息公開處理費。']) } },

  // completeness and format
  { rule: 'C-01', formats: ALL, severity: 'error', fail: { report: (r) => setText(r, 'problems', []) }, at: () => ({ sectionId: 'problems' }) },
  { rule: 'C-02', formats: ALL, severity: 'error', fail: { report: (r) => (r.meta.orgName = ' ') }, at: () => ({ metaField: 'orgName' }) },
  { rule: 'C-02', formats: ALL, severity: 'warning', fail: { report: (r) => delete r.meta.phone }, at: () => ({ metaField: 'phone' }) },
  { rule: 'C-03', formats: ['gov-2021'], severity: 'error', fail: { report: (r) => (r.meta.year = 2019) } },
  { rule: 'C-03', formats: ['gov-2019'], severity: 'error', fail: { report: (r) => (r.meta.year = 2021) } },
  { rule: 'C-03', formats: ['gov-2008'], severity: 'error', fail: { report: (r) => (r.meta.year = 2020) } },
  { rule: 'C-05', formats: MODERN, severity: 'error', fail: { report: (r, f) => delete r.tables[f.apply] }, at: (f) => ({ tableId: f.apply, rowId: 'r1_new', colId: 'natural' }) },
  { rule: 'C-04', formats: ALL, severity: 'error', fail: { report: (r) => setText(r, 'other', ['【请填写：其他事项】']) }, at: () => ({ sectionId: 'other' }) },

  { rule: 'N-09', formats: ALL, severity: 'warning', fail: { report: (r) => (r.meta.signatureDate = `${r.meta.year}-12-20`) }, at: () => ({ metaField: 'signatureDate' }) },
  {
    rule: 'N-09',
    formats: MODERN,
    severity: 'warning',
    fail: { report: (r) => (r.meta.signatureDate = `${r.meta.year + 1}-02-15`) },
    pass: { report: (r) => ((r.meta.unitType = 'people_government'), (r.meta.signatureDate = `${r.meta.year + 1}-02-15`)) },
  },

  // Issue #13: last year's report linked in this one
  {
    rule: 'N-10',
    formats: ALL,
    severity: 'warning',
    fail: { report: (r) => (linkLastYear(r), setText(r, 'problems', ['一是信息发布不够及时；二是解读形式较为单一。下一步将加强培训，提高公开质量。'])) },
    pass: { report: (r) => (linkLastYear(r), setText(r, 'problems', ['一是信息发布不够及时。上年报告所列的栏目更新慢问题已整改到位。'])) },
    at: () => ({ sectionId: 'problems' }),
  },
  {
    rule: 'N-17',
    formats: ALL,
    severity: 'warning',
    fail: { report: (r) => linkLastYear(r) },
    pass: { report: (r) => linkLastYear(r, (prev) => Object.keys(prev.sections).forEach((id) => setText(prev, id, ['上年度本部分的文字完全不同，讲的是另一批工作和另一些数字，共12项。']))) },
  },
  {
    rule: 'N-18',
    formats: ALL,
    severity: 'warning',
    fail: { report: (r) => setText(r, 'overview', [`${r.meta.year - 1}年，我局进一步加强政务公开工作，主动公开政府信息120条。`]) },
    pass: { report: (r) => setText(r, 'overview', [`${r.meta.year}年，我局进一步加强政务公开工作，主动公开政府信息120条，比${r.meta.year - 1}年增加10条。`]) },
    at: () => ({ sectionId: 'overview', span: { paragraph: 0, start: 0, end: 32 } }),
  },

  // §6 gov-2008 annex and structure
  { rule: 'O-01', formats: ['gov-2008'], severity: 'error', fail: { report: (r) => addToCell(r, 'gov-2008.stats', 'req_online', 'this_year', 1) } },
  { rule: 'O-02', formats: ['gov-2008'], severity: 'error', fail: { report: (r) => addToCell(r, 'gov-2008.stats', 'reply_open', 'cumulative', 1) } },
  { rule: 'O-03', formats: ['gov-2008'], severity: 'warning', fail: { report: (r) => derive((addToCell(r, 'gov-2008.stats', 'reply_open', 'this_year', 1), r)) } },
  { rule: 'O-04', formats: ['gov-2008'], severity: 'error', fail: { report: (r) => setCell(r, 'gov-2008.stats', 'reconsideration', 'this_year', 5) }, at: () => ({ tableId: 'gov-2008.stats', rowId: 'reconsideration', colId: 'cumulative' }) },
  { rule: 'O-05', formats: ['gov-2008'], severity: 'error', fail: { report: (r) => setText(r, 'fees', []) } },
  { rule: 'O-06', formats: ['gov-2008'], severity: 'error', fail: { report: (r) => setText(r, 'fees', ['本年度依法收取检索复制费0元。']) } },
];

function fmt(id: string): Fmt {
  return { id, active: `${id}.active`, apply: `${id}.apply`, review: `${id}.review` };
}

function run(formatId: string, scenario: Scenario | undefined, locale: 'zh-CN' | 'en' = 'zh-CN') {
  const f = fmt(formatId);
  const report = sample(formatId);
  scenario?.report?.(report, f);
  let previous;
  if (scenario?.previous) {
    const prev = lastYear(sample(formatId));
    scenario.previous(prev, report, f);
    previous = { report: prev, template: template(formatId) };
  }
  return checkReport(template(formatId), report, { locale, ...(previous ? { previous } : {}) });
}

/**
 * The template's row and column ids a message must never show. Chinese messages hold none at all;
 * English ones none of the ids that are not plain words (a plain-word id such as "total" is also English).
 */
function internalIds(formatId: string, locale: 'zh-CN' | 'en'): RegExp {
  const ids = new Set<string>();
  for (const model of template(formatId).tableModels.values()) {
    for (const block of model.def.blocks) {
      for (const row of block.rows) ids.add(row.id);
      for (const col of block.columns) ids.add(col.id);
    }
  }
  const shown = [...ids].filter((id) => locale === 'zh-CN' || /[_\d]/.test(id));
  return new RegExp(`(?<![A-Za-z0-9_.-])(?:${shown.join('|')})(?![A-Za-z0-9_])`);
}

describe('every rule has a failing and a passing case on every format it applies to', () => {
  for (const c of CASES) {
    for (const formatId of c.formats) {
      it(`${c.rule} on ${formatId}: fails`, () => {
        const hits = run(formatId, c.fail).filter((x) => x.ruleId === c.rule && x.severity === c.severity);
        expect(hits.length).toBeGreaterThan(0);
        if (c.at) expect(hits.map((h) => h.location)).toContainEqual(c.at(fmt(formatId)));
        for (const h of hits) expect(h.message).not.toMatch(/\{\w+\}/);
      });
      it(`${c.rule} on ${formatId}: its messages name places in words, never by an internal id, in both languages`, () => {
        for (const locale of ['zh-CN', 'en'] as const) {
          const hits = run(formatId, c.fail, locale).filter((x) => x.ruleId === c.rule);
          expect(hits.length).toBeGreaterThan(0);
          for (const h of hits) expect(h.message).not.toMatch(internalIds(formatId, locale));
        }
      });
      it(`${c.rule} on ${formatId}: passes`, () => {
        expect(run(formatId, c.pass).filter((x) => x.ruleId === c.rule)).toEqual([]);
      });
    }
  }

  for (const formatId of ['gov-2021', 'gov-2019', 'gov-2008']) {
    it(`${formatId}: the cases above cover every rule the format declares, and no other`, () => {
      const declared = new Set(template(formatId).rules.map((r) => r.id));
      const tested = new Set(CASES.filter((c) => c.formats.includes(formatId)).map((c) => c.rule));
      expect([...tested].sort()).toEqual([...declared].sort());
    });
  }
});

describe('the spec differences between formats (checks.md §7)', () => {
  it('S-6 is the single （六）其他处理 row in gov-2019 and the three sub-items in gov-2021', () => {
    const r19 = sample('gov-2019');
    derive((addToCell(r19, 'gov-2019.apply', 'r3_6', 'natural', 1), r19));
    expect(checkReport(template('gov-2019'), r19).filter((x) => x.ruleId === 'P-02')).toEqual([]);
    const r21 = sample('gov-2021');
    addToCell(r21, 'gov-2021.apply', 'r3_6_3', 'natural', 1);
    expect(checkReport(template('gov-2021'), r21).map((x) => x.ruleId)).toContain('P-02');
  });

  it('the D21 rules are not part of gov-2019 and the D19 rules not of gov-2021', () => {
    const ids = (id: string) => template(id).rules.map((r) => r.id);
    expect(ids('gov-2019').some((id) => id.startsWith('D21'))).toBe(false);
    expect(ids('gov-2021').some((id) => id.startsWith('D19'))).toBe(false);
    expect(ids('gov-2019')).not.toContain('P-07');
    expect(ids('gov-2021')).not.toContain('V-07');
  });

  it('messages name the place and the difference, in Chinese by default and in English on request', () => {
    const r = sample('gov-2021');
    derive((addToCell(r, 'gov-2021.apply', 'r1_new', 'natural', 1), r));
    const [zh] = checkReport(template('gov-2021'), r).filter((x) => x.ruleId === 'P-01');
    expect(zh?.message).toBe('三、收到和处理政府信息公开申请情况 · 自然人列：第一项加第二项之和（41）不等于第三项加第四项之和（40），相差 1。请核对本年新收、上年结转、办理结果和结转下年度的数字。');
    expect(zh).toMatchObject({ expected: 40, actual: 41, severity: 'error' });
    const [en] = checkReport(template('gov-2021'), r, { locale: 'en' }).filter((x) => x.ruleId === 'P-01');
    expect(en?.message).toContain('column 自然人: items one plus two (41) do not equal items three plus four (40); difference 1');
  });
});
