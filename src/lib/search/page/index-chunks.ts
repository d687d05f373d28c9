/**
 * The index chunks a search will need, worked out as Pagefind works them out, but from the index's
 * layout in the search vocabulary (`IndexLayout`) instead of its metadata and WebAssembly: the page
 * asks for them the moment it has the query and the vocabulary, while Pagefind is still loading,
 * which saves a first search a round of requests. A wrong guess costs a download, never a result:
 * Pagefind still asks for what it needs. Pure; follows Pagefind 1.6 (pinned): its search's
 * normalization of the term (`pagefind.js`) and its choice of chunks (`request_indexes`).
 */
import { SEARCH_INDEX_LANGUAGE, type IndexLayout } from '../contract.ts';

const PUNCTUATION = /^[\p{Pd}\p{Pe}\p{Pf}\p{Pi}\p{Po}\p{Ps}]$/u;

/**
 * The words Pagefind looks up for a search term: its words as the index's language segments them,
 * punctuation dropped, in lower case, without diacritics.
 * @example pagefindWords('Keystone V2 认证') // ['keystone', 'v2', '认证']
 */
export function pagefindWords(term: string, language: string = SEARCH_INDEX_LANGUAGE): string[] {
  const graphemes = new Intl.Segmenter(language, { granularity: 'grapheme' });
  const words = new Intl.Segmenter(language, { granularity: 'word' });
  const kept = [...words.segment(term)].map(({ segment }) =>
    [...graphemes.segment(segment)]
      .map(({ segment: grapheme }) => grapheme)
      .filter((grapheme) => !PUNCTUATION.test(grapheme))
      .map((grapheme) => grapheme.toLocaleLowerCase())
      .join(''),
  );
  // Pagefind also folds runs of other whitespace: a term has none, its words being joined by spaces.
  return kept
    .join(' ')
    .split(' ')
    .map(withoutDiacritics)
    .filter((word) => word);
}

/** A word without its combining marks, but for the kana voicing marks, which stay composed. */
function withoutDiacritics(word: string): string {
  const stripped = word.normalize('NFD').replace(/(?![\u3099\u309A])\p{M}/gu, '');
  return /[\u3099\u309A]/.test(stripped) ? stripped.normalize('NFC') : stripped;
}

/**
 * The chunks Pagefind loads for these words: for each, the chunk whose range holds it; when no
 * word falls in any, the chunks whose range could hold a word starting with it, or one it starts.
 * @example chunksForWords(['nova'], [['a', 'm', 'one'], ['n', 'z', 'two']]) // ['two']
 */
export function chunksForWords(words: readonly string[], chunks: IndexLayout['chunks']): string[] {
  const find = (loose: boolean) =>
    words.flatMap((word) => {
      const chunk = chunks.find(([from, to]) =>
        loose
          ? word.slice(0, from.length) >= from.slice(0, word.length) && word.slice(0, to.length) <= to.slice(0, word.length)
          : word >= from && word <= to,
      );
      return chunk ? [chunk[2]] : [];
    });
  const strict = find(false);
  return [...new Set(strict.length || !words.length ? strict : find(true))].sort();
}

/** The chunks every search term of the list needs, once each. */
export function chunksForTerms(terms: readonly string[], layout: IndexLayout): string[] {
  return [...new Set(terms.flatMap((term) => chunksForWords(pagefindWords(term), layout.chunks)))];
}
