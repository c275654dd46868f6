import type { Localized } from '../i18n/locale.js';
import { parseCellInput } from '../report/cellInput.js';
import { NOT_APPLICABLE, type CellValue } from '../report/cellValue.js';
import type { DataCell } from '../template/tableModel.js';

/** A number as printed in a table: "1,234", "７", "0.35", "22（其中修订16件）", or a marker. */
const NUMBER = String.raw`[-+]?[0-9０-９][0-9０-９,，]*(?:[.．][0-9０-９]+)?`;
const MARKER = String.raw`[/／—–－-]|不适用`;
const VALUE_TOKEN = new RegExp(`^(?:${NUMBER}|${MARKER})(?:[（(][^（）()]*[)）])?$`);
const DASH_MARKERS = new Set(['—', '–', '－', '-', '不适用']);

/** Whether a cell's text is a table value (a number or a not-applicable marker, with an optional note). */
export function isValueToken(text: string): boolean {
  return VALUE_TOKEN.test(text.trim());
}

export type SourceValue =
  | { ok: true; value: CellValue; note?: string }
  | { ok: false; problem: Localized };

/**
 * Reads one printed table cell into the value the report stores. Blank stays null (never 0);
 * "/" is kept where the format allows not-applicable; a dash or 不适用 elsewhere stays blank with a note.
 */
export function parseSourceValue(text: string, cell: Pick<DataCell, 'valueType' | 'notApplicable'>): SourceValue {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, value: null, note: '原表此格空白' };
  const noted = /^(.*?)[（(]([^（）()]*)[)）]$/.exec(trimmed);
  const body = (noted ? noted[1]! : trimmed).trim();
  const note = noted ? noted[2]!.trim() : undefined;
  const withNote = (value: CellValue, extra?: string): SourceValue => {
    const text = [note, extra].filter((n) => n !== undefined && n !== '').join('；');
    return text === '' ? { ok: true, value } : { ok: true, value, note: text };
  };
  if (DASH_MARKERS.has(body) || body === '/' || body === '／') {
    if (cell.notApplicable) return withNote(NOT_APPLICABLE, body === '/' || body === '／' ? undefined : `原表印“${body}”，按不适用“/”读取`);
    return withNote(null, `原表印“${body}”，此格不能填“/”，留空待填`);
  }
  const parsed = parseCellInput(body, cell);
  return parsed.ok ? withNote(parsed.value) : { ok: false, problem: parsed.problem };
}
