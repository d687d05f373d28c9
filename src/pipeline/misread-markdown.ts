/**
 * Markdown written one way and read another, where the page would show the marks instead of
 * what they mean, or leave words out: emphasis that CommonMark's rules cannot close beside Chinese
 * text, a link by a reference never defined, an address with a space, a table row with more cells
 * than its header. Each reader takes the text as written (a text node's or a paragraph's source)
 * and says what it found; the renderer notes where, the check says how to write it. Pure.
 */

/** Something Markdown reads otherwise than meant, with the line it is on. */
export type MisreadMarkdown =
  /** `*` or `_` pairs left as text (`*注意：*内容`, `这是__重点__内容`). */
  | { kind: 'literal-emphasis'; line: number; written: string; delimiter: string }
  /** `[官网][ref9]` with no `[ref9]: …` anywhere in the text. */
  | { kind: 'undefined-reference'; line: number; written: string; label: string }
  /** `[wiki]：https://…`, a definition written with a full-width colon, so read as text. */
  | { kind: 'full-width-definition'; line: number; written: string }
  /** `[文字](https://a.com/a b)`: an address with a space is no address to Markdown. */
  | { kind: 'spaced-address'; line: number; written: string }
  /** A table row with more cells than its header: the page drops the cells after the header's. */
  | { kind: 'overfull-row'; line: number; cells: number; columns: number; dropped: string };

/** Chinese characters and the full-width forms Chinese text is written with. */
const HAN_OR_FULL_WIDTH = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;

/** Punctuation that opens: emphasis cannot start right before it when a Chinese character precedes. */
const OPENING_PUNCTUATION = /^[“‘（《【「『〔(["']/u;

/**
 * A pair of `*`, `_` or `__` around words on one line, as left in a text node (so the parser did
 * not read it as emphasis). `**` is the renderer's own rule (`literalStars`).
 */
const DELIMITED = /(?<![\\A-Za-z0-9*_])(\*|__?)(?![\s*_])(.+?)(?<![\s\\*_])\1(?![*_])/gu;

/**
 * The pairs of emphasis marks in a text node's source that CommonMark leaves as text because of
 * the Chinese beside them: a closing mark after punctuation and before a character (`*注意：*内容`),
 * an opening one after a character and before opening punctuation (`本期*“重点”*`), underscores
 * inside a Chinese word (`这是_斜体_内容`). A glob (`*.log和*.pyc`), a product (`4*8`) and a name
 * (`nova_api`) are none of these.
 * @example literalEmphasis('这是__重点__内容') // ['__重点__']
 */
export function literalEmphasis(written: string): { written: string; delimiter: string; index: number }[] {
  const found: { written: string; delimiter: string; index: number }[] = [];
  for (const match of written.matchAll(DELIMITED)) {
    const [whole, delimiter = '', inner = ''] = match;
    const before = written.charAt(match.index - 1);
    const after = written.charAt(match.index + whole.length);
    const chineseBefore = HAN_OR_FULL_WIDTH.test(before);
    const chineseAfter = HAN_OR_FULL_WIDTH.test(after);
    const closesAfterPunctuation = /\p{P}$/u.test(inner) && chineseAfter;
    const opensBeforePunctuation = OPENING_PUNCTUATION.test(inner) && chineseBefore;
    const underscoresInWord = delimiter.startsWith('_') && (chineseBefore || chineseAfter);
    if (closesAfterPunctuation || opensBeforePunctuation || underscoresInWord)
      found.push({ written: whole, delimiter, index: match.index });
  }
  return found;
}

/** `[text][label]` or `[text][]` (an image's too), as left in a text node: no definition has the label. */
const FULL_REFERENCE = /(?<!\\)!?\[([^[\]\n]+)\]\[([^[\]\n]*)\]/g;

/**
 * References to a link definition the text does not have, as left in a text node (a defined one
 * is a link): the words and brackets would show as written, the link gone.
 * @example undefinedReferences('参见[官网][ref9]') // [{ written: '[官网][ref9]', label: 'ref9', index: 2 }]
 */
export function undefinedReferences(written: string): { written: string; label: string; index: number }[] {
  return [...written.matchAll(FULL_REFERENCE)].map(({ 0: whole, 1: text = '', 2: label = '', index }) => ({
    written: whole,
    label: label || text,
    index,
  }));
}

/**
 * A link definition written with the full-width colon a Chinese input method types (`[wiki]：https://…`),
 * at the start of a paragraph's line: Markdown reads it as text.
 */
export function fullWidthDefinitions(paragraph: string): { written: string; index: number }[] {
  return [...paragraph.matchAll(/^ {0,3}\[[^[\]\n]+\]：[ \t\u3000]*\S+/gm)].map(({ 0: written, index }) => ({
    written: written.trim(),
    index,
  }));
}

/** An inline link or image whose address (web or site path) has a space before its `)`, not a title. */
const SPACED_ADDRESS = /(?<!\\)!?\[[^[\]\n]*\]\((?:https?:\/\/|\/)[^\s()<>]*[ \t\u3000]+[^\s()"'][^()\n]*\)/g;

/**
 * Inline links and images in a paragraph's source whose address holds a space (code spans left
 * out): Markdown ends an address at a space, so it reads the whole as text.
 * @example spacedAddresses('[图](/images/my pic.png)') // [{ written: '[图](/images/my pic.png)', index: 0 }]
 */
export function spacedAddresses(paragraph: string): { written: string; index: number }[] {
  const code = paragraph.replace(/(`+)[\s\S]*?\1/g, (span) => ' '.repeat(span.length));
  return [...code.matchAll(SPACED_ADDRESS)].map(({ 0: blanked, index }) => ({
    written: paragraph.slice(index, index + blanked.length),
    index,
  }));
}

/** The 1-based line of an offset into a text that starts on `line`. */
export function lineAt(text: string, index: number, line: number): number {
  return line + (text.slice(0, index).match(/\n/g)?.length ?? 0);
}
