/**
 * Markdown written one way and read another, where the page would show the marks instead of
 * what they mean, or leave words out: emphasis that CommonMark's rules cannot close beside Chinese
 * text, a link by a reference never defined, a definition read as text, an address with a space.
 * Each reader takes the text as written (a text node's, or a paragraph's, heading's or table
 * cell's source) and says what it found; the renderer notes where (and a table row with more cells
 * than its header), the check says how to write it. Pure.
 */

/** Something Markdown reads otherwise than meant, with the line it is on. */
export type MisreadMarkdown =
  /** `*` or `_` pairs left as text (`*注意：*内容`, `这是__重点__内容`). */
  | { kind: 'literal-emphasis'; line: number; written: string; delimiter: string }
  /** `[官网][ref9]` with no `[ref9]: …` anywhere in the text. */
  | { kind: 'undefined-reference'; line: number; written: string; label: string }
  /** `[wiki]：https://…`: a definition Markdown reads as text (a full-width colon, curly quotes, under a line of text). */
  | { kind: 'unread-definition'; line: number; written: string; meant: string; reason: 'colon' | 'title' | 'interrupts' }
  /** `[注]: 本文来自…`: a line read as a link definition to no address, which the page does not show. */
  | { kind: 'hidden-definition'; line: number; written: string }
  /** `[文字](https://a.com/a b)`: an address with a space is no address to Markdown. */
  | { kind: 'spaced-address'; line: number; written: string; meant: string }
  /** A table row with more cells than its header: the page drops the cells after the header's. */
  | { kind: 'overfull-row'; line: number; cells: number; columns: number; dropped: string }
  /** `<www.openstack.org>`, `<http://a.org/my page>`: angle brackets Markdown does not read as a link, and shows. */
  | { kind: 'bracketed-address'; line: number; written: string; meant: string; reason: 'scheme' | 'space' }
  /** `<div>\n**重点**\n</div>`: Markdown inside a block of HTML, which CommonMark leaves as text. */
  | { kind: 'markdown-in-html'; line: number; written: string; tag: string };

/** Chinese characters and the full-width forms Chinese text is written with. */
const HAN_OR_FULL_WIDTH = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;

