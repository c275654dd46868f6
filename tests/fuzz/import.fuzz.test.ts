import fc from 'fast-check';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../src-main/import/importFile.js';
import { exportBoth } from '../export/exportHelpers.js';
import { ROOT, sample, SHARED_DIR, templates } from '../helpers.js';

const SEED = 20261126;

/** Damage as files really get it: bytes overwritten, cut short, or junk spliced in. */
const damage = fc.array(
  fc.oneof(
    fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }), length: fc.integer({ min: 1, max: 64 }) }),
    fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
    fc.record({ kind: fc.constant('splice' as const), at: fc.nat(), junk: fc.uint8Array({ maxLength: 256 }) }),
  ),
  { minLength: 1, maxLength: 4 },
);

type Damage = typeof damage extends fc.Arbitrary<infer T> ? T : never;

function damaged(original: Buffer, steps: Damage): Buffer {
  let bytes = Buffer.from(original);
  for (const step of steps) {
    const at = step.at % Math.max(1, bytes.length);
    if (step.kind === 'flip') bytes.fill(step.byte, at, Math.min(bytes.length, at + step.length));
    else if (step.kind === 'cut') bytes = bytes.subarray(0, at);
    else bytes = Buffer.concat([bytes.subarray(0, at), Buffer.from(step.junk), bytes.subarray(at)]);
  }
  return bytes;
}

describe('fuzz: the importer on damaged files', async () => {
  const exported = await exportBoth(sample('gov-2021'), { name: 'fuzz' });
  const seeds = [
    { name: 'report.docx', bytes: readFileSync(exported.docxPath), runs: 40 },
    { name: 'report.pdf', bytes: readFileSync(join(SHARED_DIR, 'reference-reports/published/hongze-gov-2024.pdf')), runs: 15 },
    { name: 'page.html', bytes: readFileSync(join(ROOT, 'tests/fixtures/import/gov-page.utf8.html')), runs: 40 },
    { name: 'report.txt', bytes: readFileSync(join(SHARED_DIR, 'reference-reports/published/hongze-gov-2023.txt')), runs: 40 },
  ];

  it.each(seeds)('$name: every damaged copy imports or gets a message in both languages, fast, and is never modified', async ({ name, bytes, runs }) => {
    const dir = mkdtempSync(join(tmpdir(), 'drs-fuzz-import-'));
    const file = join(dir, name);
    let imported = 0;
    await fc.assert(
      fc.asyncProperty(damage, async (steps) => {
        const input = damaged(bytes, steps);
        writeFileSync(file, input);
        const started = performance.now();
        const result = await importFile(file, templates, { soffice: null });
        expect(performance.now() - started).toBeLessThan(8000);
        if (result.ok) imported++;
        else {
          expect(result.message['zh-CN'].length).toBeGreaterThan(0);
          expect(result.message.en.length).toBeGreaterThan(0);
          expect(result.message.en).not.toMatch(/Maximum call stack|\bat .+:\d+:\d+|undefined|\[object/);
        }
        expect(readFileSync(file).equals(input)).toBe(true);
      }),
      { numRuns: runs, seed: SEED },
    );
    // Most damage leaves enough to read: the importer degrades, it does not give up at the first bad byte.
    expect(imported).toBeGreaterThan(0);
  }, 180_000);
});
