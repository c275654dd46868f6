import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../src-main/import/importFile.js';
import { HONGZE, reviewRow } from '../fixtures/hongzeTables.js';
import { SHARED_DIR, templates } from '../helpers.js';

const PUBLISHED = join(SHARED_DIR, 'reference-reports', 'published');

describe.each([2023, 2024] as const)('the published 洪泽区 %i PDF, imported', (year) => {
  it('fills 表二, 表三 and 表四 exactly as printed, places every number, and leaves the PDF as it was', async () => {
    const file = join(PUBLISHED, `hongze-gov-${year}.pdf`);
    const before = statSync(file).mtimeMs;
    const result = await importFile(file, templates);
    if (!result.ok) throw new Error(result.message.en);
    const { report, importReport } = result;
    expect(importReport).toMatchObject({ templateId: 'gov-2021', year, orgName: '淮安市洪泽区人民政府' });
    expect(report.tables['gov-2021.active']).toEqual(HONGZE[year].active);
    expect(report.tables['gov-2021.apply']).toEqual(HONGZE[year].apply);
    expect(report.tables['gov-2021.review']).toEqual(reviewRow(HONGZE[year].review));
    expect(importReport.unplaced.filter((u) => u.kind !== 'paragraph')).toEqual([]);
    expect(statSync(file).mtimeMs).toBe(before);
  }, 30_000);
});
