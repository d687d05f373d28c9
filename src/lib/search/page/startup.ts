/**
 * The files Pagefind's start-up downloads, so the search page can ask for them together. Left to
 * itself, Pagefind fetches its script, then its entry file (addressed with a cache tag), then the
 * index's metadata and WebAssembly named there: three rounds of requests before a first search can
 * run. With a cache tag the page chooses (Pagefind's `metaCacheTag`), the entry file's address is
 * known ahead; read once by the page, it names the other two, which the page preloads while the
 * script is still loading. Pure; the names follow Pagefind 1.6's bundle layout.
 */
import { SEARCH_INDEX_LANGUAGE } from '../contract.ts';

/**
 * The entry file's address within the bundle for a cache tag, built as Pagefind builds it (the tag
 * as it is), so that Pagefind's request matches the preload. Its default tag is the time, so each
 * page visit reads the current index.
 * @example entryFile('1795339608277') // 'pagefind-entry.json?ts=1795339608277'
 */
export function entryFile(cacheTag: string): string {
  return `pagefind-entry.json?ts=${cacheTag}`;
}

/** What the page reads of the entry file: per index language, its metadata's hash and its WebAssembly's language. */
interface PagefindEntry {
  languages: Record<string, { hash: string; wasm?: string | null }>;
}

function isEntry(value: unknown): value is PagefindEntry {
  const languages = (value as Partial<PagefindEntry> | null)?.languages;
  return typeof languages === 'object' && languages !== null;
}

const isFileName = (part: unknown): part is string => typeof part === 'string' && /^[\w-]+$/.test(part);

/**
 * The metadata and WebAssembly files Pagefind's start-up fetches after the entry file, within
 * the bundle: those of the site's one index (Pagefind falls back to the largest index when none
 * matches the page's language, and there is only this one). None when the entry is not as expected.
 * @example startupFiles({ languages: { 'zh-cn': { hash: 'zh-cn_4658ecd', wasm: null } } }) // ['pagefind.zh-cn_4658ecd.pf_meta', 'wasm.unknown.pagefind']
 */
export function startupFiles(entry: unknown, language = SEARCH_INDEX_LANGUAGE): string[] {
  if (!isEntry(entry)) return [];
  const index = entry.languages[language];
  // Pagefind loads the stemmer-less WebAssembly when the index names none.
  const wasm = index?.wasm ?? 'unknown';
  if (!isFileName(index?.hash) || !isFileName(wasm)) return [];
  return [`pagefind.${index.hash}.pf_meta`, `wasm.${wasm}.pagefind`];
}
