/**
 * Builds the Pagefind search index as part of `npm run build`. Indexing starts in a worker
 * thread when the build starts, so it runs on the other core while Astro renders pages; the
 * finished index, written under Astro's cache folder, is moved into the site when the build is
 * done. Logs, and fails the build on errors.
 */
import type { AstroIntegration } from 'astro';
import { cp, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { SEARCH_BUNDLE_DIR } from '../src/lib/search/contract.ts';
import { getIssuesDir } from '../src/pipeline/paths.ts';
import type { BuiltIndex } from './search-index.ts';

/** Moves a finished folder into place: a rename on one disk, a copy across disks. */
async function moveFolder(from: string, to: string): Promise<void> {
  try {
    await rename(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    await cp(from, to, { recursive: true });
    await rm(from, { recursive: true, force: true });
  }
}

/**
 * Word positions per index chunk (Pagefind's default is 20,000). A first search downloads the
 * chunk of each of its words, so smaller chunks cost it less: at 1,000 issues a two-word query
 * fetched two 35 KB chunks, and fetches two of about 15 KB with 8,000, for 1.5 KB more of
 * metadata. Pagefind 1.6 (pinned) reads it only from its environment, as a setting it calls unstable;
 * the benchmark's first-search budget shows if a later version ignores it.
 */
const INDEX_CHUNK_SIZE = '8000';

/** Runs `search-index-worker.ts` and resolves with what it built. */
function buildInWorker(root: URL, site: URL, scratchDir: URL): Promise<BuiltIndex> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('integrations/search-index-worker.ts', root), {
      // The Pagefind binary the worker starts inherits the worker's environment.
      env: { ...process.env, PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE: INDEX_CHUNK_SIZE },
      workerData: { issuesDir: getIssuesDir(), site: site.href, scratchDir: fileURLToPath(scratchDir) },
    });
    worker.once('message', (message: { built?: BuiltIndex; error?: string }) => {
      if (message.built) resolve(message.built);
      else reject(new Error(message.error ?? 'the search index worker failed'));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the search index worker stopped (exit ${code})`)));
  });
}

export function pagefindIntegration(): AstroIntegration {
  let root = new URL(`file://${process.cwd()}/`);
  let scratchDir = new URL('node_modules/.astro/', root);
  let site = new URL('http://localhost/');
  let indexing: Promise<BuiltIndex> | undefined;
  let started = 0;
  return {
    name: 'digest-pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = config.root;
        scratchDir = config.cacheDir;
        if (config.site) site = new URL(config.site);
      },
      'astro:build:start': () => {
        started = performance.now();
        indexing = buildInWorker(root, site, scratchDir);
        // Awaited when the build is done; a content error fails the build in the loaders first.
        indexing.catch(() => undefined);
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (!indexing) throw new Error('the search index was never started');
        const { folder, records } = await indexing;
        await moveFolder(folder, path.join(fileURLToPath(dir), SEARCH_BUNDLE_DIR));
        logger.info(`indexed ${records} records in ${Math.round(performance.now() - started)} ms, alongside page rendering`);
      },
    },
  };
}
