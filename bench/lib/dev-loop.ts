/**
 * The editors' loop, timed: `npm run dev` on an archive until it answers, each page's first and
 * second response, and an edit saved to one issue until that issue's page answers with the new
 * words. The same steps on the peer's dev server, with its copy of the same issue.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { startDevServer, type DevServerOptions } from '../../tests/helpers/dev-server.ts';
import { spread, type Spread } from './stats.ts';

export interface DevLoopTarget {
  root?: string;
  env?: Record<string, string>;
  readyPath?: string;
  /** Pages a reader or editor opens, each asked for once cold and once again. */
  pages: readonly string[];
  /** The issue file edited, and its page. */
  editedFile: string;
  editedPage: string;
}

export interface DevLoopFigures {
  /** From starting the server until it answers. */
  startMs: number;
  /** Each page's first response (the route's modules compiled on first use), in the order of `pages`. */
  firstResponseMs: Spread;
  /** Each page asked for again. */
  responseMs: Spread;
  /** From saving an edit until the edited page's response holds it. */
  editToPageMs: Spread;
}

const EDITS = 5;
const POLL_MS = 10;

async function timedFetch(url: string): Promise<{ ms: number; body: string; status: number }> {
  const started = performance.now();
  const response = await fetch(url);
  const body = await response.text();
  return { ms: performance.now() - started, body, status: response.status };
}

/** Asks for `url` until its body holds `words`; the time from `since`. */
async function untilPageHolds(url: string, words: string, since: number, timeoutMs = 60_000): Promise<number> {
  for (;;) {
    const { body } = await timedFetch(url);
    const now = performance.now();
    if (body.includes(words)) return now - since;
    if (now - since > timeoutMs) throw new Error(`${url} did not show an edit within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** Runs the loop on one dev server; the edited file is restored afterwards. */
export async function measureDevLoop(target: DevLoopTarget): Promise<DevLoopFigures> {
  const options: DevServerOptions = {
    ...(target.root ? { root: target.root } : {}),
    ...(target.readyPath ? { readyPath: target.readyPath } : {}),
  };
  const launched = performance.now();
  const server = await startDevServer(target.env ?? {}, options);
  const startMs = performance.now() - launched;
  const original = await readFile(target.editedFile, 'utf8');
  try {
    const first: number[] = [];
    const again: number[] = [];
    for (const page of target.pages) {
      const response = await timedFetch(`${server.url}${page}`);
      if (response.status !== 200) throw new Error(`${page}: status ${response.status} in dev`);
      first.push(response.ms);
    }
    for (const page of target.pages) again.push((await timedFetch(`${server.url}${page}`)).ms);
    const edits: number[] = [];
    for (let edit = 1; edit <= EDITS; edit += 1) {
      const words = `devloop${edit}x${Date.now().toString(36)}`;
      await writeFile(target.editedFile, `${original.trimEnd()}\n\n${words}\n`);
      edits.push(await untilPageHolds(`${server.url}${target.editedPage}`, words, performance.now()));
    }
    return { startMs, firstResponseMs: spread(first), responseMs: spread(again), editToPageMs: spread(edits) };
  } finally {
    await writeFile(target.editedFile, original);
    await server.stop();
  }
}
