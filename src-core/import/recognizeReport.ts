import { deriveComputedCells } from '../checks/deriveComputedCells.js';
import type { Localized } from '../i18n/locale.js';
import { blocksToLexical } from '../report/lexicalText.js';
import { createReport } from '../report/newReport.js';
import type { Report, ReportMeta, ReportOutline } from '../report/reportSchema.js';
import type { Template } from '../template/loadTemplate.js';
import { detectFormat } from './detectFormat.js';
import { fillTable, leftoverTableText, whereText } from './fillTable.js';
import type { ImportedCell, ImportedSection, ImportReport, ImportResult, UnplacedItem } from './importResult.js';
import { openccToSimplified, type ToSimplified } from './normalizeText.js';
import { joinParagraphs, paragraphBlock, type Paragraph } from './paragraphs.js';
import { reportIdentity } from './reportIdentity.js';
import { findSignature } from './signature.js';
import { art32ItemsNamed, headingText, matchHeading } from './sectionHeadings.js';
import type { SourceDocument } from './sourceDocument.js';
import { sourceUnits, type TextUnit, type Unit, type Where } from './sourceUnits.js';
import { collectTableSource } from './tableRows.js';
import { isTableCaption, readUnitNote } from './tableNotes.js';
import type { RemovedPiece } from './webJunk.js';

export interface RecognizeOptions {
  /** The format to read the source as (the user's --template), instead of detecting it. */
  templateId?: string;
  /** Traditional → simplified converter; OpenCC (opencc-js) by default. */
  toSimplified?: ToSimplified;
  /** The creation time stamped on the report. */
  now?: Date;
}

interface SectionSpan {
  index: number;
  sourceHeading: string | null;
  mergedItems?: number[];
  units: Unit[];
}

const fail = (zh: string, en: string): ImportResult => ({ ok: false, message: { 'zh-CN': zh, en } });

function spanText(from: Where, to: Where): Localized {
  if (from.page !== undefined && to.page !== undefined) {
    return from.page === to.page ? { 'zh-CN': `第 ${from.page} 页`, en: `page ${from.page}` } : { 'zh-CN': `第 ${from.page}–${to.page} 页`, en: `pages ${from.page}–${to.page}` };
  }
  if (from.block === to.block) return { 'zh-CN': `第 ${from.block} 段/行`, en: `block ${from.block}` };
  return { 'zh-CN': `第 ${from.block}–${to.block} 段/行`, en: `blocks ${from.block}–${to.block}` };
}

/** Splits the units into the format's sections at the headings, in the format's order. */
function splitSections(template: Template, units: readonly Unit[]): SectionSpan[] {
  const preamble = template.sections.findIndex((s) => s.heading === null);
  const spans: SectionSpan[] = [{ index: preamble, sourceHeading: null, units: [] }];
  for (const unit of units) {
    const current = spans.at(-1)!;
    const text = unit.kind === 'text' ? headingText(unit) : undefined;
    const match = text === undefined ? undefined : matchHeading(template, text, current.index);
    if (!match || text === undefined) {
      current.units.push(unit);
      continue;
    }
    const span: SectionSpan = { index: match.sectionIndex, sourceHeading: text, units: [] };
    if (match.mergedItems) span.mergedItems = match.mergedItems;
    spans.push(span);
  }
  return spans;
}

/** gov-2008 merged outline: each Art. 32 item a merged heading names is tagged to it, or to its sub-heading naming the item. */
function art32Tags(sectionId: string, items: readonly number[], paragraphs: readonly Paragraph[]): NonNullable<ReportOutline['art32Tags']> {
  const tags: NonNullable<ReportOutline['art32Tags']> = {};
  for (const item of items) {
    const sub = paragraphs.find((p) => /^（[一二三四五六七八九十]{1,3}）/.test(p.text) && art32ItemsNamed(p.text.split('。')[0]!).includes(item));
    const subHeading = sub?.text.split('。')[0];
    tags[String(item)] = subHeading ? { sectionId, subHeading } : { sectionId };
  }
  return tags;
}

