import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { cellText, type Report } from '../../src-core/index.js';
import { sample, template } from '../helpers.js';
import { exportBoth } from './exportHelpers.js';
import { docxPart, docxParts, libreOfficeConvert, pdfInfo } from './readers.js';

let report: Report;
let docxPath: string;
let xml: string;
let text: string[];

beforeAll(async () => {
  report = sample('gov-2021');
  const exported = await exportBoth(report);
  expect(exported.result.status).toBe('exported');
  docxPath = exported.docxPath;
  xml = docxPart(docxPath, 'word/document.xml');
  text = readFileSync(libreOfficeConvert(docxPath, 'txt'), 'utf8').split('\n').map((l) => l.trim().replace(/^\uFEFF/, ''));
}, 180_000);

interface Merge {
  text: string;
  row: number;
  col: number;
  rowspan: number;
  colspan: number;
}

/** Reads a Word table's merged cells from its XML: gridSpan across, vMerge restart/continue down. */
function mergesOf(tableXml: string): Merge[] {
  const merges: Merge[] = [];
  const open = new Map<number, Merge>();
  [...tableXml.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].forEach(([row], r) => {
    let col = 0;
    for (const [cell] of row.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)) {
      const colspan = Number(/<w:gridSpan w:val="(\d+)"/.exec(cell)?.[1] ?? 1);
      const vMerge = /<w:vMerge(?: w:val="(\w+)")?\/>/.exec(cell);
      const cellText = [...cell.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
      if (vMerge && vMerge[1] !== 'restart') {
        const above = open.get(col);
        if (above) above.rowspan++;
      } else {
        const merge = { text: cellText, row: r, col, rowspan: 1, colspan };
        merges.push(merge);
        open.set(col, merge);
      }
      col += colspan;
    }
  });
  return merges;
}

/**
 * Where a cell's text ends in LibreOffice's plain text, one paragraph a line: a label broken inside
 * its cell spans several lines, which are joined (whitespace dropped) until they spell it. The index
 * of the line after it, or -1.
 */
function lineAfter(lines: string[], label: string): number {
  const want = label.replace(/\s+/g, '');
  for (let start = 0; start < lines.length; start++) {
    let joined = '';
    for (let end = start; end < lines.length && want.startsWith(joined) && joined.length < want.length; end++) {
      joined += lines[end]!.replace(/\s+/g, '');
      if (joined === want) return end + 1;
    }
  }
  return -1;
}

const tables = () => [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0]);

describe('the DOCX export of the gov-2021 sample', () => {
  it('opens in LibreOffice, whose text holds every heading, every label and every row’s numbers', () => {
    const joined = text.join('');
    for (const section of template('gov-2021').sections) if (section.heading) expect(joined).toContain(section.heading);
    const model = template('gov-2021').tableModels.get('gov-2021.apply')!;
    for (const line of model.lines) {
      const after = lineAfter(text, line.row.label!);
      expect(after, line.row.label).toBeGreaterThan(0);
      const expected = line.block.columns.map((c) => cellText(model, line.row.id, c.id, report));
      expect(text.slice(after, after + expected.length), line.row.label).toEqual(expected);
    }
    expect(text).toContain('2026年1月20日');
  });

  it('merges the header and label cells of the requests and review tables exactly as the spec gives them', () => {
    const [, apply, review] = tables();
    const applyMerges = mergesOf(apply!);
    for (const h of template('gov-2021').tableModels.get('gov-2021.apply')!.def.blocks[0]!.header) {
      expect(applyMerges, h.text).toContainEqual({ text: h.text, row: h.row, col: h.col, rowspan: h.rowspan, colspan: h.colspan });
    }
    const spans = Object.fromEntries(applyMerges.filter((m) => m.rowspan > 1 && m.row >= 3).map((m) => [m.text, m.rowspan]));
    expect(spans).toEqual({ '三、本年度办理结果': 22, '（三）不予公开': 8, '（四）无法提供': 3, '（五）不予处理': 5, '（六）其他处理': 3 });
    const reviewMerges = mergesOf(review!);
    for (const h of template('gov-2021').tableModels.get('gov-2021.review')!.def.blocks[0]!.header) {
      expect(reviewMerges, h.text).toContainEqual({ text: h.text, row: h.row, col: h.col, rowspan: h.rowspan, colspan: h.colspan });
    }
  });

  it('repeats the header rows and never splits a row across pages', () => {
    const [, apply] = tables();
    const rows = [...apply!.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((m) => m[0]);
    expect(rows.map((r) => r.includes('<w:tblHeader/>'))).toEqual(rows.map((_, i) => i < 3));
    for (const row of rows) expect(row).toContain('<w:cantSplit/>');
  });

  it('names the Chinese fonts for East-Asian text and Times New Roman for digits, and embeds none', () => {
    const styles = docxPart(docxPath, 'word/styles.xml');
    for (const font of ['仿宋_GB2312', '黑体', '楷体_GB2312', '方正小标宋简体', '宋体']) expect(styles).toContain(`w:eastAsia="${font}"`);
    expect(styles).toContain('w:ascii="Times New Roman"');
    expect(styles).toContain('w:eastAsia="zh-CN"');
    expect(docxPart(docxPath, 'word/fontTable.xml')).toContain('<w:charset w:val="86"/>');
    expect(docxParts(docxPath).some((p) => p.startsWith('word/fonts/'))).toBe(false);
    expect(docxPart(docxPath, 'word/settings.xml')).not.toContain('embedTrueTypeFonts');
  });

  it('is A4 with the GB/T 9704 margins and carries the report’s properties', () => {
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toMatch(/<w:pgMar w:top="2098" w:right="1349" w:bottom="1984" w:left="1587"/);
    const core = docxPart(docxPath, 'docProps/core.xml');
    expect(core).toContain('<dc:title>青川县公安局2025年政府信息公开工作年度报告</dc:title>');
    expect(core).toContain('<dc:creator>青川县公安局</dc:creator>');
    const pdf = libreOfficeConvert(docxPath, 'pdf');
    expect(pdfInfo(pdf)['Page size']).toMatch(/^595\.\d+ x 841\.\d+/);
  });
});
