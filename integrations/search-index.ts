/**
 * The search index, built from the content folder as the loaders read it: one Pagefind custom
 * record per issue part and text (see `src/lib/search-records.ts`), written to a scratch folder.
 * Runs in a worker thread (`search-index-worker.ts`) while Astro renders pages.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { registryFile } from '../src/pipeline/paths.ts';
import { loadProjectRegistry } from '../src/pipeline/registry.ts';
import { readSearchCorpus, searchRecordsOf } from '../src/pipeline/search-corpus.ts';

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

export interface BuiltIndex {
  /** A temporary folder holding the finished index. */
  folder: string;
  records: number;
}

/**
 * Reads the content, indexes every record and writes the index into a new folder under
 * `scratchDir` (on the same disk as the site, so it can be moved in); always closes Pagefind.
 */
export async function buildSearchIndex(issuesDir: string, site: URL, scratchDir: string): Promise<BuiltIndex> {
  try {
    const corpus = await readSearchCorpus(issuesDir, loadProjectRegistry(registryFile), site);
    const records = searchRecordsOf(corpus);
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
    return { folder, records: records.length };
  } finally {
    await pagefind.close();
  }
}
