import { describe, expect, it } from 'vitest';
import { buildDocumentModel, paginate, PAGE, type DocBlock, type DocumentModel } from '../../src-core/index.js';
import { sample, template } from '../helpers.js';

const now = new Date('2026-01-20T09:00:00+08:00');
const model = (id: string): DocumentModel => {
  const report = sample(id);
  return buildDocumentModel(template(report.templateId), report, { draft: false, now });
};
const line = (text = '一行。'): DocBlock => ({ kind: 'paragraph', runs: [{ text }] });

/** The sample's blocks with `extra` one-line paragraphs before its first table, so the table starts lower each time. */
function shifted(base: DocumentModel, extra: number): DocumentModel {
  const at = base.blocks.findIndex((b) => b.kind === 'table');
  return { ...base, blocks: [...base.blocks.slice(0, at - 1), ...Array.from({ length: extra }, () => line()), ...base.blocks.slice(at - 1)] };
}

function checkRules(doc: DocumentModel): void {
  const pages = paginate(doc);
  doc.blocks.forEach((block, i) => {
    const place = pages.blocks[i]!;
    if (block.kind === 'table') {
      // Every keep-together group (header + two rows, caption + its header + two rows) is on one page.
      for (const [first, size] of block.table.keepTogether) {
        const onPages = new Set(Array.from({ length: size }, (_, k) => place.table!.rows[first + k]![0]!.page));
        expect(onPages.size, `${block.table.id} rows ${first}+${size}`).toBe(1);
      }
      for (const spots of place.table!.rows) for (const s of spots) expect(s.y + 0).toBeLessThan(PAGE.typeHeightMm * 2.84);
    }
    if (place.at.length > 1 && block.kind !== 'table') {
      const perPage = new Map<number, number>();
      for (const a of place.at) perPage.set(a.page, (perPage.get(a.page) ?? 0) + 1);
      if (perPage.size > 1) for (const n of perPage.values()) expect(n, `block ${i} split with a single line`).toBeGreaterThan(1);
    }
    if (block.kind.startsWith('heading')) {
      const next = pages.blocks[i + 1]!;
      const nextPage = next.table ? next.table.rows[0]![0]!.page : next.at[0]!.page;
      expect(nextPage, `heading ${i} left at the foot of a page`).toBe(place.at[0]!.page);
    }
    for (const a of place.at) expect(a.slot).toBeLessThan(PAGE.linesPerPage);
  });
  const signature = pages.blocks.at(-1)!;
  const before = pages.blocks.at(-2)!;
  // A closing table ends on its last row's page, or on its notes' page.
  const lastRow = before.table?.rows.at(-1)?.at(-1)?.page;
  expect(before.at.at(-1)?.page ?? lastRow ?? before.page, 'the signature is alone on its page').toBe(signature.at[0]!.page);
}

describe('the pagination every export follows', () => {
  it.each(['gov-2021', 'gov-2019', 'gov-2008'])('keeps the rules on the %s sample with its first table starting at every line of a page', (id) => {
    const base = model(id);
    for (let extra = 0; extra < PAGE.linesPerPage; extra++) checkRules(shifted(base, extra));
  });

  it('moves a table whose header and first two rows do not fit to the next page', () => {
    const base = model('gov-2021');
    let moved = 0;
    for (let extra = 0; extra < PAGE.linesPerPage; extra++) {
      const doc = shifted(base, extra);
      const pages = paginate(doc);
      const t = doc.blocks.findIndex((b) => b.kind === 'table');
      if (pages.blocks[t]!.startsPage) {
        moved++;
        expect(pages.blocks[t]!.slot).toBe(0);
      }
    }
    expect(moved).toBeGreaterThan(0);
  });

  it('breaks a paragraph so that no single line is left behind, and takes the last paragraph along with the signature', () => {
    const lines = (n: number): DocBlock => line('字'.repeat(26 + 28 * (n - 1)));
    const doc: DocumentModel = { meta: model('gov-2021').meta, draft: false, blocks: [...Array.from({ length: 20 }, () => line()), lines(3), { kind: 'signature', org: '某某局', date: '2026年1月20日' }] };
    const pages = paginate(doc);
    // 20 lines used, a 3-line paragraph cannot leave one line behind: it moves whole, the signature follows it.
    expect(pages.blocks[20]!.at.map((a) => a.page)).toEqual([1, 1, 1]);
    expect(pages.blocks[21]!.at[0]!.page).toBe(1);
    const alone: DocumentModel = { ...doc, blocks: [...Array.from({ length: 19 }, () => line()), lines(2), doc.blocks.at(-1)!] };
    const p2 = paginate(alone);
    expect(p2.blocks[19]!.at[0]!.page, 'the last paragraph goes with the signature').toBe(1);
  });
});

describe('a report that ends with a table (the gov-2008 annex)', () => {
  it('gives the signature the table’s last two rows, under the repeated header, when it would otherwise open a page alone', () => {
    const base = model('gov-2008');
    let forced = 0;
    for (let extra = 0; extra < PAGE.linesPerPage; extra++) {
      const doc = shifted(base, extra);
      const pages = paginate(doc);
      const table = pages.blocks.at(-2)!.table!;
      const signaturePage = pages.blocks.at(-1)!.at[0]!.page;
      const rowCount = table.rows.length;
      expect(table.rows[rowCount - 1]!.at(-1)!.page, `extra ${extra}`).toBe(signaturePage);
      expect(table.keptWithNext, `extra ${extra}: the rows kept with the signature`).toBe(table.breaksBefore.at(-1) ?? 0);
      if (table.breaksBefore.at(-1) === rowCount - 2) {
        forced++;
        expect(table.rows[0]!.map((s) => s.page), 'the header is repeated above the moved rows').toContain(signaturePage);
        expect(table.rows[rowCount - 3]!.at(-1)!.page).toBe(signaturePage - 1);
      }
    }
    // The sweep reaches the case where the table would have ended at the foot of a page.
    expect(forced).toBeGreaterThan(0);
  });
});
