/**
 * A query as the search looks for it: folded (full-width letters and digits as half-width,
 * traditional Chinese characters as the simplified ones the archive writes), then widened by the
 * archive's vocabulary: where it names a release or a project by one of its names (Icehouse,
 * I版, Quantum, OpenStack Compute), the same query with each other name the archive holds is
 * looked for too, after the query itself. Asked for the words exactly as typed, it is folded but
 * not widened. Pure: the vocabulary comes in as data (`SearchVocabulary` in `../contract.ts`).
 */
import { emptyVocabulary, unpackLayout, VOCABULARY_FORM, type IndexLayout, type SearchVocabulary } from '../contract.ts';
import { nameKey } from '../names.ts';
import { containsQuery } from './matcher.ts';
import { splitQuery } from './query.ts';
import type { SearchRequest } from './engine.ts';

/** One way of writing the query that the search looks for. */
export interface QueryForm {
  /** What a part holding it as a whole holds: the query folded, or with another name in place of the one it used. */
  text: string;
  /** Its words for Pagefind. */
  terms: string[];
  /**
   * What a part must hold all of, short of `text`: its words, another name counting as one. The
   * last may still be being typed, so it finds longer words, but with the symbols of a name the
   * query has after it: `C++` is no word starting with C, `nova-` no `novaclient`.
   */
  words: string[];
  /** Its words parted by spaces or commas when it has several: an issue holding them in different sections still answers, last. */
  apart: string[];
  /** The other name looked for instead of what the query said (absent for the query itself). */
  name?: string;
  /** Whether Pagefind is asked for it as a phrase: another name alone, of several words. */
  phrase?: boolean;
}

/** Other names looked for at most, besides the query: each costs a search. */
export const MAX_OTHER_NAMES = 3;

/** A vocabulary ready for queries. */
export interface QueryVocabulary {
  /** Traditional or variant character → the simplified one the archive writes. */
  variants: ReadonlyMap<string, string>;
  /** Every name (`nameKey` form) → the concept's index. */
  names: ReadonlyMap<string, number>;
  /** Per concept, the forms the archive holds, as the registry writes them, in its order. */
  present: readonly (readonly string[])[];
  /** The most words a name has. */
  longest: number;
  /** Where the index keeps each word and filter. */
  layout: IndexLayout;
}

/** A vocabulary that widens nothing, when none is given. */
export const noVocabulary: QueryVocabulary = readVocabulary(emptyVocabulary);

/** Reads a vocabulary as the page loaded it; a malformed one widens nothing. */
export function readVocabulary(vocabulary: Partial<SearchVocabulary>): QueryVocabulary {
  const variants = new Map<string, string>();
  const characters = [...(typeof vocabulary.variants === 'string' ? vocabulary.variants : '')];
  for (let index = 0; index + 1 < characters.length; index += 2) variants.set(characters[index] as string, characters[index + 1] as string);
  const names = new Map<string, number>();
  const present: string[][] = [];
  let longest = 0;
  const { separator, mention, present: held } = VOCABULARY_FORM;
  for (const concept of Array.isArray(vocabulary.concepts) ? vocabulary.concepts : []) {
    if (typeof concept !== 'string') continue;
    const index = present.length;
    const forms: string[] = [];
    for (const entry of concept.split(separator)) {
      const isName = !entry.startsWith(mention);
      const rest = isName ? entry : entry.slice(mention.length);
      const form = rest.startsWith(held) ? rest.slice(held.length) : rest;
      if (form !== rest) forms.push(form);
      if (!isName || !form) continue;
      const key = nameKey(form);
      if (!names.has(key)) names.set(key, index);
      longest = Math.max(longest, key.split(' ').length);
    }
    present.push(forms);
  }
  return { variants, names, present, longest, layout: unpackLayout(vocabulary.layout) };
}

/**
 * The query as the archive writes it: NFKC (full-width `ＮＯＶＡ` as `NOVA`), each traditional or
 * variant character the vocabulary knows as its simplified form.
 * @example foldQuery('雲計算 ＮＯＶＡ', vocabulary) // '云计算 NOVA'
 */
export function foldQuery(text: string, vocabulary: Pick<QueryVocabulary, 'variants'>): string {
  let folded = '';
  for (const character of text.normalize('NFKC')) folded += vocabulary.variants.get(character) ?? character;
  return folded;
}

/**
 * The query (folded: full-width punctuation is ASCII by then) without the sentence punctuation,
 * quotes, brackets and emoji around it, which a text holding its words need not have beside them
 * (`nova？`, `“nova”`, `《nova》`, `#nova`, `nova🚀` look for `nova`), nor a wildcard after it
 * (`nova*`: the last word finds longer ones anyway); symbols that are part of a name stay (`C++`,
 * `C#`). A leading minus too: many search boxes read it as "without", which Pagefind cannot, and
 * taken as typed it would rank `python-novaclient` above Nova for `-nova`.
 * @example trimQuery('“nova-scheduler”。') // 'nova-scheduler'
 */
