import { readFileSync } from 'node:fs';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { sample } from '../helpers.js';
import { exportBoth } from './exportHelpers.js';

/** The line width of every stroked path on each page, following save/restore as a PDF reader does. */
async function strokeWidths(file: string): Promise<number[][]> {
  const doc = await getDocument({ data: new Uint8Array(readFileSync(file)), isEvalSupported: false, disableFontFace: true, useSystemFonts: false }).promise;
  const pages: number[][] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const { fnArray, argsArray } = await (await doc.getPage(p)).getOperatorList();
    const stack: number[] = [];
    let width = 1;
    const widths: number[] = [];
    fnArray.forEach((fn, i) => {
      if (fn === OPS.save) stack.push(width);
      else if (fn === OPS.restore) width = stack.pop() ?? 1;
      else if (fn === OPS.setLineWidth) width = (argsArray[i] as number[])[0]!;
      else if (fn === OPS.stroke || (fn === OPS.constructPath && (argsArray[i] as unknown[])[0] === OPS.stroke)) widths.push(width);
    });
    pages.push(widths);
  }
  await doc.destroy();
  return pages;
}

describe('table borders in the PDF', () => {
  it('are 0.5 pt on every page a table runs over, not only the page it starts on', async () => {
    const report = sample('gov-2021');
    const { pdfPath } = await exportBoth(report, { name: 'borders' });
    const pages = await strokeWidths(pdfPath);
    const withTables = pages.filter((widths) => widths.length > 20);
    expect(withTables.length).toBeGreaterThan(2);
    for (const widths of withTables) expect(new Set(widths)).toEqual(new Set([0.5]));
  }, 60_000);
});
