/**
 * Builds the Pagefind search index from the records the content loaders made of the same entries
 * the pages render (`src/pipeline/search-records.ts`, handed over through the content hub).
 *
 * In `npm run build`, indexing starts the moment the loaders hand the records over (before Astro
 * bundles and renders) and runs in Pagefind's own process meanwhile; the finished index, written
 * under Astro's cache folder, is moved into the site when the build is done. Logs, fails the build
 * on any Pagefind error, and always closes Pagefind.
 *
 * In `npm run dev`, the index is kept in memory and served where the site's is, made again
 * whenever the content changes: search works while an issue is written.
 */
import type { AstroIntegration } from 'astro';
import { chmod, cp, mkdir, mkdtemp, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { minify, type Plugin } from 'vite';
import {
  packLayout,
  SEARCH_BUNDLE_DIR,
  SEARCH_VOCABULARY_FILE,
  type IndexLayout,
  type SearchVocabulary,
} from '../src/lib/search/contract.ts';
import { readIndexLayout } from '../src/lib/search/index/layout.ts';
import { apostropheVariant } from '../src/lib/search/index/records.ts';
import { createSearchVocabulary } from '../src/lib/search/index/vocabulary.ts';
import { pinIndexEntry } from '../src/lib/search/index/entry.ts';
import { PAGEFIND_SCRIPT } from '../src/lib/search/page/startup.ts';
import { chineseVariants } from '../src/pipeline/chinese-variants.ts';
import { onContentChange, searchRecords } from '../src/pipeline/content-hub.ts';
import type { SearchHandoff } from '../src/pipeline/search-records.ts';

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

/**
 * A new index holding the records, and the archive's search vocabulary (`vocabulary.json` beside
 * the index), made while Pagefind's own process indexes; throws, naming the record, on any
 * Pagefind error.
 */
async function indexRecords({
  records,
  concepts,
}: SearchHandoff): Promise<{ index: pagefind.PagefindIndex; vocabulary: Omit<SearchVocabulary, 'layout'> }> {
  // The Pagefind binary the Node API starts inherits this environment.
  process.env['PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE'] = INDEX_CHUNK_SIZE;
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  const adding = Promise.all(records.map((record) => index.addCustomRecord(record)));
  const vocabulary = createSearchVocabulary(
    records.map((record) => record.content),
    concepts,
    [...chineseVariants(), apostropheVariant],
  );
  const added = await adding;
  const failed = added.flatMap((response, position) => response.errors.map((error) => `${records[position]?.url}: ${error}`));
  if (failed.length) throw new Error(`Pagefind indexing failed: ${failed.join('; ')}`);
  return { index, vocabulary };
}

/** Pagefind's entry file, which names the index's metadata. */
const ENTRY_FILE = 'pagefind-entry.json';

/**
 * Gives the written index's metadata its fixed name, so pages can ask for it before a search
 * (`pinIndexEntry`); returns where the index keeps its words, read from it.
 */
async function pinMetadata(folder: string): Promise<IndexLayout> {
  const { entry, metadata } = pinIndexEntry(await readFile(path.join(folder, ENTRY_FILE), 'utf8'));
  await rename(path.join(folder, metadata.from), path.join(folder, metadata.to));
  await writeFile(path.join(folder, ENTRY_FILE), entry);
  return readIndexLayout(gunzipSync(await readFile(path.join(folder, metadata.to))));
}

/** The vocabulary file: the archive's words, and where the index keeps them. */
const vocabularyFile = (vocabulary: Omit<SearchVocabulary, 'layout'>, layout: IndexLayout) =>
  JSON.stringify({ ...vocabulary, layout: packLayout(layout) } satisfies SearchVocabulary);

/**
 * Pagefind ships its script unminified: minified, every first search downloads a third less of it
 * (see bench/REPORT.md). Vite's own minifier, the one Astro minifies the site's scripts with.
 */
async function minifyScript(folder: string): Promise<void> {
  const file = path.join(folder, PAGEFIND_SCRIPT);
  const { code, errors } = await minify(file, await readFile(file, 'utf8'), { module: true, compress: true, mangle: true });
  if (errors.length) throw new Error(`could not minify Pagefind's ${PAGEFIND_SCRIPT}: ${errors.map((error) => error.message).join('; ')}`);
  await writeFile(file, code);
}

/** Indexes the records into a new folder under `scratchDir` (on the same disk as the site, so it can be moved in); always closes Pagefind. */
async function buildIndex(handoff: SearchHandoff, scratchDir: string): Promise<string> {
  try {
    const { index, vocabulary } = await indexRecords(handoff);
    await mkdir(scratchDir, { recursive: true });
    const folder = await mkdtemp(path.join(scratchDir, 'pagefind-'));
    const written = await index.writeFiles({ outputPath: folder });
    if (written.errors.length) throw new Error(`Pagefind could not write the index: ${written.errors.join('; ')}`);
    await Promise.all(UNUSED_FILES.map((file) => rm(path.join(folder, file), { force: true })));
    const [layout] = await Promise.all([pinMetadata(folder), minifyScript(folder)]);
    await writeFile(path.join(folder, SEARCH_VOCABULARY_FILE), vocabularyFile(vocabulary, layout));
    return folder;
  } finally {
    await pagefind.close();
  }
}

/**
 * Moves a finished folder into place: a rename on one disk, a copy across disks. It takes the
 * permissions of the folder it joins: made by `mkdtemp`, it is readable by its owner alone, and a
 * web server running as another user (nginx's `www-data`) would answer every search file with 403.
 */
async function moveFolder(from: string, to: string): Promise<void> {
  try {
    await rename(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    await cp(from, to, { recursive: true });
    await rm(from, { recursive: true, force: true });
  }
  await chmod(to, (await stat(path.dirname(to))).mode & 0o7777);
}

/** The records, or an error saying why there are none. */
function takeSearchRecords(): SearchHandoff {
  const records = searchRecords();
  if (!records)
    throw new Error('the content loaders made no search records; the issues collection must load through src/pipeline/loaders.ts');
  return records;
}

export function pagefindIntegration(): AstroIntegration {
  let cacheDir = new URL(`file://${process.cwd()}/node_modules/.astro/`);
  let indexing: Promise<{ folder: string; records: number; ms: number }> | undefined;
  let stopWaiting: (() => void) | undefined;
  let started = 0;
  const startIndexing = () => {
    stopWaiting?.();
    if (indexing) return indexing;
    started = performance.now();
    indexing = Promise.resolve()
      .then(takeSearchRecords)
      .then(async (handoff) => {
        const folder = await buildIndex(handoff, fileURLToPath(cacheDir));
        return { folder, records: handoff.records.length, ms: performance.now() - started };
      });
    // Awaited when the build is done.
    indexing.catch(() => undefined);
    return indexing;
  };
  return {
    name: 'digest-pagefind',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig }) => {
        if (command === 'dev') updateConfig({ vite: { plugins: [searchInDev(config.base)] } });
        if (command !== 'build') return;
        // The loaders run after configuration: indexing starts the moment their records are there.
        stopWaiting = onContentChange((change) => {
          if (change === 'records') startIndexing();
        });
      },
      'astro:config:done': ({ config }) => {
        cacheDir = config.cacheDir;
      },
      'astro:build:start': () => {
        // The loaders have run by now; without their records, this fails the build, saying why.
        startIndexing();
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (!indexing) throw new Error('the search index was never started');
        const { folder, records, ms } = await indexing;
        await moveFolder(folder, path.join(fileURLToPath(dir), SEARCH_BUNDLE_DIR));
        logger.info(`indexed ${records} records in ${Math.round(ms)} ms, beside the rest of the build`);
      },
    },
  };
}

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
};

