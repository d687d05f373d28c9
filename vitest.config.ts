import { existsSync } from 'node:fs';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

// The real legacy posts live outside the repository (../shared/corpus). Without them everything
// else still runs: unit tests, content fixtures, the committed issues and the dev server on a
// generated archive; the tests of the importer and of the site built from the corpus say here
// that they did not run and how to run them.
const corpusDir = path.resolve(import.meta.dirname, '../shared/corpus');
const hasCorpus = existsSync(corpusDir);
const corpusTests = ['tests/content/importer.test.ts', 'tests/e2e/**/*.test.ts'];
if (!hasCorpus) {
  console.warn(
    `\n${corpusDir} is missing, so the tests that read the real legacy posts do not run: ${corpusTests.join(', ')}.\n` +
      'To run them, put the shared data folder (with corpus/ and seeds/) beside the checkout as ../shared, then npm test again.\n',
  );
}

// Two test files at a time, one per core: while one waits on Chromium or a server, the other
// builds. Each build has its own cache folder, and builds take turns through a lock (see runAstro):
// two at once would delete each other's server code in the project's `.astro/`.
// A poll waits on a browser or a server (a search answered, a page rebuilt): Vitest's 1 s lets a
// busy two-core machine fail a behaviour that holds, while another file builds beside it.
const waitingOnPages = { poll: { timeout: 10_000 } };

export default defineConfig({
  test: {
    maxWorkers: 2,
    projects: [
      // Pure logic: one worker's module cache serves every file (each isolated, the files' start-up
      // cost more than their tests).
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], isolate: false } },
      { test: { name: 'bench', include: ['bench/tests/**/*.test.ts'], isolate: false } },
      {
        test: {
          name: 'content',
          expect: waitingOnPages,
          include: ['tests/content/**/*.test.ts'],
          exclude: hasCorpus ? [] : corpusTests,
          setupFiles: ['tests/helpers/temp-dir-cleanup.ts'],
          testTimeout: 120_000,
          hookTimeout: 300_000,
        },
      },
      // `npm run dev` on a generated archive, in Chromium.
      {
        test: {
          name: 'dev',
          expect: waitingOnPages,
          include: ['tests/dev/**/*.test.ts'],
          setupFiles: ['tests/helpers/temp-dir-cleanup.ts'],
          testTimeout: 60_000,
          hookTimeout: 300_000,
        },
      },
      // The site built from the corpus, served once for every file (see global-setup.ts).
      ...(hasCorpus
        ? [
            {
              test: {
                name: 'e2e',
                expect: waitingOnPages,
                include: ['tests/e2e/**/*.test.ts'],
                globalSetup: ['tests/e2e/global-setup.ts'],
                setupFiles: ['tests/helpers/temp-dir-cleanup.ts'],
                testTimeout: 60_000,
                hookTimeout: 300_000,
              },
            },
          ]
        : []),
    ],
  },
});
