/**
 * Readies the built site for real hosts: each locale's 404 page where hosts look for it, the
 * `_headers` file for Netlify and Cloudflare Pages, and gzip and Brotli copies of every text file.
 * The pages are final once Astro has generated them, so their copies are made from then on, while
 * the search index is finished beside them; the files the others write when the build is done
 * (the sitemap, the search bundle) are compressed after, as this integration is listed last.
 */
import type { AstroIntegration } from 'astro';
import { readdir, readFile, rename, rmdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { getLocaleInfo, localeCodes } from '../src/i18n/locales.ts';
import { renderHeadersFile } from '../src/lib/hosting/headers-file.ts';
import { inlineHashesOf, mergeInlineHashes, type InlineHashes } from '../src/lib/hosting/policy.ts';
import { localizePath, notFoundFile, notFoundPath } from '../src/lib/routes.ts';
import { addSummaries, compressibleFiles, precompressFiles, type PrecompressSummary } from './precompress.ts';

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

/** Pages read at once while their policies are collected. */
const READ_CONCURRENCY = 16;

/**
 * The inline hashes of every page's `<meta>` policy, merged: what the header must allow too. A
 * page without the policy fails the build, as the header would then allow what it never checked.
 */
export async function collectInlineHashes(root: string): Promise<InlineHashes> {
  const pages = (await readdir(root, { recursive: true })).filter((file) => file.endsWith('.html')).sort();
  // Kept in the pages' order, so the same build writes the same header.
  const found: InlineHashes[] = [];
  let next = 0;
  const worker = async () => {
    for (let index = next++; index < pages.length; index = next++) {
      const file = pages[index] ?? '';
      const html = await readFile(path.join(root, file), 'utf8');
      const policy = /<meta http-equiv="content-security-policy" content="([^"]*)"/i.exec(html)?.[1];
      if (policy === undefined) throw new Error(`${file} has no content-security-policy <meta>: every page must carry the policy`);
      found[index] = inlineHashesOf(policy);
    }
  };
  await Promise.all(Array.from({ length: READ_CONCURRENCY }, worker));
  return mergeInlineHashes(found);
}

/** What is done while the build finishes: the pages' policies read and their copies made. */
interface PagesReady {
  hashes: InlineHashes;
  compressed: Set<string>;
  summary: PrecompressSummary;
}

export function hostingIntegration(): AstroIntegration {
  let base = '/';
  let pagesReady: Promise<PagesReady> | undefined;
  let started = 0;
  return {
    name: 'digest-hosting',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:generated': ({ dir }) => {
        const root = fileURLToPath(dir);
        started = performance.now();
        pagesReady = (async () => {
          await placeNotFoundPages(root);
          const files = await compressibleFiles(root);
          const [hashes, summary] = await Promise.all([collectInlineHashes(root), precompressFiles(files)]);
          return { hashes, compressed: new Set(files), summary };
        })();
        // Awaited when the build is done.
        pagesReady.catch(() => undefined);
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (!pagesReady) throw new Error('the hosting step never saw the generated pages');
        const root = fileURLToPath(dir);
        const { hashes, compressed, summary } = await pagesReady;
        await writeFile(path.join(root, '_headers'), renderHeadersFile(base, hashes));
        const rest = (await compressibleFiles(root)).filter((file) => !compressed.has(file));
        const { files, bytes, gzipBytes, brotliBytes } = addSummaries(summary, await precompressFiles(rest));
        const megabytes = (count: number) => `${(count / 1e6).toFixed(1)} MB`;
        logger.info(
          `precompressed ${files} files (${megabytes(bytes)}; gzip ${megabytes(gzipBytes)}, Brotli ${megabytes(brotliBytes)}) in ${Math.round(performance.now() - started)} ms, from the pages' generation on`,
        );
      },
    },
  };
}
