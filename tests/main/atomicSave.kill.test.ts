import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { plainBlocksToLexical, type Report } from '../../src-core/index.js';
import { DraftStore, documentIdFor } from '../../src-main/services/DraftStore.js';
import { sample, templates } from '../helpers.js';
import { killSaverAfter } from '../fixtures/killSaver.js';

const KILLS = Number(process.env.DRS_KILL_RUNS ?? 200);

/** The content a user cares about: everything but the save stamp, independent of key order. */
function content(report: Report): string {
  const canonical = (value: unknown): unknown =>
    Array.isArray(value) ? value.map(canonical) : value && typeof value === 'object' ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, canonical(v)])) : value;
  return JSON.stringify(canonical({ ...report, updatedAt: undefined }));
}

describe('atomic save under SIGKILL', () => {
  it(`leaves the old or the new file, whole, after ${KILLS} kills at random moments`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'drs-kill-'));
    const file = join(dir, '报告.drs');
    const small = sample('gov-2021');
    const large = sample('gov-2021');
    // A long report makes each write take long enough for many kills to land in the middle of it.
    large.sections.overview = plainBlocksToLexical(Array.from({ length: 400 }, (_, i) => `第${i + 1}段：本年度政府信息公开工作情况说明，内容较长，用于测试保存过程中被中断的情形。`));
    const firstPath = join(dir, 'a.json');
    const secondPath = join(dir, 'b.json');
    writeFileSync(firstPath, JSON.stringify(small));
    writeFileSync(secondPath, JSON.stringify(large));
    const store = new DraftStore({ dataDir: join(dir, 'data'), templates });
    expect((await store.save(file, small, documentIdFor(file))).status).toBe('saved');

    const seen = { small: 0, large: 0, midWrite: 0 };
    for (let i = 0; i < KILLS; i++) {
      await killSaverAfter([join(dir, 'data'), file, firstPath, secondPath], Math.floor(Math.random() * 120));
      // A temp file left behind means the kill landed between creating and renaming it.
      if (readdirSync(dir).some((n) => n.endsWith('.tmp'))) seen.midWrite++;
      const opened = await store.open(file);
      if (opened.status !== 'opened') throw new Error(`kill ${i + 1}: the file no longer loads: ${opened.reason.en}`);
      const got = content(opened.report);
      if (got === content(small)) seen.small++;
      else if (got === content(large)) seen.large++;
      else throw new Error(`kill ${i + 1}: the file is neither the old nor the new version`);
    }
    // Both versions were seen on disk, so the kills really interrupted a saving loop.
    expect(seen.small + seen.large).toBe(KILLS);
    expect(seen.small).toBeGreaterThan(0);
    expect(seen.large).toBeGreaterThan(0);
    // Temp files of killed saves are cleaned up by the next save.
    const last = await store.save(file, small, documentIdFor(file));
    expect(last.status === 'failed' ? last.reason.en : last.status).toBe('saved');
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    console.log(`kill test: ${KILLS} kills, file whole every time (old ${seen.small}, new ${seen.large}; ${seen.midWrite} kills landed mid-write)`);
  }, 600_000);
});
