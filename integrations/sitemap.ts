/**
 * Writes `sitemap.xml` when the build is done, from the canonical and hreflang links each built
 * page declares (see `src/lib/sitemap.ts`), so the sitemap cannot disagree with the pages.
 */
import type { AstroIntegration } from 'astro';
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { buildSitemap, readPageLinks } from '../src/lib/sitemap.ts';

export function sitemapIntegration(): AstroIntegration {
  return {
    name: 'digest-sitemap',
    hooks: {
      'astro:build:done': async ({ dir, pages, logger }) => {
        const root = fileURLToPath(dir);
        const files = pages.map(({ pathname }) => `${root}${pathname}${pathname === '' || pathname.endsWith('/') ? '' : '/'}index.html`);
        const links = await Promise.all(files.map(async (file) => readPageLinks(await readFile(file, 'utf8').catch(() => ''))));
        const sitemap = buildSitemap(links);
        await writeFile(`${root}sitemap.xml`, sitemap);
        logger.info(`sitemap.xml lists ${(sitemap.match(/<loc>/g) ?? []).length} canonical pages`);
      },
    },
  };
}
