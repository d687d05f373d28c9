/**
 * The contract between the search index (built in Node, `index/`) and the search page (in the
 * browser, `page/`): where the index lives, its language, its filters and meta keys, and how a
 * record's content is made of an issue text's parts and cut into them again.
 *
 * An issue text as one search record: its parts (the introduction, then each project section)
 * joined into one content string, with the offset where each section starts kept in the record's
 * metadata, so the search page can cut the parts out again and tell which section a match lies in.
 *
 * Pagefind stores a record's content with zero-width spaces between the words it segments and
 * runs of whitespace as one space. The build joins parts already flattened (`flattenText`) and
 * the page flattens what Pagefind gives back the same way, so offsets taken at build time point
 * at the same characters in the browser.
 */
import type { Locale } from '../../i18n/locales.ts';

/** A part of a record: the introduction (no `projectId`) or one project's section. */
export interface SearchPart {
  projectId?: string;
  /** Offsets in the flattened content, `end` excluded. */
  start: number;
  end: number;
  /** The part's flattened text: `content.slice(start, end)`, its heading first when it has one. */
  text: string;
  /** Where the section's own text starts in `text`, after its heading; absent when the part has no heading. */
  bodyStart?: number;
  /** Offsets in `text` where the page shows words the text leaves out (the label beside an outside link). */
  breaks?: number[];
}

/** Meta key of the offsets in the content where the page shows words it leaves out (`RenderedPart.breaks`). */
export const BREAKS_META = 'breaks';

/**
 * Offsets travel as the gaps between them, each a number in base 15 written in punctuation: Pagefind
 * makes meta values searchable, and punctuation makes no word of the index (a query of punctuation
 * alone searches nothing). A gap's last digit comes from one set of characters and the others from
 * another, so no separator is needed; neither set holds `"` or `\`, which JSON would escape.
 */
const LAST_DIGITS = "!#$%&'()*+,-./:";
const LEADING_DIGITS = ';<=>?@[]^_`{|}~';
const BASE = LAST_DIGITS.length;

/**
 * Ascending offsets as a meta value that adds no word to the index.
 * @example encodeOffsets([9, 24]) // '+<!'
 */
export function encodeOffsets(offsets: readonly number[]): string {
  let written = '';
  let previous = 0;
  for (const offset of offsets) {
    let gap = Math.max(0, offset - previous);
    previous = offset;
    let digits = LAST_DIGITS[gap % BASE] ?? '';
    for (gap = Math.floor(gap / BASE); gap > 0; gap = Math.floor(gap / BASE)) digits = (LEADING_DIGITS[gap % BASE] ?? '') + digits;
    written += digits;
  }
  return written;
}

/**
 * The offsets `encodeOffsets` wrote; none for a value it did not write.
 * @example decodeOffsets('+<!') // [9, 24]
 */
export function decodeOffsets(value: string | undefined): number[] {
  const offsets: number[] = [];
  let previous = 0;
  let gap = 0;
  for (const digit of value ?? '') {
    const leading = LEADING_DIGITS.indexOf(digit);
    const last = LAST_DIGITS.indexOf(digit);
    if (leading >= 0) gap = gap * BASE + leading;
    else if (last >= 0) {
      previous += gap * BASE + last;
      offsets.push(previous);
      gap = 0;
    } else return [];
  }
  return gap === 0 ? offsets : [];
}

/**
 * Meta key prefix of a section's start offset: `section.nova` = `"1288"`, or `"1288:5"` when the
 * section starts with its heading and its own text 5 characters later. Pagefind makes meta
 * values searchable, so project ids go in the keys, which it does not index; the values are digits.
 */
export const SECTION_META_PREFIX = 'section.';

/**
 * Text as the page reads it back from Pagefind: zero-width spaces dropped, every run of
 * whitespace as one space, trimmed.
 * @example flattenText(' 健康\u200b检查\n\n nova ') // '健康检查 nova'
 */
export function flattenText(text: string): string {
  return text
    .replace(/\u200b/g, '')
    .replace(/[\s\u0085]+/g, ' ')
    .trim();
}

/**
 * One record's content from its parts, flattened and joined by a space (empty parts left out),
 * and the meta entries giving each section's start. A section's heading (the project's name),
 * when given, opens its part: the text is about the project whether or not it repeats the name.
 * @example joinParts([{ text: '前言' }, { projectId: 'nova', heading: 'Nova', text: 'nova-scheduler' }]) // { content: '前言 Nova nova-scheduler', meta: { 'section.nova': '3:5' } }
 */
