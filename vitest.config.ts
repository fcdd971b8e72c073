import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
    testTimeout: 20_000,
    pool: 'forks',
    // Brings dist/cli (the bundled `bangkom`) up to date first: see test/global-setup.ts.
    globalSetup: ['test/global-setup.ts'],
  },
});
