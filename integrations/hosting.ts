/**
 * Readies the built site for real hosts: each locale's 404 page where hosts look for it, the
 * `_headers` file for Netlify and Cloudflare Pages, and gzip and Brotli copies of every text file.
 * Each page's copies are made as Astro renders it, from the bytes it then writes; a page not
 * compressed by then (a 404 page, one past the memory cap) is compressed from its file once the
 * pages are written, and the files the others write when the build is done (the sitemap, the
 * search bundle) after that, as this integration is listed last.
 */
import type { AstroIntegration } from 'astro';
import { readdir, readFile, rename, rmdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { getLocaleInfo, localeCodes } from '../src/i18n/locales.ts';
import { renderHeadersFile } from '../src/lib/hosting/headers-file.ts';
import { inlineHashesOf, mergeInlineHashes, type InlineHashes } from '../src/lib/hosting/policy.ts';
import { localizePath, notFoundFile, notFoundPath } from '../src/lib/routes.ts';
import { isPrecompressed } from '../src/lib/hosting/compression.ts';
import { builtFileOf, onRenderedPage } from '../src/site/rendered-pages.ts';
import {
  addSummaries,
  compressibleFiles,
  createCompressor,
  noneCompressed,
  removeCopies,
  type Compressor,
  type PrecompressSummary,
} from './precompress.ts';

/**
 * Astro writes a prefixed locale's 404 page as a page (`en/404/index.html`); hosts that serve a
 * 404 page per folder look for `en/404.html` (nginx as configured here, Cloudflare Pages).
 */
async function placeNotFoundPages(root: string): Promise<void> {
  for (const locale of localeCodes.filter((code) => getLocaleInfo(code).prefix)) {
    const folder = path.join(root, localizePath(notFoundPath, locale));
    const page = path.join(root, notFoundFile(locale));
    // With the copies made while it was rendered, if any.
    for (const suffix of ['', '.gz', '.br']) {
      await rename(path.join(folder, `index.html${suffix}`), `${page}${suffix}`).catch((error: NodeJS.ErrnoException) => {
        if (suffix === '' || error.code !== 'ENOENT') throw error;
      });
    }
    await rmdir(folder);
  }
}

/** Pages read at once while their policies are collected. */
const READ_CONCURRENCY = 16;

/**
 * The inline hashes of a page's `<meta>` policy (its head is enough), which the header must allow
 * too. A page without the policy fails the build, as the header would then allow what it never
 * checked.
 */
function pageHashes(file: string, html: string): InlineHashes {
  const hashes = policyHashes(html);
  if (!hashes) throw new Error(`${file} has no content-security-policy <meta>: every page must carry the policy`);
  return hashes;
}

/** The inline hashes of the page's `<meta>` policy, if it has one. */
function policyHashes(html: string): InlineHashes | undefined {
  const policy = /<meta http-equiv="content-security-policy" content="([^"]*)"/i.exec(html)?.[1];
  return policy === undefined ? undefined : inlineHashesOf(policy);
}

/**
 * The inline hashes of every page's policy, merged; `known` holds those of pages already read (by
 * their file inside `root`), the others are read from disk.
 */
