import { describe, expect, it } from 'vitest';
import { checkReport, deriveComputedCells, formatScaled, parseCell, storedValue } from '../../src-core/index.js';
import { addToCell, derive, getCell, sample, setCell, template } from '../helpers.js';

describe('computed cells', () => {
  it('derives the 总计 column, the （七）总计 row and the review totals from the inputs', () => {
    const r = sample('gov-2021');
    for (const row of ['r1_new', 'r3_7_total']) setCell(r, 'gov-2021.apply', row, 'total', null);
    setCell(r, 'gov-2021.apply', 'r3_7_total', 'natural', null);
    setCell(r, 'gov-2021.review', 'count', 'ld_total', 99);
    addToCell(r, 'gov-2021.apply', 'r3_4_2', 'commercial', 3);
    derive(r);
    const cell = (row: string, col: string) => getCell(r, 'gov-2021.apply', row, col);
    expect(cell('r1_new', 'total')).toBe(46);
    // （七）总计 = （一）+（二）+ all items of （三）…（六）, so +3 in 商业企业 shows in its column and in 总计.
    expect(cell('r3_7_total', 'commercial')).toBe(Number(sample('gov-2021').tables['gov-2021.apply']?.r3_7_total?.commercial) + 3);
    expect(cell('r3_7_total', 'total')).toBe(47 + 3);
    expect(getCell(r, 'gov-2021.review', 'count', 'ld_total')).toBe(2);
  });

  it('a total of only empty cells stays empty, and one over an invalid entry is not guessed', () => {
    const r = sample('gov-2021');
    for (const col of ['natural', 'commercial', 'research', 'public_welfare', 'legal_service', 'other_org']) setCell(r, 'gov-2021.apply', 'r3_3_1', col, null);
    setCell(r, 'gov-2021.apply', 'r3_3_2', 'natural', 'x');
    const tables = deriveComputedCells(template('gov-2021'), r.tables);
    expect(tables['gov-2021.apply']?.r3_3_1?.total).toBeNull();
    expect(tables['gov-2021.apply']?.r3_3_2?.total).toBeNull();
    expect(tables['gov-2021.apply']?.r3_7_total?.natural).toBeNull();
    // the input object is not changed
    expect(r.tables['gov-2021.apply']?.r3_3_1?.total).toBe(0);
  });

  it('derives the gov-2008 annex totals for both columns', () => {
    const r = sample('gov-2008');
    addToCell(r, 'gov-2008.stats', 'req_email', 'this_year', 4);
    derive(r);
    expect(getCell(r, 'gov-2008.stats', 'req_total', 'this_year')).toBe(25);
    expect(getCell(r, 'gov-2008.stats', 'req_total', 'cumulative')).toBe(123);
  });

  it('adds 万元 amounts exactly, without binary floating point', () => {
    const a = parseCell('0.1', 'amount', false);
    const b = parseCell('0.2', 'amount', false);
    if (a.state !== 'value' || b.state !== 'value') throw new Error('parse failed');
    expect(storedValue(a.scaled + b.scaled, 'amount')).toBe('0.3');
    expect(formatScaled(1_865_200n)).toBe('186.52');
    expect(storedValue(120_000n, 'count')).toBe(12);
    expect(parseCell('0.00001', 'amount', false)).toEqual({ state: 'invalid', problem: 'tooManyDecimals' });
    expect(parseCell('/', 'count', true)).toEqual({ state: 'notApplicable', scaled: 0n });
    expect(parseCell('/', 'count', false)).toEqual({ state: 'invalid', problem: 'notApplicableHere' });
  });
});

describe('a single-cell change in a consistent report is caught in its table', () => {
  for (const tableId of ['gov-2021.apply', 'gov-2021.review']) {
    it(`every cell of ${tableId}`, () => {
      const base = sample('gov-2021');
      const model = template('gov-2021').tableModels.get(tableId);
      if (!model) throw new Error(tableId);
      expect(checkReport(template('gov-2021'), base).filter((f) => f.severity === 'error')).toEqual([]);
      let checked = 0;
      for (const cell of model.cells) {
        for (const delta of [1, -1]) {
          const r = structuredClone(base);
          const before = getCell(r, tableId, cell.rowId, cell.colId) as number;
          if (before + delta < 0 && delta < 0) continue;
          setCell(r, tableId, cell.rowId, cell.colId, before + delta);
          const errors = checkReport(template('gov-2021'), r).filter((f) => f.severity === 'error' && 'tableId' in f.location && f.location.tableId === tableId);
          expect(errors.length, `${cell.rowId}[${cell.colId}] ${delta > 0 ? '+1' : '-1'}`).toBeGreaterThan(0);
          checked++;
        }
      }
      expect(checked).toBeGreaterThanOrEqual(model.cells.length);
    });
  }
});

describe('a bad entry does not make its totals look wrong', () => {
  it('reports the entry (V-01) and no spurious sums over it', () => {
    const r = sample('gov-2021');
    setCell(r, 'gov-2021.apply', 'r3_3_1', 'natural', 1.5);
    derive(r);
    const errors = checkReport(template('gov-2021'), r).filter((f) => f.severity === 'error');
    expect(errors.map((e) => e.ruleId)).toEqual(['V-01']);
  });
});
