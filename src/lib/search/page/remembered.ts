/**
 * Pagefind answering from memory a search it was asked for lately. Its own module: the search
 * code's first file wraps the instance with it and stays small.
 */
import type { PagefindInstance } from './engine.ts';

/** Searches an instance remembers: enough for a search's two waves, "more", and its counts. */
const REMEMBERED_SEARCHES = 6;

/**
 * The instance, answering a search it was asked for lately from memory. The index does not change
 * under a page, and a search lists its first few issues and then the whole page from the same
 * hits: asking Pagefind again would score every hit again, on the main thread, before the first
 * few are painted. A failed search is forgotten, so asking again retries it.
 */
export function rememberingSearches(instance: PagefindInstance, kept = REMEMBERED_SEARCHES): PagefindInstance {
  const remembered = new Map<string, ReturnType<PagefindInstance['search']>>();
  return {
    search(term, options) {
      const key = JSON.stringify([term, options.filters]);
      const found = remembered.get(key) ?? instance.search(term, options);
      // The latest last: the first key is the one asked for longest ago.
      remembered.delete(key);
      remembered.set(key, found);
      for (const oldest of remembered.keys()) {
        if (remembered.size <= kept) break;
        remembered.delete(oldest);
      }
      found.catch(() => remembered.get(key) === found && remembered.delete(key));
      return found;
    },
    preload: (term, options) => instance.preload(term, options),
  };
}
