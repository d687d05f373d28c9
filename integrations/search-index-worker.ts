/** Worker thread entry: builds the search index off the thread that renders pages. */
import { parentPort, workerData } from 'node:worker_threads';
import { buildSearchIndex } from './search-index.ts';

const { issuesDir, site, scratchDir } = workerData as { issuesDir: string; site: string; scratchDir: string };
buildSearchIndex(issuesDir, new URL(site), scratchDir).then(
  (built) => parentPort?.postMessage({ built }),
  (error: Error) => parentPort?.postMessage({ error: error.message }),
);
