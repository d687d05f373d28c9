/**
 * The search vocabulary of an archive (`SearchVocabulary` in `../contract.ts`), made at build time
 * from the index's text, the registries' names and a table of Chinese character variants: only
 * the releases and projects the text mentions, and only the variants of characters it holds, so
 * what a first search downloads grows with the archive's vocabulary, not with the registries or
 * with Chinese. Pure.
 */
import { VOCABULARY_FORM, type SearchVocabulary } from '../contract.ts';
import { nameKey, type SearchConcept } from '../names.ts';
import { WORD_CHAR } from '../page/matcher.ts';

/** The index's text as the presence checks read it. */
interface ArchiveText {
  /** All of it, compared as names are (`nameKey`), records joined by a line break. */
  folded: string;
  /** Its Latin words and numbers, sorted: for a quick look before searching `folded`. */
  words: string[];
  /** Its Han characters. */
  han: Set<string>;
}

const TOKENS = /[\p{Script=Latin}\p{Nd}]+|\p{Script=Han}/gu;

function readArchiveText(contents: readonly string[]): ArchiveText {
  const folded = contents.map((content) => content.normalize('NFKC').toLowerCase()).join('\n');
  const words = new Set<string>();
  const han = new Set<string>();
  for (const [token] of folded.matchAll(TOKENS)) {
    if (WORD_CHAR.test(token)) words.add(token);
    else han.add(token);
  }
  return { folded, words: [...words].sort(), han };
}

/** Whether some word of the sorted list starts with `prefix`. */
function startsSomeWord(words: readonly string[], prefix: string): boolean {
  let low = 0;
  let high = words.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((words[middle] as string) < prefix) low = middle + 1;
    else high = middle;
  }
  return words[low]?.startsWith(prefix) ?? false;
}

/**
 * Whether the text holds a name (in `nameKey` form) as the search page's matcher would find it:
 * anywhere, but a name starting with a Latin letter or digit must start a word.
 */
function holdsName(text: ArchiveText, name: string): boolean {
  const tokens = [...name.matchAll(TOKENS)].map(([token]) => token);
  // Most names are missing a word or character altogether: no need to search the text for them.
  const possible = tokens.every((token) => (WORD_CHAR.test(token) ? startsSomeWord(text.words, token) : text.han.has(token)));
  if (!possible || !tokens.length) return false;
  const wordStart = WORD_CHAR.test(name[0] ?? '');
  for (let at = text.folded.indexOf(name); at >= 0; at = text.folded.indexOf(name, at + 1)) {
    if (!wordStart || at === 0 || !WORD_CHAR.test(text.folded[at - 1] ?? '')) return true;
  }
  return false;
}

/**
 * The vocabulary of an archive whose index holds `contents` (the records' text), but for the
 * index's layout, which the written index gives (`layout.ts`).
 * `variants` pairs a traditional or variant character with its simplified form (or another
 * character with the one the index holds instead, such as `apostropheVariant`).
 * @example createSearchVocabulary(['Icehouse 云计算'], concepts, [['雲', '云'], ['機', '机']]).variants // '雲云'
 */
export function createSearchVocabulary(
  contents: readonly string[],
  concepts: readonly SearchConcept[],
  variants: readonly (readonly [string, string])[],
): Omit<SearchVocabulary, 'layout'> {
  const text = readArchiveText(contents);
  // A Han character is looked up in the text's set of them; the few others (the apostrophe) in the text.
  const holds = (character: string) => (/\p{Script=Han}/u.test(character) ? text.han.has(character) : text.folded.includes(character));
  const known = variants.filter(([variant, simplified]) => variant !== simplified && holds(simplified));
  const { separator, mention, present } = VOCABULARY_FORM;
  const vocabularyConcepts = concepts.flatMap((concept): string[] => {
    const keys = new Set(concept.names.map(nameKey));
    // A general name (Compute) is never given as held, so no query for another name looks for it.
    const general = new Set(concept.general?.map(nameKey));
    const forms = [
      ...concept.names.map((name) => ({ form: name, name: true })),
      ...concept.mentions.filter((form) => !keys.has(nameKey(form))).map((form) => ({ form, name: false })),
    ].map((entry) => ({ ...entry, held: !general.has(nameKey(entry.form)) && holdsName(text, nameKey(entry.form)) }));
    // Worth shipping when a query may name it otherwise than a form the archive holds.
    const held = forms.filter((entry) => entry.held).map((entry) => nameKey(entry.form));
    if (!held.length || concept.names.every((name) => held.length === 1 && held[0] === nameKey(name))) return [];
    return [forms.map(({ form, name, held: has }) => `${name ? '' : mention}${has ? present : ''}${form}`).join(separator)];
  });
  return {
    variants: known
      .map(([variant, simplified]) => variant + simplified)
      .sort()
      .join(''),
    concepts: vocabularyConcepts,
  };
}
