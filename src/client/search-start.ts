/**
 * The addresses a search box asks for the moment it is focused. Part of the inlined search loader,
 * so it imports nothing: the slot is repeated here, and a unit test keeps it the same.
 */

/** The slot of the cache tag in a start-up file's name (`CACHE_TAG_SLOT` in startup.ts). */
export const CACHE_TAG_SLOT = '{tag}';

/**
 * The start-up files' addresses: each file the box carries (`startupFiles` in
 * src/lib/search/page/startup.ts, under the search bundle, written into the page at build time),
 * the cache tag the browser chose in its slot (one slot a file at most).
 * @example startupUrls('/pagefind/pagefind.js /pagefind/pagefind-entry.json?ts={tag}', '17') // ['/pagefind/pagefind.js', '/pagefind/pagefind-entry.json?ts=17']
 */
export function startupUrls(files: string, cacheTag: string): string[] {
  return files.replaceAll(CACHE_TAG_SLOT, cacheTag).split(' ');
}
