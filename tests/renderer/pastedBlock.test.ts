import { describe, expect, it } from 'vitest';
import { parsePastedBlock } from '../../src-renderer/editor/tables/pastedBlock.js';
import { TableNavigation } from '../../src-renderer/editor/tables/tableNavigation.js';
import { template } from '../helpers.js';

const review = template('gov-2021').tableModels.get('gov-2021.review')!;
const apply = template('gov-2021').tableModels.get('gov-2021.apply')!;

describe('pasting a block copied from Excel or WPS', () => {
  it('fills the cells from the selected one rightwards and downwards', () => {
    const result = parsePastedBlock('1\t2\r\n3\t4\r\n', apply, new TableNavigation(apply), { rowId: 'r3_1_open', colId: 'natural' });
    expect(result).toEqual({
      ok: true,
      updates: [
        { rowId: 'r3_1_open', colId: 'natural', value: 1 },
        { rowId: 'r3_1_open', colId: 'commercial', value: 2 },
        { rowId: 'r3_2_partial', colId: 'natural', value: 3 },
        { rowId: 'r3_2_partial', colId: 'commercial', value: 4 },
      ],
    });
  });

  it('refuses a block that would run over a total, instead of shifting values into the next group', () => {
    const result = parsePastedBlock('1\t2\t3\t4\t10\t5\t6', review, new TableNavigation(review), { rowId: 'count', colId: 'rv_upheld' });
    expect(result).toMatchObject({ ok: false, problem: { kind: 'tooBig', cols: 7, maxCols: 4 } });
  });

  it('refuses a block with a value that is not a number, naming its place', () => {
    const result = parsePastedBlock('1\t2\n3\tx', apply, new TableNavigation(apply), { rowId: 'r1_new', colId: 'natural' });
    expect(result).toMatchObject({ ok: false, problem: { kind: 'invalid', row: 2, col: 2, value: 'x' } });
  });
});
