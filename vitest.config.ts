import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    // What the program keeps between runs (the installed fonts' names) goes to a folder of the tests', not the user's.
    env: { DRS_CACHE_DIR: join(tmpdir(), 'drs-test-cache') },
    testTimeout: 30_000,
    // The browser tests wait for the UI; on a loaded two-core machine an update can take more than a second.
    expect: { poll: { timeout: 10_000, interval: 50 } },
    // In CI, a test that fails once is run once more: the browser tests share two cores with the rest of
    // the suite, and a rare timing failure there must not hide behind a red run. A real failure fails twice.
    retry: process.env.CI ? 1 : 0,
    reporters: ['default'],
  },
});