export function joinParts(parts: readonly { projectId?: string; heading?: string; text: string; breaks?: readonly number[] }[]): {
  content: string;
  meta: Record<string, string>;
} {
  let content = '';
  const meta: Record<string, string> = {};
  const breaks: number[] = [];
  for (const part of parts) {
    const text = flattenText(part.text);
    if (!text) continue;
    if (content) content += ' ';
    const heading = part.projectId === undefined ? '' : flattenText(part.heading ?? '');
    if (part.projectId !== undefined) {
      meta[`${SECTION_META_PREFIX}${part.projectId}`] = heading ? `${content.length}:${heading.length + 1}` : String(content.length);
    }
    content += heading ? `${heading} ${text}` : text;
    // A part's text is flattened already (render.ts), so its offsets hold in the content.
    const start = content.length - text.length;
    for (const offset of part.breaks ?? []) if (offset <= text.length) breaks.push(start + offset);
  }
  if (breaks.length) meta[BREAKS_META] = encodeOffsets(breaks);
  return { content, meta };
}

/**
 * The parts of a record as the page loaded it: the introduction (whatever precedes the first
 * section, when not empty), then each section in order. Offsets that do not fit are ignored.
 * @example splitParts('前言 nova-scheduler', { 'section.nova': '3' }) // [{ start: 0, end: 2, text: '前言' }, { projectId: 'nova', start: 3, end: 17, text: 'nova-scheduler' }]
 */
export function splitParts(content: string, meta: Readonly<Record<string, string>>): SearchPart[] {
  const flat = flattenText(content);
  const starts = Object.entries(meta)
    .flatMap(([key, value]) => {
      const offsets = /^(\d+)(?::(\d+))?$/.exec(value);
      if (!key.startsWith(SECTION_META_PREFIX) || !offsets) return [];
      return [{ projectId: key.slice(SECTION_META_PREFIX.length), start: Number(offsets[1]), body: Number(offsets[2] ?? 0) }];
    })
    .filter(({ start }) => start <= flat.length)
    .sort((a, b) => a.start - b.start);
  const bounds: { projectId?: string; start: number; body?: number }[] = [{ start: 0 }, ...starts];
  const breaks = decodeOffsets(meta[BREAKS_META]);
  return bounds.flatMap((bound, index): SearchPart[] => {
    const end = bounds[index + 1]?.start ?? flat.length;
    const text = flat.slice(bound.start, end).trim();
    if (!text) return [];
    const start = bound.start + flat.slice(bound.start, end).indexOf(text);
    const bodyStart = Math.min(bound.body ?? 0, text.length);
    const inside = breaks.filter((offset) => offset > start && offset <= start + text.length).map((offset) => offset - start);
    return [
      {
        ...(bound.projectId === undefined ? {} : { projectId: bound.projectId }),
        start,
        end: start + text.length,
        text,
        ...(bodyStart > 0 ? { bodyStart } : {}),
        ...(inside.length ? { breaks: inside } : {}),
      },
    ];
  });
}

/**
 * The Pagefind index every record goes into. Pagefind segments Chinese only in an index marked
 * Chinese, and its browser runtime loads one WebAssembly stemmer for every index on a page; one
 * index segmented as Chinese (Latin words stay words, unstemmed) serves both languages with one
 * download. The real language of each text is in `meta.lang`.
 */
export const SEARCH_INDEX_LANGUAGE = 'zh-cn';

/** Where the index is written and served from, under the site root. */
export const SEARCH_BUNDLE_DIR = 'pagefind';

/**
 * Filter names shared by the index and the search page. A filter costs a download proportional
 * to the records carrying it, so the locale split is an exclusion carried only by texts some
 * locale does not show (translations, and originals that have one), not a tag on every record.
 */
export const searchFilters = {
  /** Locales whose pages do not show the record's text; absent when every locale shows it. */
  hidden: 'hidden',
  /** Every project with a section (with some text) in the record's text. */
  project: 'project',
  /** Every `YYYY-MM` month the issue's period touches. */
  month: 'month',
} as const;

/** What a result shows of its issue, in one locale (project names come from the search page's filters). */
export interface SearchLabels {
  /** The issue's name, e.g. 第八期 or Issue 8. */
  issue: string;
  period: string;
}

