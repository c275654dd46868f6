import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  checkReport,
  countBySeverity,
  createReport,
  describeLoadError,
  orderedTemplates,
  templateForYear,
  parseReport,
  TemplateError,
  unitTypeSchema,
  type Locale,
  type Report,
  type Template,
} from '../../src-core/index.js';
import type { Exporter } from '../export/Exporter.js';
import { InputFileError, readInputText, type DecodedText } from '../services/readInputFile.js';
import { loadTemplateLibrary } from '../services/TemplateLibrary.js';
import { cliText, type CliTextKey } from './cliText.js';
import type { LastYearOutcome } from './lastYearCommands.js';

/** Exit codes: 0 fine, 1 the report has errors, 2 the input could not be used. */
class UsageError extends Error {}

interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
}

const OPTIONS = {
  lang: { type: 'string' },
  json: { type: 'boolean' },
  template: { type: 'string' },
  year: { type: 'string' },
  org: { type: 'string' },
  'unit-type': { type: 'string' },
  rulemaking: { type: 'boolean' },
  output: { type: 'string', short: 'o' },
  docx: { type: 'string' },
  pdf: { type: 'string' },
  html: { type: 'string' },
  xlsx: { type: 'string' },
  pdfa: { type: 'boolean' },
  draft: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  from: { type: 'string' },
  prev: { type: 'string' },
} as const;

function localeFrom(argv: readonly string[]): Locale {
  const i = argv.indexOf('--lang');
  const value = i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith('--lang='))?.slice(7);
  return value === 'en' ? 'en' : 'zh-CN';
}

export async function runCli(argv: readonly string[], io: Io, now: Date = new Date()): Promise<number> {
  const locale = localeFrom(argv);
  const t = (key: CliTextKey, values?: Record<string, string | number>): string => cliText(key, locale, values);
  let pdfExporter: Exporter | undefined;
  try {
    let parsed;
    try {
      parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
    } catch (error) {
      throw new UsageError(t('badArgs', { detail: error instanceof Error ? error.message : String(error) }));
    }
    const { values, positionals } = parsed;
    const [command, ...rest] = positionals;
    if (values.help || command === undefined || command === 'help') {
      io.out(t('usage'));
      return command === undefined && !values.help ? 2 : 0;
    }
    // An export that writes a PDF starts reading its fonts before anything else: they load while the templates are read.
    pdfExporter = command === 'export' && rest.length > 0 && writesPdf(values) ? await exporterReadingFonts() : undefined;
    const templates = loadTemplateLibrary();
    switch (command) {
      case 'templates':
        for (const tpl of orderedTemplates(templates.values())) {
          const years = `${tpl.years.from}–${tpl.years.to ?? ''}`;
          io.out(`${tpl.id}\t${tpl.name[locale]}\t${years}${tpl.default ? (locale === 'en' ? '\t(default)' : '\t（默认）') : ''}`);
        }
        return 0;
      case 'new':
        if (values.from !== undefined) return lastYearOutcome(await (await import('./lastYearCommands.js')).newFromLastYear(values.from, requireOutput(values, t), values.year === undefined ? undefined : parseYear(values.year, t), templates, locale, now), io);
        return newReport(values, templates, io, t, now);
      case 'validate': {
        if (rest.length === 0) throw new UsageError(t('badArgs', { detail: t('noFiles') }));
        const prev = values.prev === undefined ? undefined : await (await import('./lastYearCommands.js')).linkForCheck(values.prev, templates, locale, now);
        if (prev && !prev.ok) throw new UsageError(prev.message);
        return await validate(rest, values.json === true, templates, io, locale, t, prev?.link);
      }
      case 'compare':
        if (rest.length !== 2) throw new UsageError(t('badArgs', { detail: locale === 'en' ? 'give last year\'s report and this year\'s' : '请给出上年报告和本年报告两个文件' }));
        return lastYearOutcome(await (await import('./lastYearCommands.js')).compareReports(rest[0]!, rest[1]!, values.html, templates, locale, now, io), io);
      case 'export':
        if (rest.length === 0 || (rest.length > 1 && (values.docx ?? values.pdf ?? values.html) !== undefined)) throw new UsageError(t('badArgs', { detail: t('oneFile') }));
        return await exportFiles(rest, values, templates, io, locale, t, pdfExporter);
      case 'import': {
        if (rest.length !== 1) throw new UsageError(t('badArgs', { detail: t('oneImportFile') }));
        if (!values.output) throw new UsageError(t('badArgs', { detail: t('missingOption', { option: '-o' }) }));
        // Each command loads only what it uses: start-up is most of a short command's time.
        const { importCommand } = await import('./importCommand.js');
        const imported = await importCommand(rest[0]!, values.output, { ...(values.template ? { templateId: values.template } : {}), json: values.json === true, locale }, templates, io);
        if (!imported.ok) throw new UsageError(imported.message);
        return 0;
      }
      case 'review':
        if (rest.length === 0) throw new UsageError(t('badArgs', { detail: t('noReviewInputs') }));
        return await (await import('./reviewCommand.js')).reviewCommand(rest, { ...(values.html ? { html: values.html } : {}), ...(values.xlsx ? { xlsx: values.xlsx } : {}), json: values.json === true, locale }, templates, io);
      default:
        throw new UsageError(t('unknownCommand', { command }));
    }
  } catch (error) {
    if (error instanceof UsageError) io.err(`drs: ${error.message}`);
    else if (error instanceof TemplateError) io.err(`drs: ${t('brokenTemplate', { detail: error.message })}`);
    else io.err(`drs: ${t('internal', { detail: error instanceof Error ? error.message : String(error) })}`);
    return 2;
  } finally {
    // The installed-font scan started for a PDF is not waited for once the command is done.
    pdfExporter?.fonts.stopBackgroundWork();
  }
}