/**
 * The dev server's search: the index of the current content, kept in memory and served under the
 * site's search folder. Made again after every change of the records (one at a time: changes
 * that arrive meanwhile are indexed together next); a request waits for the index being made.
 */
const REINDEX_SETTLE_MS = 300;

function searchInDev(base: string): Plugin {
  const prefix = `${base.replace(/\/?$/, '/')}${SEARCH_BUNDLE_DIR}/`;
  let files = new Map<string, Uint8Array>();
  let current: Promise<void> = Promise.resolve();
  let queued = false;
  let failure: string | undefined;
  const reindex = async () => {
    const handoff = searchRecords();
    if (!handoff) return;
    const { index, vocabulary } = await indexRecords(handoff);
    const made = await index.getFiles();
    await index.deleteIndex();
    if (made.errors.length) throw new Error(`Pagefind could not make the index: ${made.errors.join('; ')}`);
    const kept = new Map(made.files.map((file) => [file.path, file.content]));
    // The metadata under its fixed name, as in a build.
    const { entry, metadata } = pinIndexEntry(new TextDecoder().decode(kept.get(ENTRY_FILE)));
    const content = kept.get(metadata.from);
    if (!content) throw new Error(`Pagefind made no ${metadata.from}`);
    kept.set(metadata.to, content);
    kept.delete(metadata.from);
    kept.set(ENTRY_FILE, new TextEncoder().encode(entry));
    kept.set(SEARCH_VOCABULARY_FILE, new TextEncoder().encode(vocabularyFile(vocabulary, readIndexLayout(gunzipSync(content)))));
    files = kept;
  };
  const schedule = () => {
    if (queued) return;
    queued = true;
    current = current.then(async () => {
      queued = false;
      try {
        await reindex();
        failure = undefined;
      } catch (error) {
        failure = (error as Error).message;
      }
    });
  };
  return {
    name: 'digest-search-in-dev',
    configureServer(server) {
      // An edit's page reload goes first; the index follows once the changes settle.
      let waiting: ReturnType<typeof setTimeout> | undefined;
      const stop = onContentChange((change) => {
        if (change !== 'records') return;
        clearTimeout(waiting);
        waiting = setTimeout(schedule, REINDEX_SETTLE_MS);
      });
      schedule();
      server.httpServer?.once('close', () => {
        stop();
        void pagefind.close();
      });
      server.middlewares.use((request, response, next) => {
        const pathname = new URL(request.url ?? '/', 'http://localhost').pathname;
        if (!pathname.startsWith(prefix)) return next();
        void current.then(() => {
          const file = files.get(pathname.slice(prefix.length));
          if (failure || !file) {
            response.statusCode = failure ? 500 : 404;
            response.end(failure ?? 'Not in the search index');
            return;
          }
          response.setHeader('content-type', CONTENT_TYPES[path.extname(pathname)] ?? 'application/octet-stream');
          // The index changes with every edit.
          response.setHeader('cache-control', 'no-store');
          response.end(file);
        });
      });
    },
  };
}
