/**
 * The search records, handed from the content loaders to the search index. The loaders make them
 * from the same entries they store (one read and one render of every file) and write them into
 * Astro's cache folder; the Pagefind integration indexes them as soon as they are there, while
 * the build goes on. The file is removed when a build is configured, so an index is never built
 * from an earlier build's records, and written whole under another name first, so it is never
 * read half-written.
 */
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { formatIssueLabel, formatPeriod } from '../i18n/format.ts';
import type { Archive } from '../lib/archive.ts';
import { createSearchRecords, type SearchRecord } from '../lib/search/index/records.ts';

const RECORDS_FILE = 'digest-search-records.json';

const recordsFile = (cacheDir: URL) => new URL(RECORDS_FILE, cacheDir);

/** Every search record of the archive, labelled in each locale. */
export function searchRecordsOf(archive: Archive): SearchRecord[] {
  return createSearchRecords(archive.issues, (issue, locale) => ({
    issue: formatIssueLabel(issue.number, locale),
    period: formatPeriod(issue.period, locale),
  }));
}

/** Writes the records for the index to take. */
export async function handOverSearchRecords(cacheDir: URL, records: readonly SearchRecord[]): Promise<void> {
  await mkdir(cacheDir, { recursive: true });
  const partial = new URL(`${RECORDS_FILE}.partial`, cacheDir);
  await writeFile(partial, JSON.stringify(records));
  await rename(partial, recordsFile(cacheDir));
}

/** Whether the loaders have handed over this build's records yet. */
export async function searchRecordsReady(cacheDir: URL): Promise<boolean> {
  return stat(recordsFile(cacheDir)).then(
    () => true,
    () => false,
  );
}

/** Takes the records the loaders wrote for this build; throws, saying why, when there are none. */
export async function takeSearchRecords(cacheDir: URL): Promise<SearchRecord[]> {
  const text = await readFile(recordsFile(cacheDir), 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') throw error;
    throw new Error(
      `the content loaders wrote no search records (${fileURLToPath(recordsFile(cacheDir))}); the issues collection must load through src/pipeline/loaders.ts`,
    );
  });
  return JSON.parse(text) as SearchRecord[];
}

/** Forgets the records of an earlier build. */
export async function forgetSearchRecords(cacheDir: URL): Promise<void> {
  await rm(recordsFile(cacheDir), { force: true });
}
