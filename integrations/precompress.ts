/**
 * Writes a gzip and a Brotli copy beside every text file of a built site (`page.html.gz`,
 * `page.html.br`), for hosts that send them as they are (nginx's `gzip_static` and
 * `brotli_static`) instead of compressing each response; a copy no smaller than its file is not
 * written.
 *
 * The work is done by worker threads at the lowest CPU priority, one per core: pages are handed
 * to them as Astro renders them, and rendering and the search index go first. Rendering still
 * slows while they run (the cores are shared), but the build no longer waits for the copies at its
 * end; bench/REPORT.md has the phases.
 */
import { availableParallelism } from 'node:os';
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { isPrecompressed } from '../src/lib/hosting/compression.ts';
import type { CompressJob, CompressReply } from './compress-worker.ts';

export interface PrecompressSummary {
  files: number;
  bytes: number;
  gzipBytes: number;
  brotliBytes: number;
}

export const noneCompressed: PrecompressSummary = { files: 0, bytes: 0, gzipBytes: 0, brotliBytes: 0 };

/** Two summaries as one. */
export function addSummaries(a: PrecompressSummary, b: PrecompressSummary): PrecompressSummary {
  return {
    files: a.files + b.files,
    bytes: a.bytes + b.bytes,
    gzipBytes: a.gzipBytes + b.gzipBytes,
    brotliBytes: a.brotliBytes + b.brotliBytes,
  };
}

/** The text files under `root` that get compressed copies, as paths inside it. */
export async function compressibleFiles(root: string): Promise<string[]> {
  return (await readdir(root, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile() && isPrecompressed(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** Removes the copies beside `file`, if any. */
export async function removeCopies(file: string): Promise<void> {
  await Promise.all(['.gz', '.br'].map((suffix) => rm(`${file}${suffix}`, { force: true })));
}

export interface Compressor {
  /** Writes the copies of `file`: of `bytes` when given (the file may not be written yet), else of the file as read. */
  compress(file: string, bytes?: Uint8Array): Promise<PrecompressSummary>;
  /** Compresses the files; returns how many and the bytes before and after. */
  compressAll(files: readonly string[]): Promise<PrecompressSummary>;
  /** Stops the workers once their work is done. */
  close(): Promise<void>;
}

/** Starts one low-priority worker per core. */
export function createCompressor(workers = availableParallelism()): Compressor {
  const pool = Array.from({ length: Math.max(1, workers) }, () => ({
    worker: new Worker(new URL('./compress-worker.ts', import.meta.url)),
    pending: new Map<number, { resolve: (summary: PrecompressSummary) => void; reject: (error: Error) => void }>(),
    /** Why the worker stopped, once it has: its jobs, and any given to it after, fail with it. */
    failure: undefined as Error | undefined,
  }));
  for (const entry of pool) {
    const { worker, pending } = entry;
    // An idle worker does not keep the process running (a failed build exits); a busy one does.
    worker.unref();
    worker.on('message', ({ id, summary, error }: CompressReply) => {
      const job = pending.get(id);
      pending.delete(id);
      if (pending.size === 0) worker.unref();
      if (error !== undefined || !summary) job?.reject(new Error(error));
      else job?.resolve(summary);
    });
    const stopped = (error: Error) => {
      entry.failure ??= error;
      for (const job of pending.values()) job.reject(entry.failure);
      pending.clear();
    };
    worker.on('error', stopped);
    worker.on('exit', (code) => stopped(new Error(`a compression worker stopped (exit code ${code})`)));
  }
  let next = 0;
  const compress = (file: string, bytes?: Uint8Array) =>
    new Promise<PrecompressSummary>((resolve, reject) => {
      // The worker with the least work waiting, of those still running.
      const running = pool.filter((entry) => !entry.failure);
      if (running.length === 0) return reject(pool[0]?.failure ?? new Error('no compression worker is running'));
      const { worker, pending } = running.reduce((least, candidate) => (candidate.pending.size < least.pending.size ? candidate : least));
      const id = next++;
      if (pending.size === 0) worker.ref();
      pending.set(id, { resolve, reject });
      worker.postMessage({ id, file, bytes } satisfies CompressJob);
    });
  return {
    compress,
    async compressAll(files) {
      return (await Promise.all(files.map((file) => compress(file)))).reduce(addSummaries, noneCompressed);
    },
    async close() {
      await Promise.all(pool.map(({ worker }) => worker.terminate()));
    },
  };
}
