/**
 * Characters a text can hold unseen, pasted in from web pages and chats: format characters
 * (zero-width spaces, direction marks, a byte order mark) and spaces other than the plain one.
 * In a heading they stop it naming its project; in an address they become part of where it leads
 * (`…/marconi` + U+200E is `…/marconi%E2%80%8E`). Pure.
 */
import { codePointName } from './encoding.ts';

export const HIDDEN_CHARACTERS = /[\p{Cf}\u00A0\u2000-\u200A\u202F\u205F\u3000]/gu;
const HIDDEN_CHARACTER = new RegExp(HIDDEN_CHARACTERS.source, 'u');

/** Names for the hidden characters met in pasted text. */
export const CHARACTER_NAMES: Readonly<Record<string, string>> = {
  '\u200B': 'a zero-width space',
  '\u200C': 'a zero-width non-joiner',
  '\u200D': 'a zero-width joiner',
  '\u2060': 'a word joiner',
  '\uFEFF': 'a byte order mark',
  '\u00AD': 'a soft hyphen',
  '\u00A0': 'a no-break space',
  '\u3000': 'a full-width space',
  '\u200E': 'a left-to-right mark',
  '\u200F': 'a right-to-left mark',
};

/**
 * Hidden characters that no address holds on purpose: direction marks, zero-width spaces, word
 * joiners, byte order marks, soft hyphens and spaces other than the plain one. The joiners
 * (U+200C, U+200D) stay out: they shape Persian words and emoji, in addresses too.
 */
export const ADDRESS_STRAYS = /[\u200B\u200E\u200F\u2060\uFEFF\u00AD\u00A0\u2000-\u200A\u202F\u205F\u3000]/gu;
/** The strays that take no room: inside a bare address they are dropped, where a space ends it. */
export const ZERO_WIDTH_STRAY = /[\u200B\u200E\u200F\u2060\uFEFF\u00AD]/u;
const ADDRESS_STRAY = new RegExp(ADDRESS_STRAYS.source, 'u');

/**
 * The first hidden character of a text (of those `among` names, by default every hidden one):
 * where it is, and its code point with a name where it has one.
 */
export function firstHidden(
  text: string,
  among: 'any' | 'address' = 'any',
): { index: number; character: string; described: string } | undefined {
  const found = (among === 'address' ? ADDRESS_STRAY : HIDDEN_CHARACTER).exec(text);
  if (!found) return undefined;
  const name = CHARACTER_NAMES[found[0]];
  return { index: found.index, character: found[0], described: `${codePointName(found[0])}${name ? ` (${name})` : ''}` };
}
