/**
 * Raw HTML that would take what an editor wrote off the page without a trace: left open, taking
 * the rest of the text (`unclosedHtml`), or a placeholder read as a tag (`vanishingTags`). Markdown ends an HTML
 * comment or a `<style>` block only where it is closed, else at the end of the text, and the HTML
 * parser puts everything after an unclosed `<template>` inside it; the page drops comments and
 * those elements with what they hold (`html-policy.ts`), so the sections and words after them
 * would vanish without a trace. Which elements do so was found by rendering each (the unit test
 * keeps it so). Pure.
 */
import { ALLOWED_ELEMENTS, BLOCK_ELEMENTS, DROPPED_ELEMENTS, isHtmlElement, VOID_ELEMENTS } from './html-policy.ts';
import { lineAt } from './problems.ts';

/** A piece of raw HTML as Markdown read it, with the line it starts on. */
export interface RawHtml {
  value: string;
  line: number;
}

/** Raw HTML opened and never closed: the tag as written, the element's name ('' for a comment), its line. */
export interface UnclosedHtml {
  tag: string;
  name: string;
  line: number;
}

/**
 * The elements the page drops whole (`html-policy.ts`) that the HTML parser, once one is open,
 * closes only at its own end tag, whatever follows. Others close at the end of their paragraph
 * or at the next block (`<svg>`, `<math>`, `<option>` in a paragraph), or hold nothing (`<meta>`).
 */
const SWALLOWING_ELEMENTS: ReadonlySet<string> = new Set([
  'script', 'style', 'textarea', 'title', 'iframe', 'object', 'template', 'form', 'select', 'button',
  'xmp', 'noembed', 'noframes', 'plaintext',
]); // prettier-ignore

/** Elements whose content is text to the HTML parser until their own end tag. */
const RAW_TEXT_ELEMENTS: ReadonlySet<string> = new Set(['script', 'style', 'textarea', 'title', 'iframe', 'xmp', 'noembed', 'noframes']);

/** The element no end tag closes: everything after its start tag is its text. */
const ENDLESS_ELEMENT = 'plaintext';

const TOKEN = /<!--|<(\/?)([A-Za-z][A-Za-z0-9-]*)(?=[\s/>])[^<>]*?(\/?)>/g;

/**
 * The comments and dropped elements opened in `pieces` (a text's raw HTML, in order) and never
 * closed after, each with the line it opens on: `<!--` (no name), or the opening tag as written
 * and its element's name.
 * @example unclosedHtml([{ value: '<style>\nbody {}', line: 4 }]) // [{ tag: '<style>', name: 'style', line: 4 }]
 */
export function unclosedHtml(pieces: readonly RawHtml[]): UnclosedHtml[] {
  const open: UnclosedHtml[] = [];
  const unclosed: UnclosedHtml[] = [];
  // Inside a raw-text element, only its own end tag counts.
  let rawText: string | undefined;
  for (const { value, line } of pieces) {
    TOKEN.lastIndex = 0;
    for (let token = TOKEN.exec(value); token; token = TOKEN.exec(value)) {
      const [whole, closing, written = '', selfClosing] = token;
      const name = written.toLowerCase();
      if (rawText !== undefined) {
        if (closing && name === rawText) {
          rawText = undefined;
          open.pop();
        }
        continue;
      }
      if (whole === '<!--') {
        // From its `<!`: `<!-->` and `<!--->` are comments already closed.
        const end = value.indexOf('-->', token.index + 2);
        if (end < 0) {
          unclosed.push({ tag: '<!--', name: '', line: lineAt(value, token.index, line) });
          break;
        }
        TOKEN.lastIndex = end + 3;
        continue;
      }
      if (!SWALLOWING_ELEMENTS.has(name) || selfClosing) continue;
      if (!closing) {
        open.push({ name, tag: whole, line: lineAt(value, token.index, line) });
        if (RAW_TEXT_ELEMENTS.has(name)) rawText = name;
        if (name === ENDLESS_ELEMENT) return [...unclosed, ...open].sort((a, b) => a.line - b.line);
        continue;
      }
      const opened = open.findLastIndex((element) => element.name === name);
      if (opened >= 0) open.splice(opened);
    }
  }
  return [...unclosed, ...open].sort((a, b) => a.line - b.line);
}

/** A tag of raw HTML the page would drop without a trace, as written, with its line. */
export interface VanishingTag {
  tag: string;
  /** The element's name, in lower case. */
  name: string;
  line: number;
  /** Whether an element of HTML (or SVG, MathML) has its name: else it can only be a placeholder. */
  element: boolean;
  /** Whether the page drops the element with what follows it in its paragraph (`<svg>`), not the tag alone. */
  swallows?: boolean;
}

const TAG = /<(\/?)([A-Za-z][A-Za-z0-9-]*)((?:\s[^<>]*?)?)(\/?)>/g;

/**
 * The tags of raw HTML in `pieces` (a text's raw HTML, in order; comments left out) that the page
 * would drop leaving nothing in their place, so that what the editor wrote vanishes: a tag no
 * element has (`<server>`, `List<String>`), and a bare tag, without attributes, of an element the
 * page does not keep that is never closed or holds nothing (`<image>`, `<path>`, `<input>`, an
 * `<svg>` that takes the rest of its paragraph). Markdown reads such placeholders as HTML. A tag
 * with attributes is HTML written as such, and elements that take the rest of the text are
 * `unclosedHtml`'s to report.
 * @example vanishingTags([{ value: '<image>', line: 3 }]) // [{ tag: '<image>', name: 'image', line: 3, element: true }]
 */
