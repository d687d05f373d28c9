/**
 * The files a first search needs before it can run, named so the page can ask for them all at
 * once when the reader focuses a search box. Left to itself, Pagefind fetches its script, then its
 * entry file, then the metadata and WebAssembly the entry names: three rounds of requests, each
 * a full round trip on a phone's network, before the index chunks of the words and then the
 * fragments of the results. The build gives the metadata a fixed name (`../index/entry.ts`), so
 * every name is known when the page is built; only the cache tag in the entry's address, which
 * Pagefind sends so that each visit reads the current entry (`metaCacheTag`), is chosen in the
 * browser, where the slot is. Pure; the names follow Pagefind 1.6's bundle layout.
 */
import { SEARCH_INDEX_LANGUAGE, SEARCH_VOCABULARY_FILE } from '../contract.ts';

/** Where the browser writes the cache tag it chose into a start-up file's name. */
export const CACHE_TAG_SLOT = '{tag}';

/** Pagefind's script, imported as a module. */
export const PAGEFIND_SCRIPT = 'pagefind.js';

/**
 * The entry file's address within the bundle for a cache tag, built as Pagefind builds it (the tag
 * as it is), so that Pagefind's request matches the page's.
 * @example entryFile('1795339608277') // 'pagefind-entry.json?ts=1795339608277'
 */
export function entryFile(cacheTag: string): string {
  return `pagefind-entry.json?ts=${cacheTag}`;
}

/**
 * The fixed name the build gives an index's metadata (Pagefind names it by its hash, which only
 * the finished index knows). It is revalidated on every visit, like the entry file.
 * @example metadataFile('zh-cn') // 'pagefind.zh-cn.pf_meta'
 */
export function metadataFile(language = SEARCH_INDEX_LANGUAGE): string {
  return `pagefind.${language}.pf_meta`;
}

/**
 * Pagefind's WebAssembly for an index: the one with the stemmer the entry names, or the one
 * without any (`unknown`) when it names none, as for Chinese. The build checks the entry names
 * what this says (`../index/entry.ts`).
 * @example wasmFile(null) // 'wasm.unknown.pagefind'
 */
export function wasmFile(stemmer: string | null = null): string {
  return `wasm.${stemmer ?? 'unknown'}.pagefind`;
}

/**
 * The archive's search vocabulary (what widens queries) for a cache tag: read with the index, and
 * revalidated with it on each visit.
 * @example vocabularyFile('17') // 'vocabulary.json?ts=17'
 */
export function vocabularyFile(cacheTag: string): string {
  return `${SEARCH_VOCABULARY_FILE}?ts=${cacheTag}`;
}

/**
 * Every file a first search fetches before it can search, within the bundle, the cache tag in its
 * slot, in the order they are asked for. Over HTTP/1.1 a browser opens six connections to a host:
 * a request beyond them (the page's icon or the search code may hold some) waits for one to be
 * free, and the last asked for is the one that waits. So the search vocabulary comes first (the
 * index chunks a query needs are asked for the moment it is here), then the index's metadata,
 * Pagefind's script and its WebAssembly, and the entry file last: it is the smallest, and Pagefind
 * reads it only to start, which waits for the WebAssembly anyway.
 * @example startupFiles() // ['vocabulary.json?ts={tag}', 'pagefind.zh-cn.pf_meta', 'pagefind.js', 'wasm.unknown.pagefind', 'pagefind-entry.json?ts={tag}']
 */
export function startupFiles(language = SEARCH_INDEX_LANGUAGE): string[] {
  return [vocabularyFile(CACHE_TAG_SLOT), metadataFile(language), PAGEFIND_SCRIPT, wasmFile(), entryFile(CACHE_TAG_SLOT)];
}
