import type { z } from 'zod';
import { META_FIELD_LABELS } from '../i18n/coreMessages.js';
import { localize, type Localized, type Locale } from '../i18n/locale.js';
import { LIMIT_MESSAGES } from '../limits.js';
import { jsonPath, TemplateError, type Template } from '../template/loadTemplate.js';
import { MIGRATIONS, migrateReport, type MigrationSteps } from './migrations.js';
import { CURRENT_SCHEMA_VERSION, reportSchema, type Report, type ValueProblem } from './reportSchema.js';

/** `limits`: the file goes beyond REPORT_LIMITS (limits.ts). */
export type ReportLoadErrorCode = 'json' | 'schema' | 'limits' | 'version' | 'template' | 'structure';

/** Why a file could not be opened as a report, in words for the user, naming the field. */
export interface ReportLoadError {
  code: ReportLoadErrorCode;
  path?: string;
  message: Localized;
}

export type ParseResult = { ok: true; report: Report; template: Template } | { ok: false; error: ReportLoadError };

type Refusal = { ok: false; error: ReportLoadError };

const fail = (code: ReportLoadErrorCode, zh: string, en: string, path?: string): Refusal => ({
  ok: false,
  error: path === undefined ? { code, message: { 'zh-CN': zh, en } } : { code, path, message: { 'zh-CN': zh, en } },
});

function lineAndColumn(text: string, position: number): { line: number; column: number } {
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  return { line, column: position - before.lastIndexOf('\n') };
}

function jsonFailure(text: string, error: unknown): ParseResult {
  const detail = error instanceof Error ? error.message : String(error);
  const pos = /position (\d+)/.exec(detail);
  if (text.trim().length === 0) return fail('json', '文件是空的，可能在保存时被中断。', 'The file is empty; saving may have been interrupted.');
  if (!pos || /end of (JSON|data) input/i.test(detail) || Number(pos[1]) >= text.trimEnd().length) {
    return fail('json', '文件内容不完整（被截断），无法作为报告打开。', 'The file is incomplete (truncated) and cannot be opened as a report.');
  }
  const { line, column } = lineAndColumn(text, Number(pos[1]));
  return fail('json', `文件不是有效的报告文件：第 ${line} 行第 ${column} 列格式错误，文件可能已损坏。`, `The file is not a valid report: malformed at line ${line}, column ${column}; it may be damaged.`);
}

/** A field as the user knows it: "机关全称（meta.orgName）", else its place in the file. */
function fieldPlace(field: string): Localized {
  const label = field.startsWith('meta.') ? META_FIELD_LABELS[field.slice(5)] : undefined;
  if (label) return { 'zh-CN': `“${label['zh-CN']}”（${field}）`, en: `"${label.en}" (${field})` };
  return { 'zh-CN': `字段“${field}”`, en: `The field "${field}"` };
}

/** Issues with a message of their own in both languages: lengths over REPORT_LIMITS and refused values. */
function limitMessage(issue: z.core.$ZodIssue, field: string): Localized | undefined {
  if (issue.code === 'too_big' && issue.origin === 'string') return LIMIT_MESSAGES.textTooLong(fieldPlace(field), Number(issue.maximum));
  if (issue.code !== 'custom') return undefined;
  const value = issue.params as ValueProblem | undefined;
  if (value?.problem === 'numberTooLarge') return LIMIT_MESSAGES.numberTooLarge(fieldPlace(field));
  if (value?.problem === 'notACalendarDate') return LIMIT_MESSAGES.notACalendarDate(fieldPlace(field), value.value);
  if (value?.problem === 'limits') return value.message;
  return undefined;
}

function schemaFailure(error: z.ZodError): ParseResult {
  const [issue] = error.issues;
  const path = issue ? jsonPath(issue.path) : '$';
  const field = path.replace(/^\$\.?/, '') || '（根）';
  const limited = issue && limitMessage(issue, field);
  const beyondLimits = issue?.code === 'too_big' || (issue?.code === 'custom' && (issue.params as ValueProblem | undefined)?.problem === 'limits');
  if (limited) return { ok: false, error: { code: beyondLimits ? 'limits' : 'schema', path, message: limited } };
  const missing = issue?.code === 'invalid_type' && /received undefined/.test(issue.message);
  if (missing) return fail('schema', `报告文件缺少必需的字段“${field}”。`, `The report file lacks the required field "${field}".`, path);
  return fail('schema', `报告文件中字段“${field}”的内容不正确：${issue?.message ?? ''}`, `The field "${field}" of the report file is wrong: ${issue?.message ?? ''}`, path);
}

/**
 * Reads the text of a .drs file. Never throws for bad input; never changes the input. The file
 * is upgraded (migrations.ts) only in memory; writing it back is the caller's explicit save.
 */