export const trimQuery = (folded: string) => folded.replace(AROUND_QUERY, '');

const AROUND_QUERY =
  /^[-\s#"'“‘「『《(【\p{Extended_Pictographic}\uFE0F]+|[\s?!.,;:。、"'”’」』》)】\]*\p{Extended_Pictographic}\uFE0F]+$/gu;

/** The query's words parted by spaces or by the commas of a list (`H版、I版`), each trimmed as the query is. */
function wordsOf(text: string): string[] {
  return text
    .split(/[\s,;、]+/)
    .map(trimQuery)
    .filter(Boolean);
}

/** A form of the query; with another name, written in its word `nameAt` from `from` on (`使用Neutron`: from 2). */
function formOf(text: string, tokens: string[], name?: string, nameAt?: number, from = 0): QueryForm {
  const terms = splitQuery(text);
  const last = terms.at(-1) ?? '';
  // The name is one word, whatever it holds; the Chinese typed against it is words as the query's are.
  const words =
    name === undefined
      ? [...terms.slice(0, -1), last + (/^[-+#]*/.exec(text.slice(text.lastIndexOf(last) + last.length)) as RegExpExecArray)[0]]
      : tokens.flatMap((token, index) =>
          index === nameAt
            ? [...splitQuery(token.slice(0, from)), name, ...splitQuery(token.slice(from + name.length))]
            : splitQuery(token),
        );
  return {
    text,
    terms,
    words,
    apart: tokens.length > 1 ? tokens : [],
    ...(name === undefined ? {} : { name, ...(text === name && terms.length > 1 ? { phrase: true } : {}) }),
  };
}

/**
 * The forms of a query the search looks for: the query itself (folded), then, unless `exact`,
 * the query with each other name of a release or project it names, at most `MAX_OTHER_NAMES`.
 * A name that holds the one the query used (`Icehouse版` for `Icehouse`) is left out, and so is
 * one holding another name already looked for: whatever holds it is found anyway.
 * @example expandQuery('Icehouse', vocabulary).map((form) => form.text) // ['Icehouse', 'I版']
 */
export function expandQuery(text: string, vocabulary: QueryVocabulary, { exact = false } = {}): QueryForm[] {
  // What a part must hold is the query's words: a text need not end its sentence where it does.
  const folded = trimQuery(foldQuery(text, vocabulary));
  const tokens = wordsOf(folded);
  const forms = [formOf(folded, tokens)];
  if (exact) return forms;
  const keys = tokens.map(nameKey);
  for (let start = 0; start < keys.length && forms.length <= MAX_OTHER_NAMES; start += 1) {
    // One word more than the longest name: a name typed with a space in it (`I 版`, `Icehouse 版`),
    // as spaces count only between the words of a name.
    for (let length = Math.min(vocabulary.longest + 1, keys.length - start); length > 0; length -= 1) {
      let named = keys.slice(start, start + length).join(' ');
      if (!vocabulary.names.has(named)) named = named.replace(/ /g, '');
      // A name written between Chinese, as Chinese is typed (`在Icehouse中`, `使用Quantum`, `I版的`):
      // the first, longest part of the word that is one with Chinese or nothing on each side (not
      // `nova` of `novaclient` or `python-novaclient`). A word holds no space: the one put in
      // stands for the name.
      let from = 0;
      let cut = named.length;
      while (
        length < 2 &&
        from < cut &&
        !(
          vocabulary.names.has(named.slice(from, cut)) &&
          /(^|\p{Script=Han}) (\p{Script=Han}|$)/u.test(`${named.slice(0, from)} ${named.slice(cut)}`)
        )
      ) {
        if (--cut === from) [from, cut] = [from + 1, named.length];
      }
      named = named.slice(from, cut);
      const concept = vocabulary.names.get(named);
      if (concept === undefined) continue;
      const chosen: string[] = [];
      const others = [...(vocabulary.present[concept] ?? [])].sort((a, b) => a.length - b.length);
      for (const other of others) {
        if ([named, ...chosen].some((taken) => containsQuery(other, taken))) continue;
        if (forms.length > MAX_OTHER_NAMES) break;
        chosen.push(other);
        const token = tokens[start] ?? '';
        const replaced = [...tokens.slice(0, start), token.slice(0, from) + other + token.slice(cut), ...tokens.slice(start + length)];
        forms.push(formOf(replaced.join(' '), replaced, other, start, from));
      }
      start += length - 1;
      break;
    }
  }
  return forms;
}

/** The forms of the query a request looks for. */
export function formsOf(request: Pick<SearchRequest, 'text' | 'exact'>, vocabulary: QueryVocabulary = noVocabulary): QueryForm[] {
  return expandQuery(request.text, vocabulary, { exact: request.exact ?? false });
}
