import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { invokeIpc } from '../../src-main/ipc/handlers.js';
import { IPC_METHODS, type IpcMethod } from '../../src-main/ipc/methods.js';
import { newDocumentId } from '../../src-main/services/DraftStore.js';
import { createTestServices } from '../harness/testServices.js';
import { ROOT, sample } from '../helpers.js';
import { wellFormedRequest } from '../main/ipcRequests.js';
import { hostileValue, mutate, mutation } from './mutations.js';

const SEED = 20261126;

const digest = (dir: string) =>
  readdirSync(dir)
    .sort()
    .map((name) => `${name}:${createHash('sha256').update(readFileSync(join(dir, name))).digest('hex')}`)
    .join('\n');

// Methods that write or export are slower per case; they get fewer runs.
const RUNS: Partial<Record<IpcMethod, number>> = { exportReport: 25, saveReport: 60, writeRecovery: 60, importReport: 25 };

describe('fuzz: every IPC method', () => {
  for (const method of IPC_METHODS) {
    it(`${method}: any payload gets an answer in both languages, fast, and changes no file the user did not choose`, async () => {
      const services = createTestServices();
      const userDir = mkdtempSync(join(tmpdir(), 'drs-fuzz-user-'));
      writeFileSync(join(userDir, 'kept.drs'), readFileSync(join(ROOT, 'templates/samples/gov-2021-qingchuan-psb-2025.drs')));
      const before = digest(userDir);
      const repoBefore = readdirSync(ROOT).sort().join('\n');
      const payloads = fc.oneof(
        { weight: 1, arbitrary: fc.anything({ maxDepth: 3 }) },
        { weight: 1, arbitrary: hostileValue.map((v) => mutate(null, [{ kind: 'set', at: 0, value: v }])) },
        { weight: 4, arbitrary: fc.array(mutation, { minLength: 1, maxLength: 3 }).map((ms) => mutate(wellFormedRequest(method, userDir, 'kept.drs'), ms)) },
      );
      let cases = 0;
      await fc.assert(
        fc.asyncProperty(payloads, async (payload) => {
          cases++;
          const started = performance.now();
          const result = await invokeIpc(services.handlers, method, payload, { isAppMainFrame: true });
          expect(performance.now() - started).toBeLessThan(5000);
          if (!result.ok) {
            expect(result.error.message['zh-CN'].length).toBeGreaterThan(0);
            expect(result.error.message.en.length).toBeGreaterThan(0);
            expect(result.error.message.en).not.toMatch(/Maximum call stack|Internal error|\bat .+:\d+:\d+/);
          }
        }),
        { numRuns: RUNS[method] ?? 80, seed: SEED },
      );
      expect(cases).toBeGreaterThan(0);
      expect(digest(userDir)).toBe(before);
      expect(readdirSync(ROOT).sort().join('\n')).toBe(repoBefore);
    }, 120_000);
  }

  it('what saveReport and writeRecovery accept, the app opens again', async () => {
    const services = createTestServices();
    const dir = mkdtempSync(join(tmpdir(), 'drs-fuzz-roundtrip-'));
    let accepted = 0;
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 2 }), async (ms) => {
        const target = join(dir, `r${n++}.drs`);
        services.dialogs.saves.push(target);
        const report = mutate(sample('gov-2021'), ms);
        const saved = await invokeIpc(services.handlers, 'saveReport', { docId: newDocumentId(), path: null, defaultName: 'r.drs', report }, { isAppMainFrame: true });
        services.dialogs.saves.length = 0;
        if (saved.ok && (saved.value as { status: string }).status === 'saved') {
          accepted++;
          const reopened = await services.drafts.open(target);
          expect(reopened.status, JSON.stringify(ms).slice(0, 400)).toBe('opened');
        }
        const docId = newDocumentId();
        const recovered = await invokeIpc(services.handlers, 'writeRecovery', { docId, path: null, report }, { isAppMainFrame: true });
        if (recovered.ok) expect(await services.drafts.readRecovery(docId), JSON.stringify(ms).slice(0, 400)).not.toBeNull();
      }),
      { numRuns: 150, seed: SEED },
    );
    // The mutations are mostly harmless somewhere (a changed paragraph text), so some must be accepted.
    expect(accepted).toBeGreaterThan(10);
  }, 120_000);
});