export async function collectInlineHashes(root: string, known: ReadonlyMap<string, InlineHashes> = new Map()): Promise<InlineHashes> {
  const pages = (await readdir(root, { recursive: true })).filter((file) => file.endsWith('.html')).sort();
  // Kept in the pages' order, so the same build writes the same header.
  const found: InlineHashes[] = [];
  let next = 0;
  const worker = async () => {
    for (let index = next++; index < pages.length; index = next++) {
      const file = pages[index] ?? '';
      found[index] = known.get(file) ?? pageHashes(file, await readFile(path.join(root, file), 'utf8'));
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

/**
 * The most page bytes waiting for the compressor at once: past it, a page is compressed from its
 * file once the pages are written, so a large archive does not hold its pages in memory.
 */
const MAX_WAITING_BYTES = 256 * 1024 * 1024;

/**
 * Compresses each page as Astro renders it (`src/site/rendered-pages.ts`), in the compressor's
 * low-priority workers; reads each page's policy from its head.
 */
function compressWhileRendering(root: string, compressor: Compressor) {
  const copies = new Map<string, { bytes: number; done: Promise<PrecompressSummary> }>();
  const policies = new Map<string, InlineHashes>();
  let waiting = 0;
  const stop = onRenderedPage(({ sitePath, bytes, head }) => {
    const file = builtFileOf(sitePath);
    const hashes = file.endsWith('.html') ? policyHashes(head) : undefined;
    if (hashes) policies.set(file, hashes);
    if (!isPrecompressed(file) || waiting + bytes.length > MAX_WAITING_BYTES) return;
    waiting += bytes.length;
    const done = compressor.compress(path.join(root, file), bytes).finally(() => (waiting -= bytes.length));
    done.catch(() => undefined);
    copies.set(file, { bytes: bytes.length, done });
  });
  /**
   * Stops listening once the pages are written; keeps the copies of the pages found where they
   * were expected with the bytes compressed (the others' copies are removed, to be made again).
   */
  const finish = async (): Promise<{ compressed: Set<string>; summary: PrecompressSummary; policies: Map<string, InlineHashes> }> => {
    stop();
    let summary = noneCompressed;
    const compressed = new Set<string>();
    for (const [file, { bytes, done }] of copies) {
      const full = path.join(root, file);
      const made = await done;
      const written = await stat(full).catch(() => undefined);
      if (written?.size === bytes) {
        compressed.add(full);
        summary = addSummaries(summary, made);
      } else {
        await removeCopies(full);
        policies.delete(file);
      }
    }
    return { compressed, summary, policies };
  };
  return { finish };
}

export function hostingIntegration(): AstroIntegration {
  let base = '/';
  let outDir = '';
  let compressor: Compressor | undefined;
  let rendering: ReturnType<typeof compressWhileRendering> | undefined;
  let pagesReady: Promise<PagesReady> | undefined;
  let started = 0;
  let generated = 0;
  return {
    name: 'digest-hosting',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
        outDir = fileURLToPath(config.outDir);
      },
      'astro:build:start': () => {
        started = performance.now();
        compressor = createCompressor();
        rendering = compressWhileRendering(outDir, compressor);
      },
      'astro:build:generated': ({ dir }) => {
        const root = fileURLToPath(dir);
        generated = performance.now();
        pagesReady = (async () => {
          const early = await rendering?.finish();
          await placeNotFoundPages(root);
          const files = (await compressibleFiles(root)).filter((file) => !early?.compressed.has(file));
          if (!compressor) throw new Error('the hosting step never saw the build start');
          const [hashes, summary] = await Promise.all([collectInlineHashes(root, early?.policies), compressor.compressAll(files)]);
          return {
            hashes,
            compressed: new Set([...(early?.compressed ?? []), ...files]),
            summary: addSummaries(early?.summary ?? noneCompressed, summary),
          };
        })();
        // Awaited when the build is done.
        pagesReady.catch(() => undefined);
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (!pagesReady) throw new Error('the hosting step never saw the generated pages');
        const root = fileURLToPath(dir);
        const { hashes, compressed, summary } = await pagesReady;
        if (!compressor) throw new Error('the hosting step never saw the build start');
        await writeFile(path.join(root, '_headers'), renderHeadersFile(base, hashes));
        const rest = (await compressibleFiles(root)).filter((file) => !compressed.has(file));
        const { files, bytes, gzipBytes, brotliBytes } = addSummaries(summary, await compressor.compressAll(rest));
        await compressor.close();
        const megabytes = (count: number) => `${(count / 1e6).toFixed(1)} MB`;
        logger.info(
          `precompressed ${files} files (${megabytes(bytes)}; gzip ${megabytes(gzipBytes)}, Brotli ${megabytes(brotliBytes)}) in ${Math.round(performance.now() - started)} ms beside the build; done ${Math.round(performance.now() - generated)} ms after the last page`,
        );
      },
    },
  };
}