export function vanishingTags(pieces: readonly RawHtml[]): VanishingTag[] {
  const tags = pieces
    .filter(({ value }) => !value.trimStart().startsWith('<!--'))
    .flatMap(({ value, line }) =>
      [...value.matchAll(TAG)].map(({ 0: tag, 1: closing, 2: written = '', 3: attributes = '', 4: selfClosing, index }) => ({
        tag,
        line: lineAt(value, index, line),
        closing: !!closing,
        name: written.toLowerCase(),
        bare: !attributes.trim(),
        empty: !!selfClosing,
      })),
    );
  return tags.flatMap(({ tag, line, closing, name, bare, empty }, at): VanishingTag[] => {
    if (!isHtmlElement(name)) return [{ tag, name, line, element: false }];
    // Kept, or unwrapped on a line of its own: the tag leaves its mark. An image with no address
    // (`使用<img>标签`) is dropped.
    const kept = (ALLOWED_ELEMENTS.has(name) || BLOCK_ELEMENTS.has(name)) && !(name === 'img' && bare);
    if (closing || !bare || kept || SWALLOWING_ELEMENTS.has(name)) return [];
    const holds = !empty && !VOID_ELEMENTS.has(name);
    if (holds && tags.slice(at + 1).some((later) => later.closing && later.name === name)) return [];
    return [{ tag, name, line, element: true, ...(holds && DROPPED_ELEMENTS.has(name) ? { swallows: true } : {}) }];
  });
}

/**
 * The HTML parser's formatting elements: one left open is not closed by the end of its paragraph
 * or block but opened again in every one after it, to the end of the text (the parser's
 * "reconstruct the active formatting elements"), so the sections after it are bold, italic, a
 * link…
 */
const FORMATTING_ELEMENTS: ReadonlySet<string> = new Set([
  'a', 'b', 'big', 'code', 'em', 'font', 'i', 'nobr', 's', 'small', 'strike', 'strong', 'tt', 'u',
]); // prettier-ignore

/** Comments (closed or not), and elements whose content the HTML parser reads as text. */
const HIDDEN_TAGS = new RegExp(`<!--[\\s\\S]*?(?:-->|$)|<(${[...RAW_TEXT_ELEMENTS].join('|')})\\b[^>]*>[\\s\\S]*?(?:</\\1\\s*>|$)`, 'gi');

/**
 * The formatting elements opened in `pieces` (a text's raw HTML, in order; comments left out) and
 * never closed after, each with its tag as written and its line. A link opened while another is
 * open ends that one: the first is reported, as what it takes in is not what was meant.
 * @example unclosedFormatting([{ value: '<b>', line: 3 }]) // [{ tag: '<b>', name: 'b', line: 3 }]
 */
export function unclosedFormatting(pieces: readonly RawHtml[]): UnclosedHtml[] {
  const open: UnclosedHtml[] = [];
  const unclosed: UnclosedHtml[] = [];
  for (const { tag, name, line, closing } of tagsShown(pieces)) {
    // `<b/>` opens a `<b>` as `<b>` does: HTML ignores the slash on an element that can hold text.
    if (!FORMATTING_ELEMENTS.has(name)) continue;
    const opened = open.findLastIndex((element) => element.name === name);
    if (closing) {
      if (opened >= 0) open.splice(opened, 1);
      continue;
    }
    if (name === 'a' && opened >= 0) unclosed.push(...open.splice(opened, 1));
    open.push({ tag, name, line });
  }
  return [...unclosed, ...open].sort((a, b) => a.line - b.line);
}

/**
 * The tags of raw HTML pieces, in order, with their lines; those inside comments and scripts are
 * text, left out.
 */
function* tagsShown(pieces: readonly RawHtml[]): Generator<UnclosedHtml & { closing: boolean }> {
  for (const { value, line } of pieces) {
    // Blanked, their lines kept.
    const tags = value.replace(HIDDEN_TAGS, (hidden) => hidden.replace(/[^\n]/g, ' '));
    for (const { 0: tag, 1: closing, 2: written = '', index } of tags.matchAll(TAG)) {
      yield { tag, name: written.toLowerCase(), line: lineAt(tags, index, line), closing: !!closing };
    }
  }
}

/** A tag of a paragraph's raw HTML that is never closed, or closes nothing, in that paragraph. */
export interface UnmatchedTag extends UnclosedHtml {
  /** A closing tag with no opening one before it in the paragraph. */
  closing: boolean;
}

/**
 * The tags in one paragraph's raw HTML (`pieces`, in order) that the page keeps the element of (or
 * unwraps on a line of its own) and that are never closed in the paragraph, or close nothing: an
 * HTML element named in prose (`使用<sup>标签`, `<p>`, `</div>`). The tag vanishes from the text and
 * its element takes in the rest of the paragraph, or breaks it there. Formatting elements and those
 * dropped whole are `unclosedFormatting`'s and `unclosedHtml`'s to report; void elements close themselves.
 * @example unmatchedInParagraph([{ value: '<sup>', line: 3 }]) // [{ tag: '<sup>', name: 'sup', line: 3, closing: false }]
 */
export function unmatchedInParagraph(pieces: readonly RawHtml[]): UnmatchedTag[] {
  const open: UnmatchedTag[] = [];
  const stray: UnmatchedTag[] = [];
  for (const found of tagsShown(pieces)) {
    const { name } = found;
    const kept = ALLOWED_ELEMENTS.has(name) || BLOCK_ELEMENTS.has(name);
    if (!kept || VOID_ELEMENTS.has(name) || FORMATTING_ELEMENTS.has(name) || SWALLOWING_ELEMENTS.has(name)) continue;
    if (!found.closing) {
      open.push(found);
      continue;
    }
    const opened = open.findLastIndex((element) => element.name === name);
    if (opened >= 0) open.splice(opened, 1);
    else stray.push(found);
  }
  return [...open, ...stray].sort((a, b) => a.line - b.line);
}
