import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    // The browser tests wait for the UI; on a loaded two-core machine an update can take more than a second.
    expect: { poll: { timeout: 10_000, interval: 50 } },
    reporters: ['default'],
  },
});
