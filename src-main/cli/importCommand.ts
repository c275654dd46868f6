import { writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { cellPlaceVars, checkReport, countBySeverity, sectionName, type ImportReport, type Locale, type Template } from '../../src-core/index.js';
import { importFile } from '../import/importFile.js';

export interface ImportCommandIo {
  out: (line: string) => void;
}

export type ImportCommandResult = { ok: true } | { ok: false; message: string };

/**
 * `drs import FILE -o OUT.drs`: writes the recognised report (never over an existing file) and
 * prints the import report — what went where, and everything that could not be placed.
 */
export async function importCommand(
  file: string,
  output: string,
  options: { templateId?: string; json: boolean; locale: Locale },
  templates: ReadonlyMap<string, Template>,
  io: ImportCommandIo,
): Promise<ImportCommandResult> {
  const { locale } = options;
  const result = await importFile(file, templates, { ...(options.templateId ? { templateId: options.templateId } : {}) });
  if (!result.ok) return { ok: false, message: result.message[locale] };
  const template = templates.get(result.report.templateId)!;
  try {
    // 'wx': an import never replaces an existing file.
    writeFileSync(output, `${JSON.stringify(result.report, null, 1)}\n`, { encoding: 'utf8', flag: 'wx' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    return {
      ok: false,
      message: code === 'EEXIST'
        ? locale === 'en' ? `The file "${output}" exists and was not overwritten. Choose another name.` : `文件“${output}”已存在，未覆盖。请换一个文件名。`
        : locale === 'en' ? `Cannot write "${output}": ${code}` : `无法写入“${output}”：${code}`,
    };
  }
  const findings = checkReport(template, result.report, { locale });
  if (options.json) {
    io.out(JSON.stringify({ output, importReport: result.importReport, findings }, null, 1));
    return { ok: true };
  }
  for (const line of describeImport(result.importReport, template, locale)) io.out(line);
  const { errors, warnings } = countBySeverity(findings);
  io.out(locale === 'en' ? `Written: ${output} — checks: ${errors} error(s), ${warnings} warning(s) (drs validate ${basename(output)} lists them)` : `已写入：${output}——检查结果：${errors} 个错误，${warnings} 个警告（用 drs validate ${basename(output)} 查看）`);
  return { ok: true };
}

/** The import report as lines of text, in the order a user checks it. */
export function describeImport(report: ImportReport, template: Template, locale: Locale): string[] {
  const en = locale === 'en';
  const lines: string[] = [];
  lines.push(en ? `Imported ${report.fileName}` : `已导入 ${report.fileName}`);
  lines.push(
    en
      ? `  format ${template.id} (${template.name.en}), year ${report.year ?? '?'}, body ${report.orgName ?? '?'}`
      : `  格式 ${template.id}（${template.name['zh-CN']}），年度 ${report.year ?? '？'}，机关 ${report.orgName ?? '？'}`,
  );
  lines.push(en ? 'Sections:' : '章节：');
  for (const s of report.sections) {
    const from = s.sourceHeading ? `“${s.sourceHeading}”, ` : '';
    lines.push(`  ${sectionName(template, s.sectionId, locale)} ← ${from}${s.from[locale]}${en ? ` (${s.paragraphs} paragraph(s), ${s.characters} characters)` : `（${s.paragraphs} 段，${s.characters} 字）`}`);
  }
  const byTable = new Map<string, number>();
  for (const c of report.cells) byTable.set(c.tableId, (byTable.get(c.tableId) ?? 0) + 1);
  lines.push(en ? 'Tables:' : '表格：');
  for (const model of template.tableModels.values()) {
    const filled = byTable.get(model.def.id) ?? 0;
    const missing = report.missingCells.filter((m) => m.tableId === model.def.id).length;
    if (filled === 0 && missing === 0) continue;
    lines.push(en ? `  ${model.def.title}: ${filled} cell(s) filled, ${missing} missing` : `  ${model.def.title}：填入 ${filled} 个单元格，缺少 ${missing} 个`);
  }
  for (const m of report.missingCells.slice(0, 20)) lines.push(`    ${en ? 'missing' : '缺少'} ${cellName(template, m.tableId, m.rowId, m.colId, locale)}`);
  if (report.missingCells.length > 20) lines.push(en ? `    … and ${report.missingCells.length - 20} more` : `    ……另有 ${report.missingCells.length - 20} 个`);
  if (report.unplaced.length > 0) {
    lines.push(en ? `Not placed (${report.unplaced.length}) — place or drop these yourself:` : `未能放置（${report.unplaced.length}）——请自行放置或删除：`);
    for (const u of report.unplaced) lines.push(`  [${u.where[locale]}] ${oneLine(u.text)} — ${u.reason[locale]}`);
  }
  if (report.removed.length > 0) {
    lines.push(en ? `Removed (${report.removed.length}):` : `已删除（${report.removed.length}）：`);
    for (const r of report.removed) lines.push(`  ${oneLine(r.text)} — ${r.reason[locale]}`);
  }
  if (report.assumptions.length > 0) {
    lines.push(en ? 'Assumptions:' : '假设：');
    for (const a of report.assumptions) lines.push(`  ${a[locale]}`);
  }
  return lines;
}

/** A listed piece on one line of the listing: line breaks inside it (a title, a header cell) become spaces. */
const oneLine = (text: string) => text.replace(/\s*\n\s*/g, ' ');

function cellName(template: Template, tableId: string, rowId: string, colId: string, locale: Locale): string {
  const v = cellPlaceVars(template, tableId, rowId, colId, locale);
  return `${v.table} · ${v.row} · ${v.col}`;
}