type Values = { [K in keyof typeof OPTIONS]?: (typeof OPTIONS)[K]['type'] extends 'string' ? string : boolean };
type Translate = (key: CliTextKey, values?: Record<string, string | number>) => string;

function lastYearOutcome(outcome: LastYearOutcome, io: Io): number {
  if (!outcome.ok) throw new UsageError(outcome.message);
  for (const line of outcome.lines) io.out(line);
  return 0;
}

function requireOutput(values: Values, t: Translate): string {
  if (!values.output) throw new UsageError(t('badArgs', { detail: t('missingOption', { option: '-o' }) }));
  return values.output;
}

function parseYear(value: string, t: Translate): number {
  const year = Number(value);
  if (!/^\d{4}$/.test(value) || year < 2008 || year > 2100) throw new UsageError(t('badArgs', { detail: t('badYear', { value }) }));
  return year;
}

function pickTemplate(templates: ReadonlyMap<string, Template>, id: string | undefined, year: number, t: Translate): Template {
  if (id !== undefined) {
    const template = templates.get(id);
    if (!template) throw new UsageError(t('unknownTemplate', { id, known: [...templates.keys()].join(', ') }));
    return template;
  }
  const fits = templateForYear(templates.values(), year);
  if (!fits) throw new UsageError(t('noTemplateForYear', { year }));
  return fits;
}

