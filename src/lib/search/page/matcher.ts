/**
 * The one text matcher the search page ranks and marks excerpts with, so that whatever ranks a
 * result also lights up in its excerpt: text and query are compared NFKC-normalized (full-width
 * `Ｖ３` is `V3`), case-insensitive, with any run of whitespace as one space; a query that starts
 * with a Latin letter or digit must start a word (as a word index finds words by their beginning).
 * Matches are reported in the text's own characters. Pure.
 */

import { nameKey } from '../names.ts';

/** A character that belongs to a Latin word: queries starting with one must start a word. */
export const WORD_CHAR = /[\p{Script=Latin}\p{Nd}]/u;

/** How many texts `normalizeForMatch` remembers: more than a page of results has sections. */
const RECENT_TEXTS = 256;
const recentlyNormalized = new Map<string, string>();

/**
 * The form text and queries are compared in.
 * @example normalizeForMatch(' Keystone\n  Ｖ３ ') // 'keystone v3'
 */
export function normalizeForMatch(text: string): string {
  const known = recentlyNormalized.get(text);
  if (known !== undefined) return known;
  // The form registry names are compared in, too: one rule for both.
  const normalized = nameKey(text);
  // Ranking asks of one section's text once per query form and word: it is normalized once.
  if (recentlyNormalized.size >= RECENT_TEXTS) recentlyNormalized.delete(recentlyNormalized.keys().next().value ?? '');
  recentlyNormalized.set(text, normalized);
  return normalized;
}

/** A text prepared for matching: its compared form, and for each character of it, where it came from in the text. */
export interface Matchable {
  text: string;
  /** `normalizeForMatch(text)`, or close to it where normalizing joins characters. */
  folded: string;
  /**
   * `origins[i]` is the offset in `text` of `folded[i]`; one more entry gives where the last one
   * ends (trailing whitespace left out).
   */
  origins: number[];
}

/** Prepares a text for `findMatches`. @example toMatchable('Ａ  b').folded // 'a b' */
export function toMatchable(text: string): Matchable {
  const whole = text.normalize('NFKC').toLowerCase();
  // Normalizing almost always maps character to character: then only whitespace runs fold, found
  // by one pattern; where it does not, each character is mapped alone.
  return whole.length === text.length ? foldSpaces(text, whole) : foldEach(text);
}

/** `toMatchable` of a text whose normalized form `whole` maps it character to character. */
function foldSpaces(text: string, whole: string): Matchable {
  const pieces: string[] = [];
  const origins: number[] = [];
  // Both halves of a surrogate pair come from where the character starts.
  const originOf = (at: number) =>
    at > 0 && isLowSurrogate(whole.charCodeAt(at)) && isHighSurrogate(whole.charCodeAt(at - 1)) ? at - 1 : at;
  let from = 0;
  // Where the last character kept ends: before any trailing whitespace.
  let end = 0;
  for (const space of whole.matchAll(/\s+/g)) {
    for (let at = from; at < space.index; at += 1) origins.push(originOf(at));
    pieces.push(whole.slice(from, space.index));
    if (space.index > from) end = space.index;
    from = space.index + space[0].length;
    // A run of whitespace is one space, and none at either end.
    if (origins.length && from < whole.length) {
      pieces.push(' ');
      origins.push(space.index);
    }
  }
  for (let at = from; at < whole.length; at += 1) origins.push(originOf(at));
  pieces.push(whole.slice(from));
  origins.push(from < whole.length ? whole.length : end);
  return { text, folded: pieces.join(''), origins };
}

const isHighSurrogate = (unit: number) => unit >= 0xd800 && unit <= 0xdbff;
const isLowSurrogate = (unit: number) => unit >= 0xdc00 && unit <= 0xdfff;

/** `toMatchable` character by character, for a text that normalizing changes in length. */
function foldEach(text: string): Matchable {
  let folded = '';
  const origins: number[] = [];
  let at = 0;
  let end = 0;
  for (const char of text) {
    const form = char.normalize('NFKC').toLowerCase();
    if (/^\s+$/.test(form)) {
      if (folded && !folded.endsWith(' ')) {
        folded += ' ';
        origins.push(at);
      }
    } else {
      for (const unit of form.split('')) {
        folded += unit;
        origins.push(at);
      }
      end = at + char.length;
    }
    at += char.length;
  }
  if (folded.endsWith(' ')) {
    folded = folded.slice(0, -1);
    origins.pop();
  }
  origins.push(end);
  return { text, folded, origins };
}

export interface MatchOptions {
  /** A query ending in a Latin letter or digit must end a word too. */
  wholeWord?: boolean;
  /** Stop after this many matches. */
  limit?: number;
}

/** Where a normalized needle occurs in a normalized haystack, under the word rules. */
function* occurrences(
  haystack: string,
  needle: string,
  { wholeWord = false, limit = Number.POSITIVE_INFINITY }: MatchOptions,
): Generator<number> {
  if (!needle) return;
  const wordStart = WORD_CHAR.test(needle[0] ?? '');
  const wordEnd = wholeWord && WORD_CHAR.test(needle.at(-1) ?? '');
  let found = 0;
  for (let at = haystack.indexOf(needle); at >= 0 && found < limit; at = haystack.indexOf(needle, at + 1)) {
    const startsWord = !wordStart || at === 0 || !WORD_CHAR.test(haystack[at - 1] ?? '');
    const endsWord = !wordEnd || !WORD_CHAR.test(haystack[at + needle.length] ?? '');
    if (startsWord && endsWord) {
      found += 1;
      yield at;
    }
  }
}

/**
 * Where a text holds the query, as spans of the text's own characters.
 * @example findMatches(toMatchable('Keystone Ｖ３ API'), 'v3') // [{ start: 9, end: 11 }]
 */
export function findMatches(matchable: Matchable, query: string, options: MatchOptions = {}): { start: number; end: number }[] {
  const needle = normalizeForMatch(query);
  const { folded, origins } = matchable;
  return [...occurrences(folded, needle, options)].map((at) => ({
    start: origins[at] ?? 0,
    // The end of the last matched character: where the next one starts.
    end: origins[at + needle.length] ?? matchable.text.length,
  }));
}

/**
 * How many times a text holds the query (overlapping occurrences count once each); counting stops at `limit`.
 * @example countQuery('Nova, nova-scheduler and Novas', 'nova') // 3
 */
export function countQuery(text: string, query: string, options: MatchOptions = {}): number {
  let count = 0;
  for (const _ of occurrences(normalizeForMatch(text), normalizeForMatch(query), options)) count += 1;
  return count;
}

/**
 * Whether a text holds the query.
 * @example containsQuery('关于Nova中（nova-scheduler）', 'Nova-Scheduler') // true
 * @example containsQuery('OpenStack2014UserSurvey', 'users') // false
 */
export function containsQuery(text: string, query: string, options: Omit<MatchOptions, 'limit'> = {}): boolean {
  return countQuery(text, query, { ...options, limit: 1 }) > 0;
}
