/**
 * Builds the Pagefind search index when the site is built, so `npm run build` yields a
 * searchable site in one step. The index is made of custom records (one per issue part and
 * text, see `src/lib/search-records.ts`) that the build writes to a file this step reads and
 * removes; HTML is not crawled, so every text is indexed once, in its own language. Logs,
 * fails the build on errors and always closes Pagefind.
 */
import type { AstroIntegration } from 'astro';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { SEARCH_BUNDLE_DIR, SEARCH_RECORDS_FILE, type SearchRecord } from '../src/lib/search-records.ts';

/** Files of Pagefind's ready-made interfaces; the site has its own, so they are not published. */
const UNUSED_FILES = [
  'pagefind-ui.js', 'pagefind-ui.css', 'pagefind-modular-ui.js', 'pagefind-modular-ui.css',
  'pagefind-component-ui.js', 'pagefind-component-ui.css', 'pagefind-highlight.js', 'pagefind-worker.js',
];

export function pagefindIntegration(): AstroIntegration {
  return {
    name: 'digest-pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const site = fileURLToPath(dir);
        const recordsFile = path.join(site, SEARCH_RECORDS_FILE);
        const records = JSON.parse(await readFile(recordsFile, 'utf8')) as SearchRecord[];
        await rm(recordsFile);
        const { index, errors } = await pagefind.createIndex({});
        try {
          if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
          const added = await Promise.all(records.map((record) => index.addCustomRecord(record)));
          const failed = added.flatMap((response, position) => response.errors.map((error) => `${records[position]?.url}: ${error}`));
          if (failed.length) throw new Error(`Pagefind indexing failed: ${failed.join('; ')}`);
          const outputPath = path.join(site, SEARCH_BUNDLE_DIR);
          const written = await index.writeFiles({ outputPath });
          if (written.errors.length) throw new Error(`Pagefind could not write the index: ${written.errors.join('; ')}`);
          await Promise.all(UNUSED_FILES.map((file) => rm(path.join(outputPath, file), { force: true })));
          logger.info(`indexed ${records.length} records in ${Math.round(performance.now() - started)} ms`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
