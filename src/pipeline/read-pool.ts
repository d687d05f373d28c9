/**
 * Reads many content files on every core. Reading a file (validating and rendering it) is the
 * bulk of a first read and needs nothing from the others, so the main thread and one worker
 * thread per other core (`read-worker.ts`) each take the next few files until none are left;
 * the results come back in the files' order, the same as one thread would make them.
 *
 * A first read of a large archive is what it is for (a build, `npm run check`, the dev server's
 * start); an edit's read of one file stays on the main thread. A worker that fails leaves its
 * files to the main thread.
 */
import { Worker } from 'node:worker_threads';
import {
  fileReader,
  type FileJob,
  type FileReader,
  type FileResult,
  type PassValues,
  type ReadContext,
  type ReadPass,
} from './file-readers.ts';

type Result = FileResult<PassValues[ReadPass['kind']]>;

/** A worker's task: a pass (by id, to reuse its reader) and the files to read in it. */
export interface ReadTask {
  id: number;
  passId: number;
  pass: ReadPass;
  jobs: FileJob[];
}

export interface ReadReply {
  id: number;
  results?: Result[];
  error?: string;
}

/** Files taken at a time: few enough to share the work evenly, enough to keep messages few. */
const CHUNK = 8;

/** Chunks each worker holds at once, so it starts the next while its last results travel. */
const IN_FLIGHT = 2;

export interface ReadPool {
  /** Reads the files of one pass; results in the files' order. */
  read<Pass extends ReadPass>(pass: Pass, jobs: readonly FileJob[]): Promise<FileResult<PassValues[Pass['kind']]>[]>;
  /** Lets the workers end. */
  close(): void;
}

interface PoolWorker {
  worker: Worker;
  pending: Map<number, { resolve: (results: Result[]) => void; reject: (error: Error) => void }>;
  failure?: Error;
}

/**
 * Starts `workers` worker threads reading against `context`; the main thread reads beside them
 * unless `mainThreadReads` is false (then it reads only what a failed worker leaves).
 */
export function startReadPool(context: ReadContext, workers: number, { mainThreadReads = true } = {}): ReadPool {
  const pool = Array.from({ length: workers }, () => startWorker(context));
  let tasks = 0;
  let passes = 0;
  return {
    async read<Pass extends ReadPass>(pass: Pass, jobs: readonly FileJob[]) {
      type PassResult = FileResult<PassValues[Pass['kind']]>;
      const passId = passes++;
      const results: PassResult[] = new Array<PassResult>(jobs.length);
      let next = 0;
      const take = () => {
        const start = next;
        next = Math.min(jobs.length, next + CHUNK);
        return start;
      };
      let readHere: FileReader<Pass['kind']> | undefined;
      const here = (start: number, end: number) => {
        readHere ??= fileReader(context, pass);
        for (let index = start; index < end; index++) results[index] = readHere(jobs[index] as FileJob);
      };
      const feed = async (entry: PoolWorker) => {
        while (next < jobs.length && !entry.failure) {
          const start = take();
          const end = next;
          try {
            const read = await send(entry, { id: tasks++, passId, pass, jobs: jobs.slice(start, end) });
            read.forEach((result, offset) => (results[start + offset] = result as PassResult));
          } catch {
            here(start, end);
          }
        }
      };
      const feeding = pool.flatMap((entry) => Array.from({ length: IN_FLIGHT }, () => feed(entry)));
      while (mainThreadReads && next < jobs.length) {
        const start = take();
        here(start, next);
        // The workers' finished chunks are taken in here, and they are given their next ones.
        await new Promise((resolve) => setImmediate(resolve));
      }
      await Promise.all(feeding);
      // Left by workers that all failed.
      if (next < jobs.length) here(next, jobs.length);
      return results;
    },
    close() {
      for (const { worker } of pool) worker.postMessage('close');
    },
  };
}

function startWorker(context: ReadContext): PoolWorker {
  const worker = new Worker(new URL('./read-worker.ts', import.meta.url), { workerData: context });
  const entry: PoolWorker = { worker, pending: new Map() };
  // An idle worker never keeps the process running.
  worker.unref();
  worker.on('message', ({ id, results, error }: ReadReply) => {
    const task = entry.pending.get(id);
    entry.pending.delete(id);
    if (results) task?.resolve(results);
    else task?.reject(new Error(error));
  });
  const stopped = (error: Error) => {
    entry.failure ??= error;
    for (const task of entry.pending.values()) task.reject(entry.failure);
    entry.pending.clear();
  };
  worker.on('error', stopped);
  worker.on('exit', (code) => stopped(new Error(`a content reading worker stopped (exit code ${code})`)));
  return entry;
}

function send(entry: PoolWorker, task: ReadTask): Promise<Result[]> {
  if (entry.failure) return Promise.reject(entry.failure);
  return new Promise((resolve, reject) => {
    entry.pending.set(task.id, { resolve, reject });
    entry.worker.postMessage(task);
  });
}
