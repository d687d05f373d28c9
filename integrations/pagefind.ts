/**
 * Builds the Pagefind search index when the site is built, so `npm run build` yields a
 * searchable site in one step. Indexes `<main>` only; fails the build on indexing errors.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';

export function pagefindIntegration(): AstroIntegration {
  return {
    name: 'digest-pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const { index, errors } = await pagefind.createIndex({ rootSelector: 'main', excludeSelectors: ['[data-pagefind-ignore]'] });
        try {
          if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
          const site = fileURLToPath(dir);
          const added = await index.addDirectory({ path: site });
          if (added.errors.length) throw new Error(`Pagefind indexing failed: ${added.errors.join('; ')}`);
          const written = await index.writeFiles({ outputPath: `${site}pagefind` });
          if (written.errors.length) throw new Error(`Pagefind could not write the index: ${written.errors.join('; ')}`);
          logger.info(`indexed ${added.page_count} pages in ${Math.round(performance.now() - started)} ms`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
