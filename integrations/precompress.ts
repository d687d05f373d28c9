/**
 * Writes a gzip and a Brotli copy beside every text file of a built site (`page.html.gz`,
 * `page.html.br`), for hosts that send them as they are (nginx's `gzip_static` and
 * `brotli_static`) instead of compressing each response. Files are compressed on libuv's thread
 * pool, several at a time, so every core works; a copy no smaller than its file is not written.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { isPrecompressed, isWorthKeeping } from '../src/lib/hosting/compression.ts';

const gzip = promisify(zlib.gzip);
const brotliCompress = promisify(zlib.brotliCompress);

/**
 * Brotli's quality and gzip's level: the ones above them cost far more CPU for a few percent (gzip:
 * a fraction of a percent) fewer bytes; bench/REPORT.md has the figures.
 */
const BROTLI_QUALITY = 5;
const GZIP_LEVEL = 6;
/** Files in flight at once: enough to keep libuv's four threads busy while others are read or written. */
const CONCURRENCY = 8;

export interface PrecompressSummary {
  files: number;
  bytes: number;
  gzipBytes: number;
  brotliBytes: number;
}

/**
 * Brotli's window, no larger than the file (as the brotli command-line tool chooses it): the
 * encoder sets up tables sized by the window, which for pages of a few kilobytes cost far more
 * than compressing them.
 */
function windowBits(bytes: number): number {
  const { BROTLI_MIN_WINDOW_BITS, BROTLI_MAX_WINDOW_BITS } = zlib.constants;
  return Math.min(BROTLI_MAX_WINDOW_BITS, Math.max(BROTLI_MIN_WINDOW_BITS, Math.ceil(Math.log2(bytes + 1))));
}

async function compressFile(file: string, summary: PrecompressSummary): Promise<void> {
  const data = await readFile(file);
  const [gzipped, brotli] = await Promise.all([
    gzip(data, { level: GZIP_LEVEL }),
    brotliCompress(data, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
        [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length,
        [zlib.constants.BROTLI_PARAM_LGWIN]: windowBits(data.length),
      },
    }),
  ]);
  summary.files += 1;
  summary.bytes += data.length;
  for (const [copy, suffix, key] of [
    [gzipped, '.gz', 'gzipBytes'],
    [brotli, '.br', 'brotliBytes'],
  ] as const) {
    const kept = isWorthKeeping(data.length, copy.length);
    summary[key] += kept ? copy.length : data.length;
    if (kept) await writeFile(`${file}${suffix}`, copy);
  }
}

/** The text files under `root` that get compressed copies, as paths inside it. */
export async function compressibleFiles(root: string): Promise<string[]> {
  return (await readdir(root, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile() && isPrecompressed(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** Compresses the files; returns how many and the bytes before and after. */
export async function precompressFiles(files: readonly string[]): Promise<PrecompressSummary> {
  const summary: PrecompressSummary = { files: 0, bytes: 0, gzipBytes: 0, brotliBytes: 0 };
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const file = files[next++] as string;
      await compressFile(file, summary);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return summary;
}

/** Two summaries as one. */
export function addSummaries(a: PrecompressSummary, b: PrecompressSummary): PrecompressSummary {
  return {
    files: a.files + b.files,
    bytes: a.bytes + b.bytes,
    gzipBytes: a.gzipBytes + b.gzipBytes,
    brotliBytes: a.brotliBytes + b.brotliBytes,
  };
}
