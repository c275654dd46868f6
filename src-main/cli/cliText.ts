import { localize, type Locale } from '../../src-core/index.js';

/** Every line the command line prints, in both languages. */
const TEXT = {
  usage: {
    'zh-CN': `用法：
  drs templates                          列出可用的报告格式
  drs new [--template ID] [--year YYYY] --org 机关全称 [--unit-type people_government|department|other] [--rulemaking] -o 文件.drs
                                         新建报告（填入标准表述）
  drs new --from 上年报告 -o 文件.drs [--year YYYY]
                                         从上年报告开始：带入机关信息、上年结转数字和标准表述，关联上年报告（上年的文字不复制）
  drs validate 文件.drs… [--json] [--prev 上年报告]
                                         检查报告；无错误退出码 0，有错误 1，文件无法读取 2；--prev 按上年报告做跨年度检查
  drs compare 上年报告 本年报告 [--html 输出.html]
                                         逐格列出与上年相比的变化和与上年雷同的段落（--html 写成网页）
  drs export 文件.drs… [--docx 输出.docx] [--pdf 输出.pdf] [--html 输出.html] [--pdfa] [--draft]
                                         导出 Word / PDF / 网页（不指定时导出 Word 和 PDF 到报告所在文件夹；可一次导出多份）；
                                         --html 另写出仅含正文的“输出.body.html”供网站编辑器粘贴；--pdfa 写 PDF/A-2b 存档格式；
                                         有错误的报告只能加 --draft 导出为草稿
  drs import 文件 -o 输出.drs [--template ID] [--json]
                                         导入已有报告（Word .docx/.doc/.wps、网页 .html、PDF、文本 .txt/.md），
                                         列出每一部分和每个数的来源，以及未能放置的内容；写出报告时退出码 0，文件无法作为报告读取时 2
  drs review 文件或文件夹… [--html 输出.html] [--xlsx 输出.xlsx] [--json]
                                         审查已发布的报告（文件夹只读其中一层的文件，隐藏文件除外，至多 500 个）：
                                         列出每份报告的机关、年度、成文日期和问题；--html 写出可转发、可打印的审查意见，
                                         --xlsx 写出 Excel 工作簿；无错误退出码 0，有报告有错误 1，有文件无法读取 2
选项：--lang zh-CN|en 输出语言（默认中文）`,
    en: `Usage:
  drs templates                          list the report formats
  drs new [--template ID] [--year YYYY] --org NAME [--unit-type people_government|department|other] [--rulemaking] -o FILE.drs
                                         create a report with the standard wording
  drs new --from LAST -o FILE.drs [--year YYYY]
                                         start from last year's report: the body's facts, carried-over figures and standard
                                         wording, last year's report linked (last year's text is not copied)
  drs validate FILE.drs… [--json] [--prev LAST]
                                         check reports; exit 0 without errors, 1 with errors, 2 if a file cannot be read;
                                         --prev runs the year-over-year checks against last year's report
  drs compare LAST THIS [--html OUT.html]
                                         every figure beside last year's with the change, and the paragraphs repeating last year's
  drs export FILE.drs… [--docx OUT.docx] [--pdf OUT.pdf] [--html OUT.html] [--pdfa] [--draft]
                                         export Word / PDF / web page (Word and PDF next to each report when none is named; several reports at once);
                                         --html also writes OUT.body.html, the body alone for a website's editor; --pdfa writes PDF/A-2b;
                                         a report with errors exports only as a draft (--draft)
  drs import FILE -o OUT.drs [--template ID] [--json]
                                         import an existing report (Word .docx/.doc/.wps, web page .html, PDF, text .txt/.md),
                                         listing where each part and number came from and what could not be placed;
                                         exit 0 when a report was written, 2 when the file cannot be read as a report
  drs review FILES_OR_FOLDERS… [--html OUT.html] [--xlsx OUT.xlsx] [--json]
                                         review published reports (a folder's own files, not its subfolders, hidden
                                         files skipped, 500 at most): body, year, date of signature and findings of each;
                                         --html writes a review to forward or print, --xlsx an Excel workbook;
                                         exit 0 without errors, 1 when a report has errors, 2 when a file cannot be read
Option: --lang zh-CN|en output language (default Chinese)`,
  },
  unknownCommand: { 'zh-CN': '未知命令“{command}”。运行 drs --help 查看用法。', en: 'Unknown command "{command}". Run drs --help for usage.' },
  badArgs: { 'zh-CN': '参数有误：{detail}。运行 drs --help 查看用法。', en: 'Wrong arguments: {detail}. Run drs --help for usage.' },
  missingOption: { 'zh-CN': '缺少 {option}', en: '{option} is missing' },
  noReviewInputs: { 'zh-CN': '请指定要审查的报告文件或文件夹', en: 'name the report files or folders to review' },
  noFiles: { 'zh-CN': '请指定要检查的 .drs 文件', en: 'name the .drs file(s) to check' },
  badYear: { 'zh-CN': '年度应为 2008 至 2100 之间的四位数字，当前为“{value}”', en: 'the year must be a four-digit year from 2008 to 2100, not "{value}"' },
  badUnitType: { 'zh-CN': '单位类型应为 people_government、department 或 other', en: 'the unit type must be people_government, department or other' },
  unknownTemplate: { 'zh-CN': '未知的报告格式“{id}”（可用：{known}）', en: 'unknown format "{id}" (known: {known})' },
  noTemplateForYear: { 'zh-CN': '没有适用于 {year} 年的报告格式，请用 --template 指定', en: 'no format fits the year {year}; choose one with --template' },
  fileExists: { 'zh-CN': '文件“{file}”已存在，未覆盖。请换一个文件名。', en: 'The file "{file}" exists and was not overwritten. Choose another name.' },
  cannotWrite: { 'zh-CN': '无法写入“{file}”：{reason}', en: 'Cannot write "{file}": {reason}' },
  created: { 'zh-CN': '已新建报告：{file}（格式 {template}，{year} 年度）', en: 'Created the report {file} (format {template}, year {year})' },
  fileOk: { 'zh-CN': '{file}：没有错误，{warnings} 个警告', en: '{file}: no errors, {warnings} warning(s)' },
  fileBad: { 'zh-CN': '{file}：{errors} 个错误，{warnings} 个警告', en: '{file}: {errors} error(s), {warnings} warning(s)' },
  loadFailed: { 'zh-CN': '{file}：无法作为报告打开。{reason}', en: '{file}: cannot be opened as a report. {reason}' },
  oneImportFile: { 'zh-CN': '请指定一个要导入的文件', en: 'name one file to import' },
  oneFile: { 'zh-CN': '请指定要导出的 .drs 文件；指定 --docx、--pdf 或 --html 输出文件时只能导出一份', en: 'name the .drs files to export; with --docx, --pdf or --html output files, name one' },
  exportBlocked: { 'zh-CN': '报告有 {errors} 个错误，未导出。请改正后再导出，或加 --draft 导出为草稿。', en: 'The report has {errors} error(s) and was not exported. Fix them, or export a draft with --draft.' },
  exported: { 'zh-CN': '已导出：{file}', en: 'Exported: {file}' },
  exportedDraft: { 'zh-CN': '已导出草稿：{file}', en: 'Exported as a draft: {file}' },
  note: { 'zh-CN': '说明', en: 'note' },
  error: { 'zh-CN': '错误', en: 'error' },
  warning: { 'zh-CN': '警告', en: 'warning' },
  brokenTemplate: { 'zh-CN': '报告格式文件有误：{detail}', en: 'A format file is broken: {detail}' },
  internal: { 'zh-CN': '程序内部错误：{detail}（报告文件未被修改）', en: 'Internal error: {detail} (no report file was changed)' },
} as const;

export type CliTextKey = keyof typeof TEXT;

export function cliText(key: CliTextKey, locale: Locale, values: Record<string, string | number> = {}): string {
  return localize(TEXT[key], locale, values);
}