/** Punctuation that opens: emphasis cannot start right before it when a Chinese character precedes. */
export const OPENING_PUNCTUATION = /^[“‘（《【「『〔(["']+/u;

/**
 * Punctuation that ends what is stressed (`*注意：*`): emphasis cannot close right after it when a
 * Chinese character follows. A comma or a period of code (`，*号`, `.*$`) ends no stressed words.
 */
const CLOSING_PUNCTUATION = /[：:！!？?。”’）》】」』]+$/u;

/**
 * A pair of `*`, `_` or `__` around words on one line, as left in a text node (so the parser did
 * not read it as emphasis), neither mark inside a Latin word or name (`_get_host`, `a*b`). `**` is
 * the renderer's own rule (`literalStars`).
 */
const DELIMITED = /(?<![\\A-Za-z0-9*_])(\*|__?)(?![\s*_])(.+?)(?<![\s\\*_])\1(?![A-Za-z0-9*_])/gu;

/**
 * The pairs of emphasis marks in a text node's source that CommonMark leaves as text because of
 * the Chinese beside them: a closing mark after punctuation and before a character (`*注意：*内容`),
 * an opening one after a character and before opening punctuation (`本期*“重点”*`), underscores
 * inside a Chinese word (`这是_斜体_内容`). A glob (`*.log和*.pyc`), a product (`4*8`) and a name
 * (`nova_api`) are none of these.
 * @example literalEmphasis('这是__重点__内容') // [{ written: '__重点__', delimiter: '__', index: 2 }]
 */
export function literalEmphasis(written: string): { written: string; delimiter: string; index: number }[] {
  const found: { written: string; delimiter: string; index: number }[] = [];
  for (const match of written.matchAll(DELIMITED)) {
    const [whole, delimiter = '', inner = ''] = match;
    const before = written.charAt(match.index - 1);
    const after = written.charAt(match.index + whole.length);
    const chineseBefore = HAN_OR_FULL_WIDTH.test(before);
    const chineseAfter = HAN_OR_FULL_WIDTH.test(after);
    // Stressed words start a sentence or follow a space or punctuation; a mark after a character
    // is a footnote's star (`标*的项目`).
    const startsWords = !before || /[\s\p{P}]/u.test(before);
    const closesAfterPunctuation = CLOSING_PUNCTUATION.test(inner) && chineseAfter && startsWords;
    const opensBeforePunctuation = OPENING_PUNCTUATION.test(inner) && chineseBefore;
    // A name between underscores is a name (`__init__`, `_max_`), shown as written.
    const underscoresInWord = delimiter.startsWith('_') && (chineseBefore || chineseAfter) && !/^[A-Za-z0-9_]+$/.test(inner);
    if (closesAfterPunctuation || opensBeforePunctuation || underscoresInWord)
      found.push({ written: whole, delimiter, index: match.index });
  }
  return found;
}

/**
 * `[text][label]` or `[text][]` (an image's too), as left in a text node, not after a letter, digit
 * or bracket (`a[0][1]`) nor quoted (`config['DEFAULT']['debug']`): no definition has the label.
 */
const FULL_REFERENCE = /(?<![\\A-Za-z0-9\]])!?\[([^[\]\n'"]+)\]\[([^[\]\n'"]*)\]/g;

/**
 * References to a link definition the text does not have, as left in a text node (a defined one
 * is a link): the words and brackets would show as written, the link gone. Only a text that
 * defines links means `[…][…]` as one: elsewhere it is prose (`[1][2]`, `[ERROR][nova]`).
 * @example undefinedReferences('参见[官网][ref9]') // [{ written: '[官网][ref9]', label: 'ref9', index: 2 }]
 */
export function undefinedReferences(written: string): { written: string; label: string; index: number }[] {
  return [...written.matchAll(FULL_REFERENCE)].map(({ 0: whole, 1: text = '', 2: label = '', index }) => ({
    written: whole,
    label: label || text,
    index,
  }));
}

/** A line that looks like a link definition: its label, colon, address and what follows. */
const DEFINITION_LINE = /^ {0,3}\[([^[\]\n]+)\]([:：])[ \t\u3000]*(\S+)(.*)$/gmu;

/** A definition's title in quotes, straight or curly, after its address. */
const TITLE = /^[ \t\u3000]+(?:"([^"]*)"|'([^']*)'|“([^”]*)”|‘([^’]*)’)[ \t\u3000]*$/u;

/**
 * Lines of a paragraph's source written as a link definition to a web address or site path that
 * Markdown reads as text: with the full-width colon an input method types (`[wiki]：https://…`), a
 * title in curly quotes, or right under a line of text (a definition cannot interrupt a
 * paragraph). Each with the definition as it should be written.
 * @example unreadDefinitions('[wiki]：https://wiki.openstack.org/') // [{ written: '[wiki]：https://wiki.openstack.org/', meant: '[wiki]: https://wiki.openstack.org/', reason: 'colon', index: 0 }]
 */
export function unreadDefinitions(
  paragraph: string,
): { written: string; meant: string; reason: 'colon' | 'title' | 'interrupts'; index: number }[] {
  return [...paragraph.matchAll(DEFINITION_LINE)].flatMap(
    ({ 0: written, 1: label = '', 2: colon = '', 3: address = '', 4: rest = '', index }) => {
      if (!/^(?:https?:\/\/|\/|www\.)/i.test(address)) return [];
      const title = TITLE.exec(rest);
      if (rest.trim() && !title) return [];
      const titleText = title?.slice(1).find((part) => part !== undefined);
      const meant = `[${label}]: ${address}${titleText === undefined ? '' : ` "${titleText}"`}`;
      const reason =
        colon === '：' ? 'colon' : title && !rest.trim().startsWith('"') && !rest.trim().startsWith("'") ? 'title' : 'interrupts';
      // A paragraph's first line is not under any text: read as text for a reason of its own.
      if (reason === 'interrupts' && index === 0) return [];
      return [{ written: written.trim(), meant, reason, index }];
    },
  );
}

/**
 * An inline link or image whose address (web address or path) has a space before its `)`; a title
 * in quotes may follow.
 */
const SPACED_ADDRESS =
  /(?<!\\)!?\[[^[\]\n]*\]\([ \t]*(?:https?:\/\/|\.{0,2}\/|[\w-]+\/)[^\s()<>]*(?:[ \t]+[^\s()"'“‘][^\s()]*)+(?:[ \t]+(?:"[^"]*"|'[^']*'|“[^”]*”))?[ \t]*\)/gu;

/**
 * Inline links and images in a block's source (a paragraph, heading or table cell; code spans left
 * out) whose address holds a space: Markdown ends an address at a space, so it reads the whole as
 * text. Each with the link as it should be written, its address in angle brackets.
 * @example spacedAddresses('[图](/images/my pic.png)') // [{ written: '[图](/images/my pic.png)', meant: '[图](</images/my pic.png>)', index: 0 }]
 */
export function spacedAddresses(block: string): { written: string; meant: string; index: number }[] {
  const code = block.replace(/(`+)[\s\S]*?\1/g, (span) => ' '.repeat(span.length));
  return [...code.matchAll(SPACED_ADDRESS)].map(({ 0: blanked, index }) => {
    const written = block.slice(index, index + blanked.length);
    const [, text = '', inside = ''] = /^(!?\[[^\]]*\])\(([\s\S]*)\)$/.exec(written) ?? [];
    const [, address = inside, title] = /^\s*([\s\S]*?)(?:\s+("[^"]*"|'[^']*'|“[^”]*”))?\s*$/.exec(inside) ?? [];
    const straightTitle = title?.replace(/^[“]|[”]$/g, '"');
    return { written, meant: `${text}(<${address.trim().replace(/\u3000/g, ' ')}>${straightTitle ? ` ${straightTitle}` : ''})`, index };
  });
}

/**
 * An address in angle brackets without its scheme (`<www.…>`), or holding a space before the `>`;
 * not a link's destination (`[文档](<a b.pdf>)`), which may hold spaces.
 */
const BRACKETED_ADDRESS = /(?<!\\|\]\()<(?:(www\.[^\s<>]+)|((?:https?|ftp):\/\/[^\s<>]*(?:[ \t]+[^\s<>]+)+))>/gi;

/**
 * Addresses in angle brackets that Markdown does not read as links, in a block's source (code spans
 * left out): one without its scheme (`<www.openstack.org>`) or holding a space. The page shows
 * the brackets, around a link to part of the address at best. Each with the link as it should be written.
 * @example bracketedAddresses('见 <www.openstack.org>') // [{ written: '<www.openstack.org>', meant: '<https://www.openstack.org>', reason: 'scheme', index: 2 }]
 */
export function bracketedAddresses(block: string): { written: string; meant: string; reason: 'scheme' | 'space'; index: number }[] {
  const code = block.replace(/(`+)[\s\S]*?\1/g, (span) => ' '.repeat(span.length));
  return [...code.matchAll(BRACKETED_ADDRESS)].map(({ 0: blanked, 1: www, 2: spaced = '', index }) => {
    const written = block.slice(index, index + blanked.length);
    return www
      ? { written, meant: `<https://${www}>`, reason: 'scheme', index }
      : { written, meant: `<${spaced.replace(/[ \t]+/g, '%20')}>`, reason: 'space', index };
  });
}

/** What inside a block of HTML holds no prose: code, comments, scripts and styles, then every tag. */
const NOT_PROSE = /<(pre|code|script|style|textarea)\b[^]*?<\/\1\s*>|<!--[^]*?-->|<[^<>]*>/gi;

/** Bold, a link or image, and code, as Markdown writes them on one line. */
const MARKDOWN_MARKS = /\*\*[^*\s](?:[^*\n]*[^*\s])?\*\*|!?\[[^[\]\n]+\]\([^()\s]+\)|`[^`\n]+`/g;

/**
 * Markdown written in a block of raw HTML (one that starts a line, up to the next blank line),
 * which CommonMark leaves as text: bold, a link or image, code. Text inside code, `pre`, scripts,
 * styles and comments is left alone; a block that is a `pre` holds code.
 * @example markdownInHtml('<div>\n**重点**\n</div>') // [{ written: '**重点**', tag: 'div', index: 6 }]
 */
export function markdownInHtml(block: string): { written: string; tag: string; index: number }[] {
  const tag = /^\s*<([a-z][a-z0-9-]*)/i.exec(block)?.[1]?.toLowerCase();
  if (!tag || tag === 'pre') return [];
  const prose = block.replace(NOT_PROSE, (skipped) => ' '.repeat(skipped.length));
  return [...prose.matchAll(MARKDOWN_MARKS)].map(({ 0: written, index }) => ({ written, tag, index }));
}
