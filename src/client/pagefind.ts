/**
 * Pagefind and the archive's search vocabulary, loaded once per page on first use, for the search
 * page and the header's panel alike. Their start-up files were asked for when the reader focused
 * the box (`search-loader.ts`, which leaves the cache tag it used on the box), so these requests
 * find them on their way. As soon as the vocabulary is there, the index chunks a search needs are
 * asked for too, while Pagefind is still loading (`index-chunks.ts`).
 */
import { SEARCH_BUNDLE_DIR, searchFilters, type SearchVocabulary } from '../lib/search/contract.ts';
import type { Hit, PagefindFragment, PagefindInstance, SearchRequest } from '../lib/search/page/engine.ts';
import { formsOf, noVocabulary, readVocabulary, type QueryVocabulary } from '../lib/search/page/expand.ts';
import { chunksForTerms } from '../lib/search/page/index-chunks.ts';
import { pagefindTerm } from '../lib/search/page/query.ts';
import { rememberingSearches } from '../lib/search/page/remembered.ts';
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
    return response.ok ? readVocabulary((await response.json()) as SearchVocabulary) : noVocabulary;
  } catch {
    return noVocabulary;
  }
}

/**
 * Asks for one of Pagefind's files as its `fetch()` will, so that request finds it on its way
 * (the inlined loader asks for the start-up files likewise, with code of its own to stay inline).
 */
function askAhead(url: string): void {
  const link = Object.assign(document.createElement('link'), { rel: 'preload', as: 'fetch', crossOrigin: 'anonymous', href: url });
  document.head.append(link);
}

/** What Pagefind writes before a fragment's JSON, inside its gzip. */
const FRAGMENT_SIGNATURE = 'pagefind_dcd';

/**
 * A fragment read as Pagefind reads it, but decompressed by the browser rather than by Pagefind's
 * JavaScript, and without the excerpts and sub-results Pagefind works out for each: the page cuts
 * its own excerpts from the part that answers, and those took most of a fragment's time.
 */
async function readFragment(id: string): Promise<PagefindFragment> {
  const response = await fetch(fileHref(`${SEARCH_BUNDLE_DIR}/fragment/${id}.pf_fragment`));
  // Either failure falls back on Pagefind's own reading (`readingFragments`), which says no more.
  if (!response.ok) throw new Error(`fragment ${id}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  // A host that sends Pagefind's files as gzip-encoded (as ours do) has the browser decompress them.
  const gzip = bytes[0] === 0x1f && bytes[1] === 0x8b;
  const text = gzip
    ? await new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).text()
    : new TextDecoder().decode(bytes);
  if (!text.startsWith(FRAGMENT_SIGNATURE)) throw new Error(`fragment ${id}`);
  const fragment = JSON.parse(text.slice(FRAGMENT_SIGNATURE.length)) as PagefindFragment;
  // Its zero-width spaces stay: the page reads the text back through `splitParts`, as it reads Pagefind's.
  return { ...fragment, url: siteAddress(fragment.url) };
}

/** A record's address as Pagefind gives it: a path from the site's root, with no doubled slash. */
const siteAddress = (url: string) => (/^(https?:)?\/\//.test(url) ? url : `/${url}`.replace(/\/+/g, '/'));

/**
 * The instance with each hit's fragment read by `readFragment`, once per fragment, falling back on
 * Pagefind's own reading should that fail (or the browser lack a gzip stream).
 */
function readingFragments(instance: PagefindInstance): PagefindInstance {
  if (typeof DecompressionStream === 'undefined') return instance;
  const read = new Map<string, Promise<PagefindFragment>>();
  const data = (hit: Hit) => () => {
    let fragment = read.get(hit.id);
    if (!fragment) {
      fragment = readFragment(hit.id).catch(() => hit.data());
      read.set(hit.id, fragment);
    }
    return fragment;
  };
  return {
    search: async (term, options) => {
      const found = await instance.search(term, options);
      return { ...found, results: found.results.map((hit) => ({ ...hit, data: data(hit) })) };
    },
    preload: (term, options) => instance.preload(term, options),
  };
}

export interface PagefindLoader {
  /** Pagefind, ready to search, and the vocabulary: the same for every call, a new try after a failure. */
  load(): Promise<LoadedSearch>;
  /**
   * Asks for the index and filter chunks a search will need the moment the vocabulary says which,
   * without waiting for Pagefind.
   */
  askForChunks(request: Pick<SearchRequest, 'text'> & Partial<Pick<SearchRequest, 'exact' | 'projects' | 'months'>>): void;
}

/** A loader of Pagefind for the search box `input`. */
export function createPagefindLoader(input: HTMLInputElement): PagefindLoader {
  let loaded: Promise<LoadedSearch> | undefined;
  let vocabulary: Promise<QueryVocabulary> | undefined;
  const asked = new Set<string>();
  const askOnce = (file: string) => {
    if (asked.has(file)) return;
    asked.add(file);
    askAhead(fileHref(`${SEARCH_BUNDLE_DIR}/${file}`));
  };
  // The tag the loader's preloads used, so these requests are theirs (the time, should the box
  // not have been focused: each visit reads the current index).
  let tag: string | undefined;
  const cacheTag = () => (tag ??= input.dataset['searchTag'] ?? String(Date.now()));
  const loadVocabularyOnce = () => {
    vocabulary ??= loadVocabulary(cacheTag()).then((words) => {
      // Every search keeps to the page's language, by this filter.
      const hidden = words.layout.filterChunks[searchFilters.hidden];
      if (hidden) askOnce(`filter/${hidden}.pf_filter`);
      return words;
    });
    return vocabulary;
  };
  return {
    load() {
      loaded ??= (async () => {
        // The vocabulary first (asked for first, it is the first to arrive): the index chunks a
        // query needs are asked for the moment it is here, before Pagefind's script and start take
        // the main thread.
        const vocabulary = await loadVocabularyOnce();
        // A plain variable: given a template string, Vite wraps the import in its preload helper.
        const script = fileHref(`${SEARCH_BUNDLE_DIR}/${PAGEFIND_SCRIPT}`);
        const module = (await import(/* @vite-ignore */ script)) as {
          createInstance(options: object): PagefindInstance & { init(): Promise<void> };
        };
        // No web worker: it would be one more download for searches that take milliseconds.
        // Excerpts are made by the page from the part that answered: Pagefind's are not shown.
        const instance = module.createInstance({ noWorker: true, excerptLength: 8, metaCacheTag: cacheTag() });
        await instance.init();
        return { instance: rememberingSearches(readingFragments(instance)), vocabulary };
      })();
      loaded.catch(() => {
        loaded = undefined;
      });
      return loaded;
    },
    askForChunks(request) {
      void loadVocabularyOnce().then((words) => {
        const { layout } = words;
        const terms = formsOf(request, words).map((form) => pagefindTerm(form.terms));
        for (const chunk of chunksForTerms(terms, layout)) askOnce(`index/${chunk}.pf_index`);
        const filters = [...(request.projects?.length ? [searchFilters.project] : []), ...(request.months ? [searchFilters.month] : [])];
        for (const filter of filters) {
          const chunk = layout.filterChunks[filter];
          if (chunk) askOnce(`filter/${chunk}.pf_filter`);
        }
      });
    },
  };
}
