/**
 * A built site on disk: its size, pages and search index, and the typical issue page to load
 * in the browser.
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { SiteFigures } from './results.ts';

/** Issues the typical page is chosen among: the synthetic archives share their first 1,000 issues, so both sizes load the same page. */
export const typicalAmong = 1000;

/**
 * The issue whose page is of median size (the lower median for an even count; the lower number on a tie).
 * @example pickTypicalIssue([{ number: 1, bytes: 30 }, { number: 2, bytes: 10 }, { number: 3, bytes: 20 }]) // 3
 */
export function pickTypicalIssue(pages: readonly { number: number; bytes: number }[]): number {
  if (pages.length === 0) throw new Error('no issue pages to choose from');
  const sorted = [...pages].sort((a, b) => a.bytes - b.bytes || a.number - b.number);
  return (sorted[Math.floor((sorted.length - 1) / 2)] as { number: number }).number;
}

async function* walk(folder: string): AsyncGenerator<{ file: string; bytes: number }> {
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    const file = path.join(folder, entry.name);
    if (entry.isDirectory()) yield* walk(file);
    else if (entry.isFile()) yield { file, bytes: (await stat(file)).size };
  }
}

/** Sizes of a built site; `searchDir` is the search index's folder inside it (none: 0). */
export async function measureSiteFiles(distDir: string, searchDir: string): Promise<SiteFigures> {
  const figures: SiteFigures = { distBytes: 0, files: 0, pages: 0, htmlBytes: 0, searchIndexBytes: 0, searchIndexFiles: 0 };
  const searchRoot = path.join(distDir, searchDir) + path.sep;
  for await (const { file, bytes } of walk(distDir)) {
    figures.distBytes += bytes;
    figures.files += 1;
    if (file.endsWith('.html')) {
      figures.pages += 1;
      figures.htmlBytes += bytes;
    }
    if (file.startsWith(searchRoot)) {
      figures.searchIndexBytes += bytes;
      figures.searchIndexFiles += 1;
    }
  }
  return figures;
}

/** The typical issue among the first `typicalAmong`, given where an issue's page lives in the built site. */
export async function findTypicalIssue(distDir: string, numbers: readonly number[], pageFile: (number: number) => string): Promise<number> {
  const pages = [];
  for (const number of [...numbers].sort((a, b) => a - b).slice(0, typicalAmong)) {
    pages.push({ number, bytes: (await stat(path.join(distDir, pageFile(number)))).size });
  }
  return pickTypicalIssue(pages);
}
