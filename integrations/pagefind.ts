/**
 * Builds the Pagefind search index as part of `npm run build`, from the records the content
 * loaders made of the same entries the pages render (`src/pipeline/search-handoff.ts`). Indexing
 * starts as soon as the loaders hand the records over (before Astro bundles and renders) and runs
 * in Pagefind's own process meanwhile; the finished index, written under Astro's cache folder, is
 * moved into the site when the build is done. Logs, fails the build on any Pagefind error, and
 * always closes Pagefind.
 */
import type { AstroIntegration } from 'astro';
import { cp, mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { SEARCH_BUNDLE_DIR } from '../src/lib/search/contract.ts';
import type { SearchRecord } from '../src/lib/search/index/records.ts';
import { forgetSearchRecords, searchRecordsReady, takeSearchRecords } from '../src/pipeline/search-handoff.ts';

/**
 * Word positions per index chunk (Pagefind's default is 20,000). A first search downloads the
 * chunk of each of its words, so smaller chunks cost it less (see bench/REPORT.md). Pagefind 1.6
 * (pinned) reads it only from its environment, as a setting it calls unstable; the benchmark's
 * first-search budget shows if a later version ignores it.
 */
const INDEX_CHUNK_SIZE = '8000';

/** Files of Pagefind's ready-made interfaces; the site has its own, so they are not published. */
const UNUSED_FILES = [
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-highlight.js',
  'pagefind-worker.js',
];

/** Indexes the records into a new folder under `scratchDir` (on the same disk as the site, so it can be moved in); always closes Pagefind. */
async function buildIndex(records: readonly SearchRecord[], scratchDir: string): Promise<string> {
  // The Pagefind binary the Node API starts inherits this environment.
  process.env['PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE'] = INDEX_CHUNK_SIZE;
  try {
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    const added = await Promise.all(records.map((record) => index.addCustomRecord(record)));
    const failed = added.flatMap((response, position) => response.errors.map((error) => `${records[position]?.url}: ${error}`));
    if (failed.length) throw new Error(`Pagefind indexing failed: ${failed.join('; ')}`);
    await mkdir(scratchDir, { recursive: true });
    const folder = await mkdtemp(path.join(scratchDir, 'pagefind-'));
    const written = await index.writeFiles({ outputPath: folder });
    if (written.errors.length) throw new Error(`Pagefind could not write the index: ${written.errors.join('; ')}`);
    await Promise.all(UNUSED_FILES.map((file) => rm(path.join(folder, file), { force: true })));
    return folder;
  } finally {
    await pagefind.close();
  }
}

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

/** How often to look for the loaders' records while the content is read. */
const WATCH_MS = 25;

export function pagefindIntegration(): AstroIntegration {
  let cacheDir = new URL(`file://${process.cwd()}/node_modules/.astro/`);
  let indexing: Promise<{ folder: string; records: number }> | undefined;
  let watching: ReturnType<typeof setInterval> | undefined;
  let building = false;
  let started = 0;
  const startIndexing = () => {
    clearInterval(watching);
    if (indexing) return indexing;
    started = performance.now();
    indexing = takeSearchRecords(cacheDir).then(async (records) => ({
      folder: await buildIndex(records, fileURLToPath(cacheDir)),
      records: records.length,
    }));
    // Awaited when the build is done.
    indexing.catch(() => undefined);
    return indexing;
  };
  return {
    name: 'digest-pagefind',
    hooks: {
      'astro:config:setup': ({ command }) => {
        building = command === 'build';
      },
      'astro:config:done': async ({ config }) => {
        cacheDir = config.cacheDir;
        // The records indexed are always this build's.
        await forgetSearchRecords(cacheDir);
        if (!building) return;
        // The loaders run after configuration: indexing starts the moment their records are there.
        watching = setInterval(() => {
          void searchRecordsReady(cacheDir).then((ready) => {
            if (ready) startIndexing();
          });
        }, WATCH_MS);
      },
      'astro:build:start': () => {
        // The loaders have run by now; without their records, this fails the build, saying why.
        startIndexing();
      },
      'astro:build:done': async ({ dir, logger }) => {
        clearInterval(watching);
        if (!indexing) throw new Error('the search index was never started');
        const { folder, records } = await indexing;
        await moveFolder(folder, path.join(fileURLToPath(dir), SEARCH_BUNDLE_DIR));
        logger.info(`indexed ${records} records in ${Math.round(performance.now() - started)} ms, beside the rest of the build`);
      },
    },
  };
}