function newReport(values: Values, templates: ReadonlyMap<string, Template>, io: Io, t: Translate, now: Date): number {
  if (!values.org?.trim()) throw new UsageError(t('badArgs', { detail: t('missingOption', { option: '--org' }) }));
  if (!values.output) throw new UsageError(t('badArgs', { detail: t('missingOption', { option: '-o' }) }));
  const year = values.year === undefined ? now.getFullYear() - 1 : Number(values.year);
  if (!/^\d{4}$/.test(String(year)) || year < 2008 || year > 2100) throw new UsageError(t('badArgs', { detail: t('badYear', { value: values.year ?? '' }) }));
  const unitType = unitTypeSchema.safeParse(values['unit-type'] ?? 'department');
  if (!unitType.success) throw new UsageError(t('badArgs', { detail: t('badUnitType') }));
  const template = pickTemplate(templates, values.template, year, t);
  const report = createReport(template, { orgName: values.org.trim(), year, unitType: unitType.data, hasRulemakingPower: values.rulemaking === true }, now);
  try {
    // 'wx': a new report never replaces an existing file.
    writeFileSync(values.output, `${JSON.stringify(report, null, 1)}\n`, { encoding: 'utf8', flag: 'wx' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new UsageError(t('fileExists', { file: values.output }));
    throw new UsageError(t('cannotWrite', { file: values.output, reason: code ?? String(error) }));
  }
  io.out(t('created', { file: values.output, template: template.id, year }));
  return 0;
}

async function readReport(file: string, templates: ReadonlyMap<string, Template>, io: Io, locale: Locale, t: Translate) {
  const decoded = await readInputText(file, 'report').catch((error: unknown) => {
    throw new UsageError(error instanceof InputFileError ? error.reason[locale] : String(error));
  });
  const result = parseReport(decoded.text, templates);
  if (!result.ok) throw new UsageError(t('loadFailed', { file, reason: describeLoadError(result.error, locale) }));
  if (decoded.note) io.out(`  ${t('note')} ${decoded.note[locale]}`);
  return result;
}

/** A PDF is written unless only other formats are named. */
function writesPdf(values: Values): boolean {
  return values.pdf !== undefined || (values.docx === undefined && values.html === undefined);
}

/** The exporter, its font files already being read and parsed in the background (FontResolver.prepareForPdf). */
async function exporterReadingFonts(): Promise<Exporter> {
  const { Exporter } = await import('../export/Exporter.js');
  const exporter = new Exporter();
  exporter.fonts.prepareForPdf();
  return exporter;
}

/** Several reports in one process share one font load; one that fails does not stop the others. */
async function exportFiles(files: readonly string[], values: Values, templates: ReadonlyMap<string, Template>, io: Io, locale: Locale, t: Translate, pdfExporter?: Exporter): Promise<number> {
  const exporter = pdfExporter ?? new (await import('../export/Exporter.js')).Exporter();
  let exit = 0;
  for (const file of files) {
    try {
      exit = Math.max(exit, await exportFile(file, exporter, values, templates, io, locale, t));
    } catch (error) {
      if (!(error instanceof UsageError) || files.length === 1) throw error;
      io.err(`drs: ${error.message}`);
      exit = 2;
    }
  }
  return exit;
}

async function exportFile(file: string, exporter: Exporter, values: Values, templates: ReadonlyMap<string, Template>, io: Io, locale: Locale, t: Translate): Promise<number> {
  const { report, template } = await readReport(file, templates, io, locale, t);
  const { defaultExportName } = await import('../export/Exporter.js');
  const both = values.docx === undefined && values.pdf === undefined && values.html === undefined;
  const folder = dirname(resolve(file));
  const docxPath = values.docx ?? (both ? join(folder, defaultExportName(template, report, 'docx')) : undefined);
  const pdfPath = values.pdf ?? (both ? join(folder, defaultExportName(template, report, 'pdf')) : undefined);
  const paths = { ...(docxPath ? { docxPath } : {}), ...(pdfPath ? { pdfPath } : {}), ...(values.html ? { htmlPath: values.html } : {}) };
  const result = await exporter.exportReport({ report, template, draft: values.draft === true, pdfArchival: values.pdfa === true, locale, ...paths });
  if (result.status === 'blocked') {
    for (const f of result.errors) io.err(`  ${t('error')} [${f.ruleId}] ${f.message}`);
    io.err(t('exportBlocked', { errors: result.errors.length }));
    return 1;
  }
  if (result.status === 'failed') throw new UsageError(result.reason[locale]);
  for (const f of [...result.errors, ...result.warnings]) io.out(`  ${t(f.severity)} [${f.ruleId}] ${f.message}`);
  for (const note of result.notes) io.out(`  ${t('note')} ${note[locale]}`);
  for (const f of result.files) io.out(t(result.draft ? 'exportedDraft' : 'exported', { file: f.path }));
  return 0;
}

async function validate(files: readonly string[], json: boolean, templates: ReadonlyMap<string, Template>, io: Io, locale: Locale, t: Translate, linkPrevious?: (report: Report) => Report): Promise<number> {
  let exit = 0;
  const allFindings: object[] = [];
  const loadErrors: object[] = [];
  const failed = (entry: { file: string; code: string; path?: string | null; message: string }) => {
    loadErrors.push(entry);
    if (!json) io.err(`drs: ${entry.message}`);
    exit = 2;
  };
  for (const file of files) {
    try {
      let decoded: DecodedText;
      try {
        decoded = await readInputText(file, 'report');
      } catch (error) {
        if (!(error instanceof InputFileError)) throw error;
        failed({ file, code: error.refusal, message: error.reason[locale] });
        continue;
      }
      const result = parseReport(decoded.text, templates);
      if (!result.ok) {
        failed({ file, code: result.error.code, path: result.error.path ?? null, message: t('loadFailed', { file, reason: describeLoadError(result.error, locale) }) });
        continue;
      }
      const findings = checkReport(result.template, linkPrevious ? linkPrevious(result.report) : result.report, { locale, templates });
      const { errors, warnings } = countBySeverity(findings);
      if (errors > 0 && exit === 0) exit = 1;
      if (json) {
        for (const f of findings) allFindings.push(files.length > 1 ? { file, ...f } : f);
        continue;
      }
      if (decoded.note) io.out(`  ${t('note')} ${decoded.note[locale]}`);
      for (const f of findings) io.out(`  ${t(f.severity)} [${f.ruleId}] ${f.message}`);
      io.out(errors === 0 ? t('fileOk', { file, warnings }) : t('fileBad', { file, errors, warnings }));
    } catch (error) {
      failed({ file, code: 'internal', message: `${file}: ${t('internal', { detail: error instanceof Error ? error.message : String(error) })}` });
    }
  }
  if (json) io.out(JSON.stringify(loadErrors.length > 0 ? { findings: allFindings, loadErrors } : { findings: allFindings }, null, 1));
  return exit;
}