/** Meta keys of the labels for a locale. @example labelKey('period', 'en') // 'period.en' */
export function labelKey(label: keyof SearchLabels, locale: Locale): string {
  return `${label}.${locale}`;
}

/**
 * The archive's own search vocabulary, written beside the index at build time (`vocabulary.json`
 * in the bundle) and fetched by the search page with Pagefind: what it needs to widen a query,
 * and nothing of the registries or of Chinese the archive does not use. Every first search
 * downloads it, so it is written small.
 */
export interface SearchVocabulary {
  /**
   * Traditional (and variant) characters followed each by the simplified one the archive writes,
   * for the simplified characters the archive holds: `雲云計计`.
   */
  variants: string;
  /**
   * The releases and projects the archive mentions that a query could name otherwise than the
   * archive does, one string each (`VOCABULARY_FORM` says how it is written).
   */
  concepts: string[];
  /** Where the index keeps each word and filter (`IndexLayout`), packed (`packLayout`). */
  layout: PackedLayout;
}

/**
 * Where Pagefind keeps the words and filters of the index, from its metadata: with it, the page
 * asks for the chunks a query needs while Pagefind itself is still loading.
 */
export interface IndexLayout {
  /** The index chunks in word order, each `[first word, last word, chunk]`. */
  chunks: [from: string, to: string, hash: string][];
  /** Each filter's chunk, by the filter's name. */
  filterChunks: Record<string, string>;
}

/**
 * The layout as the vocabulary file carries it, small: a line per chunk (`from to hash`) and per
 * filter (`name hash`), each hash without the prefix every chunk of the index shares (its
 * language). Pagefind's words never hold a space: it splits on them.
 */
export interface PackedLayout {
  chunks: string;
  filters: string;
}

const chunkPrefix = `${SEARCH_INDEX_LANGUAGE}_`;

const unprefixed = (hash: string): string => {
  if (!hash.startsWith(chunkPrefix) || /\s/.test(hash))
    throw new Error(`Pagefind named a chunk ${hash}, not ${chunkPrefix}…: check packLayout against the index.`);
  return hash.slice(chunkPrefix.length);
};

/**
 * The layout packed for the vocabulary file.
 * @example packLayout({ chunks: [['a', 'nova', 'zh-cn_1f'], ['o', 'zun', 'zh-cn_2e']], filterChunks: { hidden: 'zh-cn_3d' } }) // { chunks: 'a nova 1f\no zun 2e', filters: 'hidden 3d' }
 */
export function packLayout({ chunks, filterChunks }: IndexLayout): PackedLayout {
  return {
    chunks: chunks.map(([from, to, hash]) => `${from} ${to} ${unprefixed(hash)}`).join('\n'),
    filters: Object.entries(filterChunks)
      .map(([name, hash]) => `${name} ${unprefixed(hash)}`)
      .join('\n'),
  };
}

/** The layout the vocabulary file carried; what is malformed in it is left out. */
export function unpackLayout(packed: unknown): IndexLayout {
  const { chunks, filters } = ((typeof packed === 'object' && packed) || {}) as Partial<Record<keyof PackedLayout, unknown>>;
  const lines = (text: unknown, fields: number) =>
    (typeof text === 'string' ? text.split('\n') : [])
      .map((line) => line.split(' '))
      .filter((parts) => parts.length === fields && parts.every(Boolean));
  return {
    chunks: lines(chunks, 3).map(([from = '', to = '', hash = '']) => [from, to, chunkPrefix + hash]),
    filterChunks: Object.fromEntries(lines(filters, 2).map(([name = '', hash = '']) => [name, chunkPrefix + hash])),
  };
}

/**
 * How a concept of the vocabulary is written: its forms joined by `|`, each a name a query may use
 * or, marked `~`, only a mention (a milestone); the forms the archive holds marked `+` after that:
 * `+Icehouse|+I版|icehouse|~+icehouse-3`. Registry names may not contain `|` nor start with `~` or `+`.
 */
export const VOCABULARY_FORM = { separator: '|', mention: '~', present: '+' } as const;

/** The vocabulary's file name in the search bundle. */
export const SEARCH_VOCABULARY_FILE = 'vocabulary.json';

/** A vocabulary that widens nothing (when none could be loaded). */
export const emptyVocabulary: SearchVocabulary = { variants: '', concepts: [], layout: { chunks: '', filters: '' } };