/**
 * Reads a source document (any reader's output) into a report of the mandated structure: format,
 * year and body detected, text placed in the format's sections, numbers in the table cells. The
 * import report lists where everything came from, and everything not placed.
 */
export function recognizeReport(source: SourceDocument, templates: ReadonlyMap<string, Template>, options: RecognizeOptions = {}): ImportResult {
  const toSimplified = options.toSimplified ?? openccToSimplified;
  const { units, removed } = sourceUnits(source, toSimplified);
  if (units.length === 0) return fail(`“${source.fileName}”中没有读到任何文字，无法导入。请确认文件不是扫描图片。`, `No text was read from “${source.fileName}”; nothing to import. Check that the file is not a scanned image.`);
  const textUnits = units.filter((u): u is TextUnit => u.kind === 'text');
  const identity = reportIdentity(textUnits);
  const assumptions: Localized[] = [...source.notes, ...identity.reasons];

  let template: Template | undefined;
  if (options.templateId !== undefined) {
    template = templates.get(options.templateId);
    if (!template) return fail(`未知的报告格式“${options.templateId}”（可用格式：${[...templates.keys()].join('、')}）。`, `Unknown report format “${options.templateId}” (known formats: ${[...templates.keys()].join(', ')}).`);
    assumptions.push({ 'zh-CN': `按指定的格式“${template.name['zh-CN']}”读取`, en: `read as the format chosen by the user, “${template.name.en}”` });
  } else {
    const choice = detectFormat(templates, textUnits, identity.year);
    if (!choice) return fail('没有可用的报告格式。', 'No report format is available.');
    template = choice.template;
    assumptions.push(...choice.reasons.map((r) => ({ 'zh-CN': `格式“${template!.name['zh-CN']}”：${r['zh-CN']}`, en: `format “${template!.name.en}”: ${r.en}` })));
  }

  const titleUnits = new Set(identity.titleUnits.map((i) => textUnits[i]!));
  for (const unit of titleUnits) removed.push({ text: unit.text, reason: { 'zh-CN': '标题（导出时由机关名称和年度生成）', en: 'the title (the export prints it from the body’s name and the year)' } });
  const titled = units.filter((u) => !(u.kind === 'text' && titleUnits.has(u)));
  const signature = findSignature(titled);
  const body = signature ? titled.filter((_, i) => !signature.units.includes(i)) : titled;
  if (signature) {
    for (const i of signature.units) removed.push({ text: unitText(titled[i]!), reason: { 'zh-CN': '落款（署名机关和成文日期），已填入“报告信息”，导出时由其生成', en: 'the signature (signing body and date), taken into the report facts; the export prints it from them' } });
  }
  shiftHeadingLevels(body, [...titleUnits]);
  if (/[\u4e00-\u9fff]/.test(body.map((u) => (u.kind === 'text' ? u.text : '')).join('')) && source.blocks.some((b) => b.kind !== 'table' && b.text !== toSimplified(b.text))) {
    assumptions.push({ 'zh-CN': '原文含繁体字，已转换为简体', en: 'the source is in traditional characters; converted to simplified' });
  }

  const year = identity.year ?? (options.now ?? new Date()).getFullYear() - 1;
  if (identity.year === null) assumptions.push({ 'zh-CN': `未能识别报告年度，暂按 ${year} 年，请在“报告信息”中核对`, en: `the report year was not found; ${year} is assumed, check it in the report facts` });
  const orgName = identity.orgName ?? '';
  if (identity.orgName === null) assumptions.push({ 'zh-CN': '未能识别机关名称，请在“报告信息”中填写', en: 'the body’s name was not found; enter it in the report facts' });
  const unitType: ReportMeta['unitType'] = /人民政府$/.test(orgName) ? 'people_government' : 'department';
  const meta: ReportMeta = { orgName, year, unitType, hasRulemakingPower: false };
  if (signature?.org !== undefined) meta.signatureOrg = signature.org;
  if (signature) meta.signatureDate = signature.date;
  assumptions.push({ 'zh-CN': `单位类型按名称定为“${unitType === 'people_government' ? '人民政府' : '部门'}”，有无规章制定权按“无”，请核对`, en: `unit type taken from the name (${unitType}); no rule-making power assumed; please check` });

  const report: Report = createReport(template, meta, options.now ?? new Date());
  const sections: ImportedSection[] = [];
  const cells: ImportedCell[] = [];
  const unplaced: UnplacedItem[] = [];
  const outline: ReportOutline = {};
  for (const section of template.sections) report.sections[section.id] = blocksToLexical([]);

  for (const span of splitSections(template, body)) {
    const section = template.sections[span.index];
    if (!section) {
      for (const unit of span.units) unplaced.push({ kind: unit.kind === 'table' ? 'table' : 'paragraph', text: unitText(unit), where: whereText(unit.where), reason: { 'zh-CN': '位于第一个标题之前，格式没有前言部分', en: 'before the first heading, and the format has no preamble' } });
      continue;
    }
    const models = section.tables.map((id) => template.tableModels.get(id)).filter((m) => m !== undefined);
    let prose: TextUnit[];
    if (models.length > 0) {
      const tableSource = collectTableSource(span.units);
      let rows = tableSource.rows;
      for (const model of models) {
        const filled = fillTable(model, { rows });
        Object.assign((report.tables[model.def.id] ??= {}), mergeRows(report.tables[model.def.id] ?? {}, filled.values));
        cells.push(...filled.cells);
        unplaced.push(...filled.unplaced);
        removed.push(...filled.removed);
        assumptions.push(...filled.assumptions);
        rows = filled.unused;
      }
      const leftover = leftoverTableText(models[0], rows, tableSource.trailing);
      unplaced.push(...leftover.unplaced);
      removed.push(...leftover.removed);
      prose = tableSource.prose;
    } else {
      prose = [];
      for (const unit of span.units) {
        if (unit.kind === 'text') prose.push(unit);
        else unplaced.push({ kind: 'table', text: unitText(unit), where: whereText(unit.where), reason: { 'zh-CN': `“${section.heading ?? '前言'}”部分在格式中没有表格`, en: `the format has no table in “${section.heading ?? 'preamble'}”` } });
      }
    }
    const paragraphs = joinParagraphs(prose).filter((paragraph) => {
      if (isTableCaption(paragraph.text, models)) {
        removed.push({ text: paragraph.text, reason: { 'zh-CN': '表格标题（由格式的表格代替）', en: 'the table’s caption (the format’s table replaces it)' } });
        return false;
      }
      const note = readUnitNote(paragraph.text, models);
      if (!note) return true;
      ((report.cellUnits ??= {})[note.tableId] ??= {})[note.rowId] = { ...report.cellUnits[note.tableId]?.[note.rowId], [note.colId]: note.unit };
      removed.push({ text: paragraph.text, reason: { 'zh-CN': `表下注明的金额单位，已记为该格的单位“${note.unit}”，导出时重新印出`, en: `the table note giving the amount’s unit, recorded as the cell’s unit “${note.unit}”; the export prints it again` } });
      return false;
    });
    const existing = sections.find((s) => s.sectionId === section.id);
    if (existing) continue;
    report.sections[section.id] = blocksToLexical(paragraphs.map(paragraphBlock));
    if (span.mergedItems) {
      (outline.headings ??= {})[section.id] = span.sourceHeading ?? '';
      outline.art32Tags = { ...outline.art32Tags, ...art32Tags(section.id, span.mergedItems, paragraphs) };
      assumptions.push({ 'zh-CN': `合并标题“${span.sourceHeading}”涵盖《条例》第三十二条第 ${span.mergedItems.join('、')} 项，已按其措辞标注`, en: `the merged heading “${span.sourceHeading}” covers Art. 32 items ${span.mergedItems.join(', ')}; tagged from its wording` });
    } else if (span.sourceHeading !== null && section.heading !== null && span.sourceHeading !== section.heading) {
      assumptions.push({ 'zh-CN': `标题“${span.sourceHeading}”按格式的“${section.heading}”读取`, en: `the heading “${span.sourceHeading}” was read as the format’s “${section.heading}”` });
    }
    const first = span.units[0]?.where;
    const last = span.units.at(-1)?.where;
    sections.push({
      sectionId: section.id,
      sourceHeading: span.sourceHeading,
      paragraphs: paragraphs.length,
      characters: paragraphs.reduce((n, p) => n + [...p.text].length, 0),
      from: first && last ? spanText(first, last) : { 'zh-CN': '原文此部分为空', en: 'empty in the source' },
    });
  }
  if (outline.headings || outline.art32Tags) report.outline = outline;
  assumptions.push(...totalsDisagreements(template, report));

  const filled = new Set(cells.map((c) => `${c.tableId}\u0000${c.rowId}\u0000${c.colId}`));
  const missingCells: ImportReport['missingCells'] = [];
  for (const model of template.tableModels.values()) {
    if (model.def.optional && !cells.some((c) => c.tableId === model.def.id)) continue;
    for (const cell of model.cells) {
      if (filled.has(`${cell.tableId}\u0000${cell.rowId}\u0000${cell.colId}`)) continue;
      const row = model.row(cell.rowId);
      const column = model.column(cell.rowId, cell.colId);
      const label = [model.def.title, row?.label, column?.label].filter(Boolean).join(' / ');
      missingCells.push({ tableId: cell.tableId, rowId: cell.rowId, colId: cell.colId, label: { 'zh-CN': label, en: label } });
    }
  }
  const importReport: ImportReport = { fileName: source.fileName, templateId: template.id, year: identity.year, orgName: identity.orgName, sections, cells, unplaced, missingCells, removed: removed.map(listed), assumptions };
  return { ok: true, report, importReport };
}

