import type { Localized } from '../i18n/locale.js';
import type { Template } from '../template/loadTemplate.js';

/** A cell of last year's report, by its own format's ids. */
export interface PriorCellRef {
  tableId: string;
  rowId: string;
  colId: string;
}

/** Where this year's cell or section was last year, or why it has no counterpart there. */
export type Correspondence<T> = { ok: true; prior: T; note?: Localized } | { ok: false; note: Localized };

/**
 * Cells whose id changed between formats while their meaning did not, and cells whose id stayed
 * while the meaning changed. Everything else corresponds by table role, row id and column id,
 * which the national formats keep stable (templates/gov-2019.json and gov-2021.json share 表三 and 表四).
 */
const RENAMED: readonly { prior: string; current: string; role: string; col: string; priorCol: string }[] = [
  { prior: 'gov-2019', current: 'gov-2021', role: 'active', col: 'made', priorCol: 'new_made' },
];

const DIFFERENT: readonly { prior: string; current: string; role: string; col?: string; row?: string; note: Localized }[] = [
  {
    prior: 'gov-2019',
    current: 'gov-2021',
    role: 'active',
    col: 'valid',
    note: { 'zh-CN': '2019年版表二统计“对外公开总数量”，2021年版统计“现行有效件数”，含义不同，不作比较。', en: 'The 2019 format counts documents published in total, the 2021 format documents in force: not comparable.' },
  },
  {
    prior: 'gov-2019',
    current: 'gov-2021',
    role: 'active',
    col: 'repealed',
    note: { 'zh-CN': '2019年版表二没有“本年废止件数”。', en: 'The 2019 format has no "repealed this year" column.' },
  },
  {
    prior: 'gov-2019',
    current: 'gov-2021',
    role: 'active',
    row: 'admin_fee',
    note: { 'zh-CN': '2019年版表二统计行政事业性收费的项目数，2021年版统计收费金额，含义不同。', en: 'The 2019 format counts fee items, the 2021 format the amount collected: not comparable.' },
  },
  {
    prior: 'gov-2019',
    current: 'gov-2021',
    role: 'apply',
    row: 'r3_6_',
    note: { 'zh-CN': '2019年版表三把“（六）其他处理”记为一行，2021年版分为三项，分项不作比较。', en: 'The 2019 format has one row for "other handling"; the 2021 format splits it into three.' },
  },
];

const NO_TABLE: Localized = { 'zh-CN': '上年报告的格式没有这张表。', en: "Last year's format has no such table." };
const NO_CELL: Localized = { 'zh-CN': '上年报告的格式没有对应的单元格。', en: "Last year's format has no corresponding cell." };
const NO_SECTION: Localized = { 'zh-CN': '上年报告的格式没有这一部分。', en: "Last year's format has no such part." };

/** This year's cell in last year's report, when the two mean the same thing. */
export function priorCellOf(current: Template, prior: Template, tableId: string, rowId: string, colId: string): Correspondence<PriorCellRef> {
  const model = current.tableModels.get(tableId);
  const priorModel = model && [...prior.tableModels.values()].find((m) => m.def.role === model.def.role);
  if (!model || !priorModel) return { ok: false, note: NO_TABLE };
  const role = model.def.role;
  const differs = DIFFERENT.find((d) => d.prior === prior.id && d.current === current.id && d.role === role && (d.col === undefined || d.col === colId) && (d.row === undefined || rowId.startsWith(d.row)));
  if (differs) return { ok: false, note: differs.note };
  const renamed = RENAMED.find((r) => r.prior === prior.id && r.current === current.id && r.role === role && r.col === colId);
  const priorCol = renamed?.priorCol ?? colId;
  if (!priorModel.cell(rowId, priorCol)) return { ok: false, note: NO_CELL };
  return { ok: true, prior: { tableId: priorModel.def.id, rowId, colId: priorCol } };
}

/** This year's section in last year's report: the formats keep section ids; the heading may be worded differently. */
export function priorSectionOf(current: Template, prior: Template, sectionId: string): Correspondence<string> {
  const section = current.sectionById.get(sectionId);
  const priorSection = prior.sectionById.get(sectionId);
  if (!section || !priorSection) return { ok: false, note: NO_SECTION };
  if (section.heading === priorSection.heading || priorSection.heading === null) return { ok: true, prior: sectionId };
  return {
    ok: true,
    prior: sectionId,
    note: { 'zh-CN': `上年报告中这一部分的标题为“${priorSection.heading}”。`, en: `Last year's report heads this part "${priorSection.heading}".` },
  };
}
