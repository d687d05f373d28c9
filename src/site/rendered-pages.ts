/**
 * Each page of a build, handed over the moment Astro has rendered it, with the bytes Astro then
 * writes: the hosting step compresses it and reads its policy, the sitemap reads its links, while
 * the next pages render, instead of reading every file back once the last is written.
 *
 * The middleware renders in the pages' module graph, the integrations listen in the
 * configuration's: they meet in one object kept on `globalThis` (as in `content-hub.ts`).
 */

/** A rendered page: its path on the site (the base path taken off), its bytes, and its text up to `</head>`. */
export interface RenderedPage {
  sitePath: string;
  bytes: Uint8Array;
  head: string;
}

const HEAD_END = new TextEncoder().encode('</head>');

/** The text of a page up to its `</head>` (all of it without one: a feed, a page without a head). */
function headOf(bytes: Uint8Array): string {
  const end = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(HEAD_END);
  return new TextDecoder().decode(end < 0 ? bytes : bytes.subarray(0, end + HEAD_END.length));
}

type Listener = (page: RenderedPage) => void;

const LISTENERS = Symbol.for('openstack-digest.rendered-pages');

function listeners(): Set<Listener> {
  const global = globalThis as typeof globalThis & { [LISTENERS]?: Set<Listener> };
  global[LISTENERS] ??= new Set();
  return global[LISTENERS];
}

/** Calls `listener` with every page rendered from now on, until the returned function is called. */
export function onRenderedPage(listener: Listener): () => void {
  const all = listeners();
  all.add(listener);
  return () => all.delete(listener);
}

/**
 * Hands a rendered response's bytes to the listeners and returns a response of the same bytes,
 * status and headers, which Astro writes: the body is read once (a copy of a stream of many small
 * chunks would cost the build more than its compression). With no one listening (the dev server),
 * the response itself is returned, unread.
 */
export async function shareRenderedPage(sitePath: string, response: Response): Promise<Response> {
  const all = listeners();
  if (all.size === 0 || !response.ok || !response.body) return response;
  const bytes = new Uint8Array(await response.arrayBuffer());
  const page = { sitePath, bytes, head: headOf(bytes) };
  for (const listener of all) listener(page);
  return new Response(bytes, { status: response.status, statusText: response.statusText, headers: response.headers });
}

/**
 * The file Astro writes a page's path to (`build.format: 'directory'`): a folder's `index.html`,
 * or the file an endpoint names. The listeners check it against what was written.
 * @example builtFileOf('/issues/8/') // 'issues/8/index.html'
 * @example builtFileOf('/rss.xml') // 'rss.xml'
 */
export function builtFileOf(sitePath: string): string {
  const file = sitePath.replace(/^\/+/, '');
  return file === '' || file.endsWith('/') ? `${file}index.html` : file;
}
