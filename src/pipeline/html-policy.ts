/**
 * What contributors' HTML may keep: an allowlist of elements and attributes (formatting, lists,
 * tables, code, quotes, links and local images). Everything else is dropped: elements of code
 * or chrome with what they hold, other elements leaving their text. Applied by the renderer to
 * every element of the tree, those of raw HTML included. Pure data and predicates.
 */

/** Elements kept as they are (their attributes filtered). */
export const ALLOWED_ELEMENTS: ReadonlySet<string> = new Set([
  'p', 'br', 'hr', 'h3', 'h4', 'h5', 'h6', 'a', 'strong', 'em', 'b', 'i', 'u', 'del', 's', 'sup', 'sub',
  'code', 'pre', 'kbd', 'blockquote', 'ul', 'ol', 'li', 'dl', 'dt', 'dd',
  'table', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'img', 'span',
  'abbr', 'dfn', 'mark', 'ins', 'q', 'cite', 'small', 'samp', 'var', 'ruby', 'rb', 'rt', 'rtc', 'rp',
]); // prettier-ignore

/**
 * Obsolete elements kept as the element that took their place, with the attributes it may carry,
 * since what they mean is part of the text: struck words (`<strike>作废</strike>`) read as current
 * once unwrapped, and an `<acronym>`'s title says what it stands for.
 */
export const RENAMED_ELEMENTS: ReadonlyMap<string, string> = new Map([
  ['strike', 's'],
  ['tt', 'code'],
  ['acronym', 'abbr'],
]);

/** Elements whose content is code or chrome, never digest text: dropped with what they hold. */
export const DROPPED_ELEMENTS: ReadonlySet<string> = new Set([
  'script', 'style', 'textarea', 'option', 'noscript', 'iframe', 'embed', 'template', 'form', 'select',
  'button', 'title', 'svg', 'math', 'head', 'meta', 'link', 'base', 'input',
  // Obsolete elements whose content the HTML parser reads as plain text: Markdown rendered inside
  // them would show as tags.
  'xmp', 'noembed', 'noframes', 'plaintext',
]); // prettier-ignore

/**
 * Dropped elements whose content a reader would have seen as text (a button's label, a form's
 * words, `<noscript>`'s fallback, a drawing's labels, a formula): dropping them with it loses what
 * the editor wrote, so the check reports them. The others hold code, chrome or nothing
 * (`<script>`, `<style>`, `<iframe>`).
 */
export const TEXT_DROPPING_ELEMENTS: ReadonlySet<string> = new Set([
  'textarea', 'option', 'noscript', 'template', 'form', 'select', 'button', 'title', 'xmp', 'noembed', 'noframes', 'plaintext',
  'svg', 'math',
]); // prettier-ignore

/**
 * Attributes (hast property names) each kept element may carry. Addresses are checked apart, and
 * `rel` and `loading` are always set by the renderer, never kept from the text.
 */
const ALLOWED_PROPERTIES: Readonly<Record<string, readonly string[]>> = {
  a: ['href', 'title', 'rel'],
  img: ['src', 'alt', 'title', 'width', 'height', 'loading'],
  th: ['align'],
  td: ['align'],
  ol: ['start'],
  abbr: ['title'],
  dfn: ['title'],
  code: ['className'],
};

/** A language tag as `lang` takes it (`zh-CN`, `en`, `zh-Hant-TW`). */
const LANGUAGE_TAG = /^[a-z]{2,3}(?:-[a-z0-9]{1,8})*$/i;

/**
 * Whether a kept element may carry a property with this value. Any may say its language (`lang`),
 * which screen readers read it in: a name in Chinese inside an English translation.
 * @example isAllowedProperty('a', 'onClick', 'x()') // false
 * @example isAllowedProperty('span', 'lang', 'zh-CN') // true
 */
export function isAllowedProperty(element: string, property: string, value?: unknown): boolean {
  if (property === 'lang') return typeof value === 'string' && LANGUAGE_TAG.test(value);
  return ALLOWED_PROPERTIES[element]?.includes(property) ?? false;
}

/**
 * The classes a `code` element keeps: only `language-*`, which names the code's language.
 * @example codeClasses(['language-sh', 'evil']) // ['language-sh']
 */
export function codeClasses(value: unknown): string[] {
  const classes = Array.isArray(value) ? value : typeof value === 'string' ? value.split(/\s+/) : [];
  return classes.filter((name): name is string => typeof name === 'string' && /^language-[\w+#.-]+$/.test(name));
}

/** Elements outside the allowlist that stand on lines of their own: their text stays apart from what follows. */
export const BLOCK_ELEMENTS: ReadonlySet<string> = new Set([
  'div', 'section', 'article', 'aside', 'header', 'footer', 'nav', 'main', 'figure', 'figcaption', 'h1', 'h2',
  'address', 'details', 'summary', 'center', 'fieldset', 'legend', 'caption',
]); // prettier-ignore

/** Elements that end a line of text: the search text puts a line break after each. */
export const LINE_ENDING_ELEMENTS: ReadonlySet<string> = new Set([
  'p', 'br', 'hr', 'h3', 'h4', 'h5', 'h6', 'pre', 'blockquote', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'table', 'tr', 'th', 'td',
]); // prettier-ignore

/**
 * Every other element name of HTML, MathML and SVG that raw HTML in a text may use. A tag named
 * otherwise (`<server>`, `List<String>`) is an editor's placeholder that Markdown reads as HTML, and
 * the page would drop it: the check says so (`vanishingTags` in unclosed-html.ts).
 */
const OTHER_ELEMENTS: ReadonlySet<string> = new Set([
  'html', 'body', 'object', 'area', 'audio', 'bdi', 'bdo', 'big', 'canvas', 'col', 'colgroup', 'data', 'datalist',
  'dialog', 'font', 'frame', 'frameset', 'label', 'map', 'marquee', 'menu', 'meter', 'output',
  'param', 'picture', 'portal', 'progress', 'search', 'slot', 'source',
  'strike', 'time', 'track', 'tt', 'video', 'wbr', 'acronym', 'applet', 'dir', 'hgroup', 'keygen', 'nobr',
  'listing',
  'mi', 'mo', 'mn', 'ms', 'mtext', 'mglyph', 'malignmark', 'mrow', 'mfrac', 'msqrt', 'mroot', 'msub', 'msup',
  'msubsup', 'mtable', 'mtr', 'mtd', 'semantics', 'annotation', 'annotation-xml',
  'g', 'path', 'rect', 'circle', 'ellipse', 'line', 'polyline', 'polygon', 'text', 'tspan', 'use', 'defs', 'symbol',
  'desc', 'foreignobject', 'animate', 'set', 'animatetransform', 'animatemotion', 'filter', 'image', 'pattern',
  'lineargradient', 'radialgradient', 'stop', 'clippath', 'mask', 'marker', 'view',
]); // prettier-ignore

/** Whether a tag name is one of HTML's (or MathML's, SVG's), in any case. */
export function isHtmlElement(name: string): boolean {
  const tag = name.toLowerCase();
  return ALLOWED_ELEMENTS.has(tag) || DROPPED_ELEMENTS.has(tag) || BLOCK_ELEMENTS.has(tag) || OTHER_ELEMENTS.has(tag);
}

/** Elements without content or closing tag (`image` is the parser's `img`): their tag is all there is of them. */
export const VOID_ELEMENTS: ReadonlySet<string> = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'image', 'img', 'input', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr',
]); // prettier-ignore
