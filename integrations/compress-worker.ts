/**
 * A worker of `precompress.ts`: writes the gzip and Brotli copies of the files it is sent, on
 * its own thread at the lowest CPU priority (on Linux a thread's priority is its own), so the rest
 * of the build goes first.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { setPriority } from 'node:os';
import path from 'node:path';
import { parentPort } from 'node:worker_threads';
import zlib from 'node:zlib';
import { isWorthKeeping } from '../src/lib/hosting/compression.ts';
import type { PrecompressSummary } from './precompress.ts';

export interface CompressJob {
  id: number;
  file: string;
  bytes?: Uint8Array | undefined;
}

export interface CompressReply {
  id: number;
  summary?: PrecompressSummary;
  error?: string;
}

/**
 * Brotli's quality and gzip's level: the ones above them cost far more CPU for a few percent (gzip:
 * a fraction of a percent) fewer bytes; bench/REPORT.md has the figures.
 */
const BROTLI_QUALITY = 5;
const GZIP_LEVEL = 6;

/**
 * Brotli's window, no larger than the file (as the brotli command-line tool chooses it): the
 * encoder sets up tables sized by the window, which for pages of a few kilobytes cost far more
 * than compressing them.
 */
function windowBits(bytes: number): number {
  const { BROTLI_MIN_WINDOW_BITS, BROTLI_MAX_WINDOW_BITS } = zlib.constants;
  return Math.min(BROTLI_MAX_WINDOW_BITS, Math.max(BROTLI_MIN_WINDOW_BITS, Math.ceil(Math.log2(bytes + 1))));
}

function writeCopies(file: string, data: Uint8Array): PrecompressSummary {
  const copies = [
    ['.gz', zlib.gzipSync(data, { level: GZIP_LEVEL }), 'gzipBytes'],
    [
      '.br',
      zlib.brotliCompressSync(data, {
        params: {
          [zlib.constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
          [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
          [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length,
          [zlib.constants.BROTLI_PARAM_LGWIN]: windowBits(data.length),
        },
      }),
      'brotliBytes',
    ],
  ] as const;
  const summary: PrecompressSummary = { files: 1, bytes: data.length, gzipBytes: 0, brotliBytes: 0 };
  mkdirSync(path.dirname(file), { recursive: true });
  for (const [suffix, copy, key] of copies) {
    const kept = isWorthKeeping(data.length, copy.length);
    summary[key] += kept ? copy.length : data.length;
    if (kept) writeFileSync(`${file}${suffix}`, copy);
  }
  return summary;
}

try {
  // Linux and Android set a thread's own priority; elsewhere this may lower the whole build's, which costs nothing but order.
  setPriority(19);
} catch {
  // Not allowed here: the copies are made at the usual priority.
}

parentPort?.on('message', ({ id, file, bytes }: CompressJob) => {
  try {
    parentPort?.postMessage({ id, summary: writeCopies(file, bytes ?? readFileSync(file)) } satisfies CompressReply);
  } catch (error) {
    parentPort?.postMessage({ id, error: `${file}: ${(error as Error).message}` } satisfies CompressReply);
  }
});
