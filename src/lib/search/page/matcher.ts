/** Matching queries against the text of search results: the one matcher ranking and excerpts share. */

/**
 * The form text and queries are compared in: Unicode-normalized, lowercase, with runs of
 * spaces as one, so "Keystone  V3" matches "keystone v3" and full-width "Ｖ３" matches "V3".
 * @example normalizeForMatch(' Keystone\n V3 ') // 'keystone v3'
 */
export function normalizeForMatch(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** A character that belongs to a Latin word: queries starting with one must start a word. */
export const WORD_CHAR = /[\p{Script=Latin}\p{Nd}]/u;

/**
 * Whether a text contains the query as typed, in the sense readers expect: case-insensitive,
 * NFKC-normalized, any run of whitespace equal to one space; a query that begins with a Latin
 * letter or digit must begin a word there (`users` is not found inside `UserSurvey`), as a word
 * index finds words by their beginning; with `wholeWord`, a query ending in one must end a word
 * too. Chinese matches anywhere.
 * @example containsQuery('关于Nova中（nova-scheduler）', 'Nova-Scheduler') // true
 * @example containsQuery('OpenStack2014UserSurvey', 'users') // false
 */
export function containsQuery(text: string, query: string, options: { wholeWord?: boolean } = {}): boolean {
  return countQuery(text, query, { ...options, limit: 1 }) > 0;
}

/**
 * How many times a text contains the query, in the sense of `containsQuery` (overlapping
 * occurrences count once each); counting stops at `limit`.
 * @example countQuery('Nova, nova-scheduler and Novas', 'nova') // 3
 */
export function countQuery(text: string, query: string, options: { wholeWord?: boolean; limit?: number } = {}): number {
  const needle = normalizeForMatch(query);
  if (!needle) return 0;
  const haystack = normalizeForMatch(text);
  const wordStart = WORD_CHAR.test(needle[0] ?? '');
  const wordEnd = options.wholeWord && WORD_CHAR.test(needle.at(-1) ?? '');
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  let count = 0;
  for (let at = haystack.indexOf(needle); at >= 0 && count < limit; at = haystack.indexOf(needle, at + 1)) {
    const startsWord = !wordStart || at === 0 || !WORD_CHAR.test(haystack[at - 1] ?? '');
    const endsWord = !wordEnd || !WORD_CHAR.test(haystack[at + needle.length] ?? '');
    if (startsWord && endsWord) count += 1;
  }
  return count;
}
