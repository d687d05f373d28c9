import { defineConfig } from 'vitest/config';

// Builds share Astro's cache folder, so test files run one at a time (unit files take milliseconds).
export default defineConfig({
  test: {
    fileParallelism: false,
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      { test: { name: 'bench', include: ['bench/tests/**/*.test.ts'] } },
      {
        test: {
          name: 'content',
          include: ['tests/content/**/*.test.ts'],
          setupFiles: ['tests/helpers/temp-dir-cleanup.ts'],
          testTimeout: 120_000,
          hookTimeout: 300_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          setupFiles: ['tests/helpers/temp-dir-cleanup.ts'],
          testTimeout: 60_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