/**
 * A web page often makes the title its only <h1>, so the report's level-1 headings are <h2>: when the
 * title held the levels above all of the body's, the body's declared levels move up by as many.
 */
function shiftHeadingLevels(body: readonly Unit[], title: readonly TextUnit[]): void {
  const titleLevel = Math.max(0, ...title.map((u) => u.level ?? 0));
  const levels = body.flatMap((u) => (u.kind === 'text' && u.level !== undefined ? [u.level] : []));
  if (titleLevel === 0 || levels.length === 0 || Math.min(...levels) <= titleLevel) return;
  for (const unit of body) if (unit.kind === 'text' && unit.level !== undefined) unit.level -= titleLevel;
}

function listed(piece: RemovedPiece): RemovedPiece {
  return { text: piece.text, reason: piece.reason };
}

function unitText(unit: Unit): string {
  return unit.kind === 'text' ? unit.text : unit.rows.map((row) => row.map((c) => c.text).join(' | ')).join('\n');
}

function mergeRows(into: Record<string, Record<string, unknown>>, values: Record<string, Record<string, Report['tables'][string][string][string]>>): Report['tables'][string] {
  const rows: Report['tables'][string] = {};
  for (const [rowId, cols] of Object.entries(into)) rows[rowId] = { ...(cols as Report['tables'][string][string]) };
  for (const [rowId, cols] of Object.entries(values)) rows[rowId] = { ...rows[rowId], ...cols };
  return rows;
}

/** Printed totals are kept as printed; where they differ from the sum of their items, say so (the checks will flag it). */
function totalsDisagreements(template: Template, report: Report): Localized[] {
  const derived = deriveComputedCells(template, report.tables);
  const notes: Localized[] = [];
  for (const model of template.tableModels.values()) {
    for (const cell of model.cells) {
      if (cell.kind !== 'computed') continue;
      const printed = report.tables[model.def.id]?.[cell.rowId]?.[cell.colId];
      const sum = derived[model.def.id]?.[cell.rowId]?.[cell.colId];
      if (printed === null || printed === undefined || sum === null || sum === undefined || String(printed) === String(sum)) continue;
      const label = [model.row(cell.rowId)?.label, model.column(cell.rowId, cell.colId)?.label].filter(Boolean).join(' / ');
      notes.push({ 'zh-CN': `“${model.def.title}”${label}：原表印 ${printed}，各项相加为 ${sum}；保留原表数字，检查时会指出`, en: `“${model.def.title}” ${label}: printed ${printed}, its items add up to ${sum}; the printed value is kept and the checks will flag it` });
    }
  }
  return notes;
}
