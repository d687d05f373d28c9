/**
 * Readies the built site for real hosts when the build is done: each locale's 404 page where
 * hosts look for it, the `_headers` file for Netlify and Cloudflare Pages, and gzip and Brotli
 * copies of every text file. Listed last among the integrations, so the files the others write
 * when the build is done (the sitemap, the search bundle) are compressed too.
 */
import type { AstroIntegration } from 'astro';
import { rename, rmdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { getLocaleInfo, localeCodes } from '../src/i18n/locales.ts';
import { renderHeadersFile } from '../src/lib/hosting/headers-file.ts';
import { localizePath, notFoundFile, notFoundPath } from '../src/lib/routes.ts';
import { precompressSite } from './precompress.ts';

/**
 * Astro writes a prefixed locale's 404 page as a page (`en/404/index.html`); hosts that serve a
 * 404 page per folder look for `en/404.html` (nginx as configured here, Cloudflare Pages).
 */
async function placeNotFoundPages(root: string): Promise<void> {
  for (const locale of localeCodes.filter((code) => getLocaleInfo(code).prefix)) {
    const folder = path.join(root, localizePath(notFoundPath, locale));
    await rename(path.join(folder, 'index.html'), path.join(root, notFoundFile(locale)));
    await rmdir(folder);
  }
}

export function hostingIntegration(): AstroIntegration {
  let base = '/';
  return {
    name: 'digest-hosting',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        await placeNotFoundPages(root);
        await writeFile(path.join(root, '_headers'), renderHeadersFile(base));
        const started = performance.now();
        const { files, bytes, gzipBytes, brotliBytes } = await precompressSite(root);
        const megabytes = (count: number) => `${(count / 1e6).toFixed(1)} MB`;
        logger.info(
          `precompressed ${files} files (${megabytes(bytes)}; gzip ${megabytes(gzipBytes)}, Brotli ${megabytes(brotliBytes)}) in ${Math.round(performance.now() - started)} ms`,
        );
      },
    },
  };
}
