/**
 * Pagefind's entry file with the index's metadata under a fixed name. Pagefind names the metadata
 * by its hash, known only once the index is written, after the pages are; the pages then could
 * not ask for it when a search box is focused, and a first search would wait one more round of
 * requests for the entry to name it (`../page/startup.ts`). The metadata keeps its bytes; its name
 * no longer changes with them, so hosts revalidate it before each use (src/lib/hosting/).
 */
import { SEARCH_INDEX_LANGUAGE } from '../contract.ts';
import { metadataFile, wasmFile } from '../page/startup.ts';

/** What the build reads of Pagefind's entry file. */
interface EntryIndex {
  hash: string;
  wasm?: string | null;
}

/** The entry rewritten, and the metadata file to rename (names within the bundle). */
export interface PinnedEntry {
  entry: string;
  metadata: { from: string; to: string };
}

const fail = (why: string): never => {
  throw new Error(
    `Pagefind's entry file (pagefind-entry.json) ${why}: the search page could not preload the index. Fix: check src/lib/search/index/entry.ts and src/lib/search/page/startup.ts against the Pagefind version installed.`,
  );
};

/**
 * Gives the index of `language` its fixed metadata name: the entry's `hash` becomes the language
 * (Pagefind loads `pagefind.<hash>.pf_meta`), and the file is to be renamed to match. Fails when
 * the entry is not as Pagefind 1.6 writes it, or names other WebAssembly than the pages preload.
 * @example pinIndexEntry('{"languages":{"zh-cn":{"hash":"zh-cn_4658","wasm":null}}}').metadata // { from: 'pagefind.zh-cn_4658.pf_meta', to: 'pagefind.zh-cn.pf_meta' }
 */
export function pinIndexEntry(text: string, language = SEARCH_INDEX_LANGUAGE): PinnedEntry {
  let parsed: { languages?: Record<string, EntryIndex> };
  try {
    parsed = JSON.parse(text) as typeof parsed;
  } catch {
    return fail('is not JSON');
  }
  const index = parsed.languages?.[language];
  if (!index || typeof index.hash !== 'string' || !/^[\w-]+$/.test(index.hash)) return fail(`has no index "${language}" with a hash`);
  const stemmer = typeof index.wasm === 'string' ? index.wasm : null;
  if (wasmFile(stemmer) !== wasmFile()) return fail(`names the WebAssembly ${wasmFile(stemmer)}, not ${wasmFile()}`);
  const to = metadataFile(language);
  const from = `pagefind.${index.hash}.pf_meta`;
  const languages = { ...parsed.languages, [language]: { ...index, hash: language } };
  return { entry: JSON.stringify({ ...parsed, languages }), metadata: { from, to } };
}
