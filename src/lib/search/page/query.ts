/**
 * A query as typed, made ready for Pagefind: checked (empty, too long, nothing to search for)
 * and split into words the way Pagefind splits Chinese text, so that the same query finds the
 * same sections on every page, whatever the page's language.
 */

/** Longest query searched, in characters; longer ones get a message instead of a search. */
export const MAX_QUERY_LENGTH = 256;

export type QueryProblem = 'empty' | 'too-long' | 'no-words';

export type PreparedQuery = { ok: true; text: string; terms: string[] } | { ok: false; text: string; problem: QueryProblem };

let segmenter: Intl.Segmenter | undefined;

/**
 * Replaces unpaired surrogates with U+FFFD, so the query can go into a URL and into Pagefind.
 * @example toWellFormed('a\uD800b') // 'a\uFFFDb'
 */
export function toWellFormed(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/**
 * The words of a query, split as a Chinese word segmenter splits text: runs of Han characters
 * into words, Latin words and numbers as they are; punctuation, symbols and emoji dropped.
 * @example splitQuery('keystone v2 认证') // ['keystone', 'v2', '认证']
 * @example splitQuery('nova-scheduler') // ['nova', 'scheduler']
 */
export function splitQuery(text: string): string[] {
  segmenter ??= new Intl.Segmenter('zh-CN', { granularity: 'word' });
  return [...segmenter.segment(text)].filter((segment) => segment.isWordLike).map((segment) => segment.segment);
}

/**
 * Pagefind's search term for a query's words. Every search and every ask ahead build it here, so
 * what is asked for ahead is what the search then asks for.
 * @example pagefindTerm(['keystone', 'v2', '认证']) // 'keystone v2 认证'
 */
export function pagefindTerm(terms: readonly string[]): string {
  return terms.join(' ');
}

/**
 * Invisible format characters (zero-width spaces and joiners, the byte order mark, soft hyphens,
 * direction marks): text copied from a web page or a chat carries them inside words, where they
 * would split `nova` into `no` and `va`.
 */
const INVISIBLE = /\p{Cf}/gu;

/** Checks and splits a query. @example prepareQuery('  ') // { ok: false, text: '', problem: 'empty' } */
export function prepareQuery(raw: string): PreparedQuery {
  // Control characters (`?q=%00`, a tab) part words as a space does: nothing a reader means by them.
  const text = toWellFormed(raw)
    .replace(INVISIBLE, '')
    .replace(/[\s\p{Cc}]+/gu, ' ')
    .trim();
  if (!text) return { ok: false, text, problem: 'empty' };
  if ([...text].length > MAX_QUERY_LENGTH) return { ok: false, text, problem: 'too-long' };
  const terms = splitQuery(text);
  if (terms.length === 0) return { ok: false, text, problem: 'no-words' };
  return { ok: true, text, terms };
}
