/**
 * Pagefind and the archive's search vocabulary, loaded once per page on first use, for the search
 * page and the header's panel alike. Their start-up files were asked for when the reader focused
 * the box (`search-loader.ts`, which leaves the cache tag it used on the box), so these requests
 * find them on their way.
 */
import { emptyVocabulary, SEARCH_BUNDLE_DIR, type SearchVocabulary } from '../lib/search/contract.ts';
import type { PagefindInstance } from '../lib/search/page/engine.ts';
import { readVocabulary, type QueryVocabulary } from '../lib/search/page/expand.ts';
import { PAGEFIND_SCRIPT, vocabularyFile } from '../lib/search/page/startup.ts';
import { fileHref } from '../site/hrefs.ts';

/** Pagefind, ready to search, and what widens queries. */
export interface LoadedSearch {
  instance: PagefindInstance;
  vocabulary: QueryVocabulary;
}

/** The archive's search vocabulary (what widens queries); without it, queries are not widened. */
async function loadVocabulary(cacheTag: string): Promise<QueryVocabulary> {
  try {
    const response = await fetch(fileHref(`${SEARCH_BUNDLE_DIR}/${vocabularyFile(cacheTag)}`));
    return readVocabulary(response.ok ? ((await response.json()) as SearchVocabulary) : emptyVocabulary);
  } catch {
    return readVocabulary(emptyVocabulary);
  }
}

/** A loader of Pagefind for the search box `input`: the same instance for every call, a new try after a failure. */
export function createPagefindLoader(input: HTMLInputElement): () => Promise<LoadedSearch> {
  let loaded: Promise<LoadedSearch> | undefined;
  return () => {
    loaded ??= (async () => {
      // The tag the loader's preloads used, so these requests are theirs (the time, should the
      // box not have been focused: each visit reads the current index).
      const cacheTag = input.dataset['searchTag'] ?? String(Date.now());
      const vocabulary = loadVocabulary(cacheTag);
      // A plain variable: given a template string, Vite wraps the import in its preload helper.
      const script = fileHref(`${SEARCH_BUNDLE_DIR}/${PAGEFIND_SCRIPT}`);
      const module = (await import(/* @vite-ignore */ script)) as {
        createInstance(options: object): PagefindInstance & { init(): Promise<void> };
      };
      // No web worker: it would be one more download for searches that take milliseconds.
      // Excerpts are made by the page from the part that answered: Pagefind's are not shown.
      const instance = module.createInstance({ noWorker: true, excerptLength: 8, metaCacheTag: cacheTag });
      await instance.init();
      return { instance, vocabulary: await vocabulary };
    })();
    loaded.catch(() => {
      loaded = undefined;
    });
    return loaded;
  };
}