export function parseReport(text: string, templates: ReadonlyMap<string, Template>, steps: MigrationSteps = MIGRATIONS): ParseResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return jsonFailure(text, error);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return fail('schema', '文件内容不是一份报告（应为 JSON 对象）。', 'The file does not hold a report (a JSON object is expected).', '$');
  }
  const record = raw as Record<string, unknown>;
  const version = record.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return fail('schema', '报告文件缺少有效的文件格式版本“schemaVersion”。', 'The report file lacks a valid "schemaVersion".', '$.schemaVersion');
  }
  if (version > CURRENT_SCHEMA_VERSION) {
    return fail(
      'version',
      `此文件由更新版本的公开年报工作台创建（文件格式版本 ${version}，本程序支持到 ${CURRENT_SCHEMA_VERSION}），请升级本程序后再打开。文件未被修改。`,
      `This file was made by a newer Disclosure Report Studio (file format ${version}; this program reads up to ${CURRENT_SCHEMA_VERSION}). Please update the program. The file was not changed.`,
      '$.schemaVersion',
    );
  }
  let migrated: Record<string, unknown>;
  try {
    migrated = migrateReport(record, version, steps);
  } catch {
    return fail('version', `无法升级文件格式版本 ${version} 的报告。`, `A report of file format ${version} cannot be upgraded.`, '$.schemaVersion');
  }
  const parsed = reportSchema.safeParse(migrated);
  if (!parsed.success) return schemaFailure(parsed.error);
  const structure = validateReportStructure(parsed.data, templates);
  return structure.ok ? { ok: true, report: normalizeTables(parsed.data, structure.template), template: structure.template } : structure;
}

/**
 * What a report that passed the schema must also be to open: of a known format, with only the
 * sections, tables and cells that format defines. Loading a file and every report the main
 * process receives go through this one check, so the app never writes a report it cannot open.
 */
export function validateReportStructure(report: Report, templates: ReadonlyMap<string, Template>): { ok: true; template: Template } | Refusal {
  let template: Template | undefined;
  try {
    template = templates.get(report.templateId);
  } catch (error) {
    // A library may validate a format only when it is first asked for (src-main's TemplateLibrary does).
    if (!(error instanceof TemplateError)) throw error;
    return fail(
      'template',
      `报告格式“${report.templateId}”的格式文件有误，无法按该格式打开报告（${error.message}）。请修复该文件或重新安装本程序。`,
      `The format file of "${report.templateId}" is broken, so the report cannot be opened in that format (${error.message}). Repair the file or reinstall the program.`,
      '$.templateId',
    );
  }
  if (!template) {
    const known = [...templates.keys()].join('、');
    return fail('template', `未知的报告格式“${report.templateId}”（可用格式：${known}）。`, `Unknown report format "${report.templateId}" (known formats: ${known}).`, '$.templateId');
  }
  return checkStructure(report, template) ?? { ok: true, template };
}

/** Ids that the format does not have are refused, naming the place, rather than silently dropped. */
function checkStructure(report: Report, template: Template): Refusal | undefined {
  for (const sectionId of Object.keys(report.sections)) {
    if (!template.sectionById.has(sectionId)) {
      return fail('structure', `报告含有格式“${template.id}”中没有的部分“${sectionId}”。`, `The report has a section "${sectionId}" that format "${template.id}" does not define.`, `$.sections.${sectionId}`);
    }
  }
  for (const [item, tag] of Object.entries(report.outline?.art32Tags ?? {})) {
    if (!template.sectionById.has(tag.sectionId)) {
      return fail('structure', `报告把第三十二条第（${item}）项标在格式“${template.id}”中没有的部分“${tag.sectionId}”。`, `The report tags Art. 32 item ${item} to a section "${tag.sectionId}" that format "${template.id}" does not define.`, `$.outline.art32Tags.${item}.sectionId`);
    }
  }
  for (const sectionId of Object.keys(report.outline?.headings ?? {})) {
    if (!template.sectionById.has(sectionId)) {
      return fail('structure', `报告为格式“${template.id}”中没有的部分“${sectionId}”设了标题。`, `The report words a heading for a section "${sectionId}" that format "${template.id}" does not define.`, `$.outline.headings.${sectionId}`);
    }
  }
  for (const [tableId, rows] of Object.entries(report.tables)) {
    const model = template.tableModels.get(tableId);
    if (!model) return fail('structure', `报告含有格式“${template.id}”中没有的表格“${tableId}”。`, `The report has a table "${tableId}" that format "${template.id}" does not define.`, `$.tables.${tableId}`);
    for (const [rowId, cols] of Object.entries(rows)) {
      for (const colId of Object.keys(cols)) {
        const column = model.column(rowId, colId);
        if (!model.cell(rowId, colId) && column?.kind !== 'blank') {
          return fail('structure', `表格“${model.def.title}”中没有单元格 ${rowId} / ${colId}。`, `Table "${model.def.title}" has no cell ${rowId} / ${colId}.`, `$.tables.${tableId}.${rowId}.${colId}`);
        }
      }
    }
  }
  return undefined;
}

/**
 * Every data cell of every table the file has is present afterwards (missing ones as null). A
 * mandatory table the file lacks altogether stays missing, for the required-tables rule to report.
 */
function normalizeTables(report: Report, template: Template): Report {
  const tables: Report['tables'] = { ...report.tables };
  for (const model of template.tableModels.values()) {
    if (!tables[model.def.id]) continue;
    const rows = { ...(tables[model.def.id] ?? {}) };
    for (const cell of model.cells) {
      const row = (rows[cell.rowId] = { ...(rows[cell.rowId] ?? {}) });
      if (!(cell.colId in row)) row[cell.colId] = null;
    }
    tables[model.def.id] = rows;
  }
  return { ...report, tables };
}

export function describeLoadError(error: ReportLoadError, locale: Locale): string {
  return localize(error.message, locale);
}
