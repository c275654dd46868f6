import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDocumentModel, cellText, type DocTable } from '../../src-core/index.js';
import { CHROMIUM, CHROMIUM_ARGS } from '../harness/rendererHarness.js';
import { ROOT, sample, template } from '../helpers.js';
import { ARTIFACTS, exporter } from './exportHelpers.js';
import { pdfInfo } from './readers.js';

/** axe-core's browser build, injected when the project has it; else the structural checks below stand alone. */
const AXE = join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');
const now = new Date('2026-01-20T09:00:00+08:00');

let browser: Browser;
let page: Page;
let html: string;
const requested: string[] = [];
const report = sample('gov-2021');
const model = buildDocumentModel(template('gov-2021'), report, { draft: false, now });
const docTables = model.blocks.flatMap((b) => (b.kind === 'table' ? [b.table] : []));

interface DomCell {
  tag: string;
  text: string;
  rowspan: number;
  colspan: number;
  scope: string | null;
}

describe.skipIf(!existsSync(CHROMIUM))('the HTML export in Chromium', () => {
  beforeAll(async () => {
    const htmlPath = join(mkdtempSync(join(tmpdir(), 'drs-html-')), 'report.html');
    const result = await exporter.exportReport({ report, template: template('gov-2021'), htmlPath, draft: false, now });
    expect(result.status).toBe('exported');
    html = readFileSync(htmlPath, 'utf8');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
    page = await browser.newPage({ viewport: { width: 900, height: 1200 } });
    // Nothing may leave the machine: every request is recorded and refused.
    await page.route('**/*', (route) => {
      requested.push(route.request().url());
      return route.abort();
    });
    await page.setContent(html, { waitUntil: 'load' });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('loads with no network request, no script and no external address', async () => {
    expect(requested).toEqual([]);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/url\(/i);
    const linked = await page.$$eval('[src], [href]', (els) => els.map((e) => e.getAttribute('src') ?? e.getAttribute('href')));
    expect(linked).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, 'html-gov-2021.png'), fullPage: true });
  });

  it('is in Chinese, with one h1 and headings in order without a skipped level', async () => {
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    const levels = await page.$$eval('h1, h2, h3, h4, h5, h6', (hs) => hs.map((h) => Number(h.tagName[1])));
    expect(levels.filter((l) => l === 1)).toHaveLength(1);
    expect(levels[0]).toBe(1);
    levels.slice(1).forEach((level, i) => expect(level, `heading ${i + 1}`).toBeLessThanOrEqual(levels[i]! + 1));
    const headings = await page.$$eval('h2', (hs) => hs.map((h) => h.textContent));
    for (const section of template('gov-2021').sections) if (section.heading) expect(headings).toContain(section.heading);
  });

  it('prints every table as the DOCX and PDF lay it out: caption, th with scope, the same merges, every label and value', async () => {
    const tables = await page.$$eval('table.stats', (ts) =>
      ts.map((t) => ({
        id: t.id,
        caption: t.querySelector('caption')?.textContent ?? null,
        rows: [...t.querySelectorAll('tr')].map((tr) =>
          [...tr.querySelectorAll('th, td')].map((c) => ({ tag: c.tagName.toLowerCase(), text: c.textContent ?? '', rowspan: (c as HTMLTableCellElement).rowSpan, colspan: (c as HTMLTableCellElement).colSpan, scope: c.getAttribute('scope') })),
        ),
      })),
    );
    expect(tables.map((t) => t.id)).toEqual(docTables.map((t) => t.id));
    tables.forEach((dom, i) => {
      const table: DocTable = docTables[i]!;
      expect(dom.caption).toBe(table.title);
      const expected = table.rows.map((row) => row.cells.map((c) => ({ text: c.text, rowspan: c.rowspan, colspan: c.colspan, heading: c.heading })));
      expect(dom.rows.map((row) => row.map((c: DomCell) => ({ text: c.text, rowspan: c.rowspan, colspan: c.colspan })))).toEqual(expected.map((row) => row.map(({ heading: _, ...c }) => c)));
      dom.rows.forEach((row, r) =>
        row.forEach((c: DomCell, k) => {
          const heading = expected[r]![k]!.heading;
          expect(c.tag, `${table.id} ${r}:${k} ${c.text}`).toBe(heading ? 'th' : 'td');
          if (heading) expect(c.scope, `${table.id} ${c.text}`).toMatch(heading === 'col' ? /^col(group)?$/ : /^row(group)?$/);
        }),
      );
    });
    // Every value of the requests table, beside its label, as the report holds it.
    const apply = template('gov-2021').tableModels.get('gov-2021.apply')!;
    const rows = tables.find((t) => t.id === 'gov-2021.apply')!.rows.map((row) => row.map((c: DomCell) => c.text));
    for (const line of apply.lines) {
      const row = rows.find((cells) => cells.includes(line.row.label!));
      expect(row, line.row.label).toBeDefined();
      expect(row!.slice(-line.block.columns.length)).toEqual(line.block.columns.map((c) => cellText(apply, line.row.id, c.id, report)));
    }
  });

  it('has no serious accessibility violation (axe-core when installed, else the structural checks)', async () => {
    if (existsSync(AXE)) {
      // The page's own policy forbids every script; the scanner gets a copy of the page where it may run.
      const scanned = await browser.newPage({ bypassCSP: true });
      await scanned.route('**/*', (route) => route.abort());
      await scanned.setContent(html, { waitUntil: 'load' });
      await scanned.addScriptTag({ content: readFileSync(AXE, 'utf8') });
      const violations = await scanned.evaluate(async () => {
        const result = await (window as unknown as { axe: { run: () => Promise<{ violations: { id: string; impact: string }[] }> } }).axe.run();
        return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
      });
      await scanned.close();
      expect(violations).toEqual([]);
    }
    // Every data cell has a heading: a th in its row, or the table's column headings.
    const orphans = await page.$$eval('table.stats td', (tds) =>
      tds.filter((td) => td.textContent !== '' && !td.parentElement!.querySelector('th') && !td.closest('table')!.querySelector('thead th, th[scope^="col"]')).length,
    );
    expect(orphans).toBe(0);
    expect(await page.$$eval('table', (ts) => ts.filter((t) => !t.querySelector('caption')).length)).toBe(0);
    expect(await page.$$eval('th', (ths) => ths.filter((th) => !th.getAttribute('scope')).length)).toBe(0);
  });

  it('prints on A4 with no table row split across pages', async () => {
    await page.emulateMedia({ media: 'print' });
    const rowBreak = await page.$eval('table.stats tr', (tr) => getComputedStyle(tr).breakInside);
    expect(rowBreak).toBe('avoid');
    const pdf = join(ARTIFACTS, 'html-gov-2021-print.pdf');
    writeFileSync(pdf, await page.pdf({ format: 'A4', preferCSSPageSize: true }));
    expect(pdfInfo(pdf)['Page size']).toMatch(/\(A4\)$/);
    expect(Number(pdfInfo(pdf).Pages)).toBeGreaterThan(3);
  });
});
