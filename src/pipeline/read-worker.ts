/**
 * A worker of `read-pool.ts`: reads the content files it is sent, against the context it was
 * started with, and sends back their results.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { fileReader, type FileReader, type ReadContext } from './file-readers.ts';
import type { ReadReply, ReadTask } from './read-pool.ts';

const context = workerData as ReadContext;
const readers = new Map<number, FileReader>();

parentPort?.on('message', (task: ReadTask | 'close') => {
  if (task === 'close') return parentPort?.close();
  try {
    let reader = readers.get(task.passId);
    if (!reader) readers.set(task.passId, (reader = fileReader(context, task.pass)));
    parentPort?.postMessage({ id: task.id, results: task.jobs.map(reader) } satisfies ReadReply);
  } catch (error) {
    parentPort?.postMessage({ id: task.id, error: error instanceof Error ? error.message : String(error) } satisfies ReadReply);
  }
});
