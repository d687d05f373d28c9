/**
 * The one Markdown pass over a text: satteri parses it once, and steps over its trees give
 * everything the site needs of it. On the Markdown tree, top-level `##` headings chosen by the
 * caller become part boundaries (the headings the site's sections are made of); on the HTML tree,
 * every element passes the allowlist (`html-policy.ts`), addresses are resolved as the browser
 * will (`addresses.ts`), links elsewhere are marked, outside images become links, links and
 * images to this site are noted with their lines (checked in `site-links.ts`); then the HTML
 * and the plain text of each part come out of the same tree; then links elsewhere get their
 * archived copies (`outside-links.ts`, a step of its own over the same tree). Raw HTML is parsed
 * into the tree, so it meets the same allowlist. Node only (satteri is native).
 */
import { randomUUID } from 'node:crypto';
import type { Element, ElementContent, Nodes, Properties, RootContent } from 'hast';
import type { Delete, Emphasis, FootnoteDefinition, FootnoteReference, Html, Link, Parent, PhrasingContent, Strong, Table } from 'mdast';
import type { Node } from 'unist';
import {
  defineHastPlugin,
  defineMdastPlugin,
  markdownToHtml,
  type HastVisitorContext,
  type MarkdownToHtmlResult,
  type MdastVisitorContext,
} from 'satteri';
import type { RenderedPart } from '../schemas/entry.ts';
import { stripBidiControls } from '../lib/bidi.ts';
import { chineseRuns, holdsChinese } from '../i18n/lang-runs.ts';
import { defaultLocale, type Locale } from '../i18n/locales.ts';
import { resolveAddress, unlinkedReason, userOf, type PageAddress, type ResolvedAddress } from './addresses.ts';
import { firstHidden } from './hidden-characters.ts';
import type { SiteLink } from './site-links.ts';
import {
  ALLOWED_ELEMENTS,
  BLOCK_ELEMENTS,
  codeClasses,
  DROPPED_ELEMENTS,
  TEXT_DROPPING_ELEMENTS,
  isAllowedProperty,
  isHtmlElement,
  LINE_ENDING_ELEMENTS,
  RENAMED_ELEMENTS,
} from './html-policy.ts';
import type { OutsideLinkPlan } from '../lib/outside-links.ts';
import { createOutsideLinksStep, type OutsideLinkOptions } from './outside-links.ts';
import { lineAt } from './problems.ts';
import {
  bracketedAddresses,
  literalEmphasis,
  markdownInHtml,
  spacedAddresses,
  undefinedReferences,
  unreadDefinitions,
  type MisreadMarkdown,
} from './misread-markdown.ts';
import { markInsertions, takeBreaks } from './text-breaks.ts';
import { joinWideLines } from './wide-lines.ts';
import {
  unclosedFormatting,
  unclosedHtml,
  unmatchedInParagraph,
  vanishingTags,
  type RawHtml,
  type UnclosedHtml,
  type UnmatchedTag,
  type VanishingTag,
} from './unclosed-html.ts';

/** A `#` or `##` heading at the top level of the text (not inside a quote or a list). */
export interface TopHeading {
  depth: 1 | 2;
  /** Its text, formatting dropped. */
  text: string;
  /** 1-based line in the text. */
  line: number;
  /** UTF-16 offsets of the heading in the text, `end` excluded. */
  start: number;
  end: number;
}

export interface RenderOptions {
  /** The page the text is shown on. */
  page: PageAddress;
  /** Whether a top-level `##` heading starts a new part; no heading does when absent. */
  startsPart?: (heading: TopHeading) => boolean;
  /** Archived copies, moves and checks for links elsewhere; links stay as written when absent. */
  outsideLinks?: OutsideLinkOptions;
  /** The text's language (Chinese when absent): in another, its runs of Chinese are marked as such. */
  lang?: Locale;
}

export interface RenderedText {
  /** The text before the first boundary, then one part per boundary heading, in order (none when `broken`). */
  parts: RenderedPart[];
  /** Raw HTML opened before a boundary heading and closed after it, so the text cannot be cut there. */
  broken: boolean;
  /** Every top-level `#` and `##` heading, in order. */
  headings: TopHeading[];
  /** The headings that start parts (`parts[i + 1]` follows `boundaries[i]`). */
  boundaries: TopHeading[];
  /** Every link elsewhere the text holds, as the site links it, in order. */
  links: OutsideLinkPlan[];
  /** Tags of raw HTML the page would drop leaving nothing in their place (`<server>`, `<image>`), with their lines. */
  vanishingTags: VanishingTag[];
  /** Bare web addresses that run into the Chinese text after them (`https://…/Nova获取更多信息`), with their lines. */
  runOnAddresses: { address: string; line: number }[];
  /**
   * Addresses giving a user name (and password) before their host (`https://www.openstack.org@evil.example/`),
   * as written, with that part and their lines: see `userOf`.
   */
  userAddresses: { address: string; user: string; line: number }[];
  /** Addresses holding a character no one sees (`…/marconi` + U+200E), as written, with their lines: see `hidden-characters.ts`. */
  hiddenInAddresses: { address: string; line: number }[];
  /** Addresses of links, images and frames the site does not link (`ftp:`, `//host`), as written, why, and their lines. */
  unlinked: { address: string; reason: string; line: number }[];
  /** Lines holding `**` that Markdown leaves as asterisks, as it does beside full-width punctuation (`**注意：**这是`). */
  literalStars: number[];
  /** Emphasis, references, addresses and table cells Markdown reads otherwise than meant: see `misread-markdown.ts`. */
  misread: MisreadMarkdown[];
  /**
   * HTML tags with an attribute value not in quotes (`<a href=/issues/17/>`), which this Markdown
   * reads as text (CommonMark would read them as HTML), with their lines: see `UNQUOTED_TAG`.
   */
  unquotedTags: { tag: string; name: string; line: number }[];
  /** Comments and dropped elements of raw HTML never closed, which would take the rest of the text with them. */
  unclosed: UnclosedHtml[];
  /** Formatting elements of raw HTML never closed (`<b>`), which the page would carry on into every paragraph after them. */
  unclosedFormatting: UnclosedHtml[];
  /** Tags of a paragraph's raw HTML never closed, or closing nothing, in it (`使用<sup>标签`): see `unmatchedInParagraph`. */
  unmatchedInParagraphs: UnmatchedTag[];
  /** Top-level paragraphs written as a `##` heading without the space Markdown needs (`##Keystone`, `＃＃ Glance`), with their lines. */
  unspacedHeadings: { text: string; line: number }[];
  /** Headings that start parts and hold a link or an image, whose address a section's title would not show, with their lines. */
  linkedHeadings: { text: string; line: number }[];
  /** `#` and `##` headings inside a quote or a list item (`> ## Heat`), which start no part, with their lines. */
  nestedHeadings: { text: string; line: number }[];
  /** Elements the page drops with the text they hold (`<button>提交</button>`), that text, and their lines. */
  droppedText: { name: string; text: string; line: number }[];
  /** Top-level headings of level 3 to 6 (`### Nova`), which start no part, with their levels and lines. */
  subHeadings: { text: string; depth: number; line: number }[];
  /**
   * Raw HTML `<h1>` and `<h2>` headings (`<h2>Nova</h2>`), which the page shows as plain text and which
   * start no part, as written (the element, or its opening tag when it closes elsewhere), with their
   * text (tags removed; `''` when it is not in the same piece) and lines.
   */
  htmlHeadings: { written: string; text: string; line: number }[];
  /** `##` lines inside a code block (one never closed takes in the sections after it), with their lines and the block's. */
  codeHeadings: { text: string; line: number; codeLine: number }[];
  /**
   * `##` lines at the top level indented by four spaces or more, which Markdown reads as a line of
   * the paragraph above or as code (`code`), with their text after `##` and their lines.
   */
  indentedHeadings: { text: string; line: number; code: boolean }[];
  /** Footnote references and definitions (`[^1]`), with their lines: see `readIssueBody`. */
  footnotes: { label: string; line: number }[];
  /** Every link and image to this site, as the site writes it, in order: see `site-links.ts`. */
  siteLinks: SiteLink[];
}

/**
 * The start of an HTML tag (not escaped, `\<a`) whose attributes reach one given without quotes:
 * the Markdown parser shows such a tag as text, and the element's closing tag, read as HTML, vanishes.
 */
const UNQUOTED_TAG = /(?<!\\)<([a-z][a-z0-9]*)(?:\s+[a-z][\w:-]*(?:\s*=\s*(?:"[^"]*"|'[^']*'))?)*\s+[a-z][\w:-]*\s*=\s*(?!["'\s])/gi;

/**
 * A part boundary is a paragraph holding only this process's own random token, which no text can
 * forge: the HTML and the plain text of the whole tree are cut at it.
 */
const BOUNDARY_TOKEN = `digest-part-${randomUUID()}`;
const BOUNDARY_HTML = `<p>${BOUNDARY_TOKEN}</p>`;

/** A line of a paragraph that is a `##` heading indented by four spaces or more (a tab counts as four), with its text. */
const INDENTED_HEADING = /^(?: {4,}| {0,3}\t)[ \t]*##[ \t]+(.+?)[ \t#]*$/;

/**
 * `##` then a word, or a full-width or no-break space, or number signs typed full-width (`＃＃ Glance`,
 * as a Chinese input method writes them): meant as a section heading, read by Markdown as a
 * paragraph of the section before (its news filed under another project).
 */
const UNSPACED_HEADING = /^(?:##(?:[^\s#]|[\u3000\u00A0])|(?=[#＃]*＃)[#＃]{2,6}(?![#＃]))/;

const EXTERNAL_REL = ['external', 'noopener', 'noreferrer'];

/**
 * Raw HTML is parsed into the tree only when the text may hold some (satteri's reparse doubles the
 * cost of a text); `<scheme:…>` autolinks are not HTML. Without the reparse, raw HTML would stay
 * opaque and be dropped, so the test errs on the side of reparsing.
 */
const MAY_HOLD_HTML = /<(?![a-z][a-z0-9+.-]*:[^\s<>]*>)[a-z!?/]/i;

/** Markdown nodes whose raw HTML children are blocks of their own, not tags inside a line of text. */
const BLOCK_PARENTS: ReadonlySet<string> = new Set(['root', 'blockquote', 'listItem', 'footnoteDefinition']);

/** Chinese characters, and the full-width punctuation and forms Chinese text is written with. */
const FULL_WIDTH = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef\u2018\u2019\u201c\u201d]/u;

/**
 * Puts an emphasis or strike back as the text it was written as: its delimiters, then what it
 * holds. (The HTML tree then has no element for it, and the search text has the delimiters too.)
 */
function keepDelimiters(node: Readonly<Delete | Emphasis | Strong>, delimiter: string, ctx: MdastVisitorContext): void {
  const mark: PhrasingContent = { type: 'text', value: delimiter };
  ctx.replaceNode(node, [mark, ...node.children, { ...mark }]);
}

/**
 * Renders a text once: its parts' HTML and plain text, and its top-level headings. Explicit
 * direction controls are removed first (`lib/bidi.ts`): a caller that slices the text by the
 * offsets returned strips them too.
 */
export function renderText(
  written: string,
  { page, startsPart = () => false, outsideLinks, lang = defaultLocale }: RenderOptions,
): RenderedText {
  const markdown = stripBidiControls(written);
  const headings: TopHeading[] = [];
  const boundaries: TopHeading[] = [];
  const rawHtml = MAY_HOLD_HTML.test(markdown);
  // Containers are visited before what they hold: a heading inside one is not at the top level.
  let containerEnd = -1;
  const container = (node: Readonly<Node>) => {
    containerEnd = Math.max(containerEnd, node.position?.end.offset ?? -1);
  };
  const rawPieces: RawHtml[] = [];
  const digit = (at: number) => /\d/.test(markdown[at] ?? '');
  /** Whether an emphasis's opening or closing `*` (`width` of them) stands between two digits. */
  const betweenDigits = (node: Readonly<Emphasis | Strong>, width: number) => {
    const start = node.position?.start.offset ?? 0;
    const end = node.position?.end.offset ?? 0;
    return markdown[start] === '*' && ((digit(start - 1) && digit(start + width)) || (digit(end - width - 1) && digit(end)));
  };
  // Underscores that are part of a name: next to a path's `/` or a file's extension
  // (`nova/__init__.py`, `_private_.py`), or around a lowercase Python name (`__main__`).
  const underscoresOfName = (node: Readonly<Emphasis | Strong>, width: number) => {
    const start = node.position?.start.offset ?? 0;
    const end = node.position?.end.offset ?? 0;
    if (markdown[start] !== '_') return false;
    const inPath = /[/\\.]/.test(markdown[start - 1] ?? '') || /^(?:[/\\]|\.\w)/.test(markdown.slice(end, end + 2));
    return inPath || (width === 2 && /^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/.test(markdown.slice(start + 2, end - 2)));
  };
  const runOnAddresses: RenderedText['runOnAddresses'] = [];
  const literalStars: number[] = [];
  const misread: MisreadMarkdown[] = [];
  const unmatchedInParagraphs: UnmatchedTag[] = [];
  const unquotedTags: RenderedText['unquotedTags'] = [];
  const unspacedHeadings: RenderedText['unspacedHeadings'] = [];
  const linkedHeadings: RenderedText['linkedHeadings'] = [];
  const nestedHeadings: RenderedText['nestedHeadings'] = [];
  const subHeadings: RenderedText['subHeadings'] = [];
  const codeHeadings: RenderedText['codeHeadings'] = [];
  const indentedHeadings: RenderedText['indentedHeadings'] = [];
  const footnotes: RenderedText['footnotes'] = [];
  const footnote = (node: Readonly<FootnoteReference | FootnoteDefinition>) => {
    footnotes.push({ label: node.label ?? node.identifier, line: node.position?.start.line ?? 0 });
  };
  let definitions = 0;
  const references: MisreadMarkdown[] = [];
  /**
   * What a block of inline text (a paragraph, heading or table cell) reads otherwise than meant:
   * addresses with a space, tags named in prose, wherever in it (inside a link or emphasis too).
   * Its source is read first: walking a node's children makes the parser build them all.
   */
  const inlineBlock = (node: Readonly<Parent>) => {
    const start = node.position?.start.offset ?? 0;
    const written = markdown.slice(start, node.position?.end.offset ?? start);
    const line = node.position?.start.line ?? 0;
    if (written.includes('](')) {
      for (const { written: link, meant, index } of spacedAddresses(written))
        misread.push({ kind: 'spaced-address', line: lineAt(written, index, line), written: link, meant });
    }
    if (written.includes('<')) {
      for (const { written: address, meant, reason, index } of bracketedAddresses(written))
        misread.push({ kind: 'bracketed-address', line: lineAt(written, index, line), written: address, meant, reason });
    }
    const inlineHtml = MAY_HOLD_HTML.test(written) ? htmlWithin(node) : [];
    if (inlineHtml.length) unmatchedInParagraphs.push(...unmatchedInParagraph(inlineHtml));
    return { written, line };
  };
  const sectionsStep = defineMdastPlugin({
    name: 'digest-parts',
    options: { position: true },
    // Raw HTML as Markdown read it (never code), for the placeholders and open elements in it; a
    // block of it (not a tag inside a paragraph) leaves the Markdown it holds as text.
    html(node, ctx) {
      const line = node.position?.start.line ?? 0;
      rawPieces.push({ value: node.value, line });
      if (!BLOCK_PARENTS.has(ctx.parent(node)?.type ?? 'root')) return;
      for (const { written, tag, index } of markdownInHtml(node.value))
        misread.push({ kind: 'markdown-in-html', line: lineAt(node.value, index, line), written, tag });
    },
    // A single `~` is how Chinese text writes a range (`11.17~11.22`, `3~5 天`), which GFM would
    // strike through: only `~~` strikes.
    delete(node, ctx) {
      if (!markdown.startsWith('~~', node.position?.start.offset ?? 0)) keepDelimiters(node, '~', ctx);
    },
    // `*` between digits multiplies (`4*8GB`, `2**10`): it makes no emphasis there; nor do the
    // underscores of a file or a Python name (`nova/__init__.py`, `__main__`).
    emphasis(node, ctx) {
      if (betweenDigits(node, 1)) keepDelimiters(node, '*', ctx);
      else if (underscoresOfName(node, 1)) keepDelimiters(node, '_', ctx);
    },
    strong(node, ctx) {
      if (betweenDigits(node, 2)) keepDelimiters(node, '**', ctx);
      else if (underscoresOfName(node, 2)) keepDelimiters(node, '__', ctx);
    },
    // A bare address (GFM's autolink, not `<…>` or `[…](…)`) ends only at a space: Chinese text
    // written right after it becomes part of the address.
    link(node, ctx) {
      const start = node.position?.start.offset ?? 0;
      const written = markdown.slice(start, node.position?.end.offset ?? start);
      // An address that is the text of an HTML link (`<a href="…">https://…</a>`) is its text, not a second link inside it.
      if (rawHtml && !/^[<[]/.test(written) && insideHtmlLink(node, ctx)) {
        ctx.replaceNode(node, { type: 'text', value: written });
        return;
      }
      if (/^[<[]/.test(written) || !FULL_WIDTH.test(written)) return;
      runOnAddresses.push({ address: written, line: node.position?.start.line ?? 0 });
    },
    // `**` left as text, as written (an escaped `\*\*` is meant to show); an HTML tag left as text.
    // Then the text's lines wrapped between Chinese characters are joined.
    text(node, ctx) {
      const start = node.position?.start.offset ?? 0;
      const written = markdown.slice(start, node.position?.end.offset ?? start);
      for (const { index, 1: name = '' } of written.matchAll(UNQUOTED_TAG)) {
        // A tag closes on its line before any other `<`: `a<b c=d` in prose is no tag.
        const tag = /^<[^<>\n]*>/.exec(markdown.slice(start + index))?.[0];
        if (!tag || !isHtmlElement(name.toLowerCase())) continue;
        unquotedTags.push({ tag, name: name.toLowerCase(), line: lineAt(written, index, node.position?.start.line ?? 0) });
      }
      const textLine = node.position?.start.line ?? 0;
      // Bold needs a pair: a lone `**` is a name's (`**kwargs`).
      const stars = [...written.matchAll(/(?<!\\)\*\*/g)];
      for (const { index } of stars.length > 1 ? stars : []) {
        const beside = written.slice(Math.max(0, index - 1), index) + written.slice(index + 2, index + 3);
        if (FULL_WIDTH.test(beside)) literalStars.push(lineAt(written, index, textLine));
      }
      if (/[*_]/.test(written)) {
        for (const { written: pair, delimiter, index } of literalEmphasis(written))
          misread.push({ kind: 'literal-emphasis', line: lineAt(written, index, textLine), written: pair, delimiter });
      }
      if (written.includes('][')) {
        for (const { written: reference, label, index } of undefinedReferences(written))
          references.push({ kind: 'undefined-reference', line: lineAt(written, index, textLine), written: reference, label });
      }
      const joined = joinWideLines(node.value);
      if (joined !== node.value) ctx.replaceNode(node, { type: 'text', value: joined });
    },
    // A line read as a definition to something that is no address (`[注]: 本文来自…`) vanishes.
    definition(node) {
      const start = node.position?.start.offset ?? 0;
      const written = markdown.slice(start, node.position?.end.offset ?? start).trim();
      definitions += 1;
      const address = /^ {0,3}\[[^\]]*\]:\s*<?([^\s>]*)/.exec(written)?.[1] ?? '';
      if (!/^(?:[a-z][a-z0-9+.-]*:|\/|#|\.|www\.)/i.test(address) && FULL_WIDTH.test(address))
        misread.push({ kind: 'hidden-definition', line: node.position?.start.line ?? 0, written: written.split('\n', 1)[0] ?? written });
    },
    paragraph(node) {
      const { written, line } = inlineBlock(node);
      if (written.includes(']')) {
        for (const { written: definition, meant, reason, index } of unreadDefinitions(written))
          misread.push({ kind: 'unread-definition', line: lineAt(written, index, line), written: definition, meant, reason });
      }
      const start = node.position?.start.offset ?? 0;
      if (start < containerEnd) return;
      const [first = '', ...more] = written.split('\n');
      if (UNSPACED_HEADING.test(first)) unspacedHeadings.push({ text: first.trim(), line });
      more.forEach((text, index) => {
        const heading = INDENTED_HEADING.exec(text)?.[1];
        if (heading) indentedHeadings.push({ text: heading, line: line + 1 + index, code: false });
      });
    },
    // GFM drops the cells of a row past its header's count, with what they hold.
    table(node: Readonly<Table>, ctx) {
      const [header, ...rows] = node.children;
      const columns = header?.children.length ?? 0;
      for (const row of rows) {
        const dropped = row.children.slice(columns).map((cell) => ctx.textContent(cell).trim());
        // An empty cell after the last (`| c | d | |`) loses nothing.
        if (!dropped.some(Boolean)) continue;
        misread.push({
          kind: 'overfull-row',
          line: row.position?.start.line ?? 0,
          cells: row.children.length,
          columns,
          dropped: dropped.join(' | '),
        });
      }
    },
    tableCell(node) {
      inlineBlock(node);
    },
    // A fenced block never closed runs to the end of the text, taking in the sections after it.
    code(node) {
      const codeLine = node.position?.start.line ?? 0;
      const written = markdown.slice(node.position?.start.offset ?? 0, node.position?.end.offset ?? 0).trimEnd();
      const fence = /^ {0,3}(`{3,}|~{3,})/.exec(written)?.[1];
      const lastLine = written.split('\n').at(-1)?.trim() ?? '';
      const closed = written.includes('\n') && lastLine.startsWith(fence ?? '\0') && /^(?:`+|~+)$/.test(lastLine);
      // A block of code by its indentation, at the top level: a heading indented by mistake.
      if (!fence && (node.position?.start.offset ?? 0) >= containerEnd) {
        node.value.split('\n').forEach((text, index) => {
          const heading = /^##[ \t]+(.+?)[ \t#]*$/.exec(text)?.[1];
          if (heading) indentedHeadings.push({ text: heading, line: codeLine + index, code: true });
        });
      }
      if (!fence || closed) return;
      // Its text starts on the line after its fence.
      const first = codeLine + 1;
      node.value.split('\n').forEach((text, index) => {
        const heading = /^##[ \t]+(.+?)[ \t#]*$/.exec(text)?.[1];
        if (heading) codeHeadings.push({ text: heading, line: first + index, codeLine });
      });
    },
    blockquote: container,
    listItem: container,
    footnoteDefinition(node) {
      container(node);
      footnote(node);
    },
    footnoteReference: footnote,
    heading(node, ctx) {
      inlineBlock(node);
      const start = node.position?.start.offset ?? 0;
      if (node.depth <= 2 && start < containerEnd)
        nestedHeadings.push({ text: ctx.textContent(node).trim(), line: node.position?.start.line ?? 0 });
      if (start < containerEnd) return;
      if (node.depth > 2) {
        subHeadings.push({ text: ctx.textContent(node).trim(), depth: node.depth, line: node.position?.start.line ?? 0 });
        return;
      }
      const heading: TopHeading = {
        depth: node.depth as 1 | 2,
        text: ctx.textContent(node).trim(),
        line: node.position?.start.line ?? 0,
        start,
        end: node.position?.end.offset ?? start,
      };
      headings.push(heading);
      if (heading.depth === 2 && startsPart(heading)) {
        if (holdsAddress(node))
          linkedHeadings.push({ text: markdown.slice(heading.start, heading.end).split('\n', 1)[0] ?? '', line: heading.line });
        boundaries.push(heading);
        ctx.replaceNode(node, { type: 'paragraph', children: [{ type: 'text', value: BOUNDARY_TOKEN }] });
      }
    },
  });
  const siteLinks: SiteLink[] = [];
  const addresses = createAddressLines(markdown);
  const userAddresses: RenderedText['userAddresses'] = [];
  const unlinked: RenderedText['unlinked'] = [];
  const hiddenInAddresses: RenderedText['hiddenInAddresses'] = [];
  const dropped: { name: string; text: string }[] = [];
  const safety = createSafetyStep(page, rawHtml, dropped, (written, address, image) => {
    // Markdown percent-encodes what it does not keep as is: `%E2%80%8E` is the mark written there
    // unseen (one written as `%E2%80%8E` was meant).
    const asWritten = safeDecode(written);
    if (firstHidden(asWritten, 'address') && markdown.includes(asWritten)) {
      hiddenInAddresses.push({ address: asWritten, line: addresses.lineOf(written) ?? 0 });
      return;
    }
    if (!address) {
      const reason = unlinkedReason(written);
      if (reason) unlinked.push({ address: written, reason, line: addresses.lineOf(written) ?? 0 });
      return;
    }
    const user = userOf(written);
    const onSite = isOnSite(address);
    if (!user && !onSite) return;
    const line = addresses.lineOf(written);
    if (user) userAddresses.push({ address: written, user, line: line ?? 0 });
    if (onSite) siteLinks.push({ href: address.href, image, ...(line ? { line } : {}) });
  });
  const links: OutsideLinkPlan[] = [];
  const besides: string[] = [];
  // No step is asynchronous, so neither is the result.
  const { html, data } = markdownToHtml(markdown, {
    features: { frontmatter: false, smartPunctuation: false, rawHtml },
    mdastPlugins: [sectionsStep],
    hastPlugins: [
      safety,
      ...(outsideLinks ? [createOutsideLinksStep(outsideLinks, links, besides), shownTextStep] : []),
      ...(lang === defaultLocale ? [] : [chineseRunsStep]),
    ],
  }) as MarkdownToHtmlResult;
  const writing = {
    vanishingTags: vanishingTags(rawPieces),
    htmlHeadings: htmlHeadings(rawPieces),
    unclosed: unclosedHtml(rawPieces),
    unclosedFormatting: unclosedFormatting(rawPieces),
    unmatchedInParagraphs,
    unspacedHeadings,
    linkedHeadings,
    nestedHeadings,
    subHeadings,
    droppedText: droppedAt(markdown, dropped),
    codeHeadings,
    indentedHeadings,
    footnotes,
    runOnAddresses,
    userAddresses,
    hiddenInAddresses,
    unlinked,
    literalStars: [...new Set(literalStars)],
    // `[…][…]` is a reference only in a text that defines links; elsewhere it is prose (`[1][2]`).
    misread: [...misread, ...(definitions ? references : [])].sort((a, b) => a.line - b.line),
    unquotedTags,
  };
  const htmls = html.split(BOUNDARY_HTML);
  // The search text leaves out the words put beside outside links; where they stand is kept.
  const plain = String(data['text']);
  const marked = besides.length ? markInsertions(plain, String(data['shown']), besides) : plain;
  const texts = marked.split(BOUNDARY_TOKEN);
  if (htmls.length !== boundaries.length + 1 || texts.length !== htmls.length) {
    // Raw HTML opened before a section heading and closed after it swallowed the heading.
    return { parts: [], headings, boundaries, broken: true, links, ...writing, siteLinks };
  }
  const parts = htmls.map((part, index): RenderedPart => {
    const flat = flattenLines(texts[index] ?? '');
    if (marked === plain) return { html: part.trim(), text: flat };
    const { text, breaks } = takeBreaks(flat);
    return { html: part.trim(), text, ...(breaks.length ? { breaks } : {}) };
  });
  return { parts, headings, boundaries, broken: false, links, ...writing, siteLinks };
}

/**
 * Where each dropped element stands (the HTML tree has no lines): the line of its opening tag, the
 * last one before its words, searching after the one before it of that element.
 */
function droppedAt(markdown: string, dropped: readonly { name: string; text: string }[]): RenderedText['droppedText'] {
  const from = new Map<string, number>();
  return dropped.map(({ name, text }) => {
    const after = from.get(name) ?? 0;
    const words = markdown.indexOf(text.split('\n', 1)[0]?.slice(0, 20) ?? '', after);
    const tags = [...markdown.slice(after, words < 0 ? undefined : words).matchAll(new RegExp(`<${name}\\b`, 'gi'))];
    const at = after + ((words < 0 ? tags[0] : tags.at(-1))?.index ?? Math.max(0, words - after));
    from.set(name, Math.max(at, words) + 1);
    return { name, text, line: markdown.slice(0, at).split('\n').length };
  });
}

/** Elements whose text is not language: code, as written. */
const CODE_ELEMENTS: ReadonlySet<string> = new Set(['code', 'pre', 'kbd', 'samp']);

/**
 * Chinese in a text of another language (a name, a quoted title) marked `lang="zh-CN"`, as the
 * page's own strings are (`lang-runs.ts`): a screen reader reads it in a Chinese voice, where an
 * English one spells it out as unknown characters or skips it. Code, and text already inside an
 * element with a `lang`, stay as they are. The words do not change, so neither does the search text.
 */
const chineseRunsStep = defineHastPlugin({
  name: 'digest-chinese-runs',
  text(node, ctx) {
    if (!holdsChinese(node.value)) return;
    for (let parent = ctx.parent(node); parent && parent.type === 'element'; parent = ctx.parent(parent)) {
      if (CODE_ELEMENTS.has(parent.tagName) || parent.properties['lang'] !== undefined) return;
    }
    ctx.replaceNode(
      node,
      chineseRuns(node.value).map(({ text, chinese }): ElementContent =>
        chinese
          ? { type: 'element', tagName: 'span', properties: { lang: defaultLocale }, children: [{ type: 'text', value: text }] }
          : { type: 'text', value: text },
      ),
    );
  },
});

/** The text as the page shows it, once every step has run: the words beside outside links included. */
const shownTextStep = defineHastPlugin({
  name: 'digest-shown-text',
  after(root, ctx) {
    ctx.data['shown'] = ctx.textContent(root);
  },
});

/**
 * The step that makes the HTML tree safe, in one pass over every element in document order: the
 * allowlist, the address rules, line breaks for the search text. Elements are changed in place;
 * an element that is removed takes its descendants with it (their visits are skipped), and
 * elements outside the allowlist lose their attributes during the pass and their tags after it,
 * outermost first, so that nothing inside them escapes the pass.
 */
function createSafetyStep(page: PageAddress, rawHtml: boolean, droppedText: { name: string; text: string }[], note: NoteAddress) {
  let skip = 0;
  let unwrap = false;
  const remove = (node: Readonly<Nodes>, ctx: HastVisitorContext) => {
    if (skip > 0) return void (skip -= 1);
    skip += countNested(node);
    ctx.removeNode(node);
  };
  return defineHastPlugin({
    name: 'digest-safe-html',
    element: {
      filter: [],
      visit(node, ctx) {
        if (skip > 0) return void (skip -= 1);
        const tag = node.tagName;
        // A task list's box (`- [x] 已合入`) says whether the task is done: kept as a character.
        if (tag === 'input' && node.properties['type'] === 'checkbox') {
          return ctx.replaceNode(node, { type: 'text', value: node.properties['checked'] ? '☑' : '☐' });
        }
        const embedded = EMBEDDED_ADDRESSES[tag];
        if (embedded) linkEmbedded(node, embedded, ctx, page, note);
        if (DROPPED_ELEMENTS.has(tag)) {
          const text = TEXT_DROPPING_ELEMENTS.has(tag) ? wordsOf(node).trim() : '';
          if (/[\p{L}\p{N}]/u.test(text)) droppedText.push({ name: tag, text });
          return remove(node, ctx);
        }
        if (!ALLOWED_ELEMENTS.has(tag)) {
          unwrap = true;
          // An element renamed after the pass keeps what the element it becomes may carry (a title), no class.
          const renamed = RENAMED_ELEMENTS.get(tag);
          for (const key of Object.keys(node.properties)) {
            if (!renamed || key === 'className' || !isAllowedProperty(renamed, key, node.properties[key]))
              ctx.setProperty(node, key, undefined);
          }
          if (rawHtml && BLOCK_ELEMENTS.has(tag)) lineApart(node, ctx);
          return;
        }
        if (tag === 'a') return keepLink(node, ctx, page, note);
        if (tag === 'img') return keepImage(node, ctx, page, note);
        // A table column's alignment (`| :---: |`) comes as a style, which the page's policy refuses.
        const align =
          (tag === 'th' || tag === 'td') &&
          /^\s*text-align:\s*(left|center|right)\s*;?\s*$/i.exec(String(node.properties['style'] ?? ''))?.[1];
        if (align) ctx.setProperty(node, 'align', align.toLowerCase());
        // Written as an attribute, only the alignments there are.
        else if (!/^(?:left|center|right|justify)$/i.test(String(node.properties['align'] ?? 'left')))
          ctx.setProperty(node, 'align', undefined);
        for (const key of Object.keys(node.properties)) {
          if (!isAllowedProperty(tag, key, node.properties[key])) ctx.setProperty(node, key, undefined);
        }
        // A code block or table scrolls sideways when wider than the screen: focusable, it scrolls from the keyboard too.
        if (tag === 'pre' || tag === 'table') ctx.setProperty(node, 'tabIndex', 0);
        if (tag === 'code' && node.properties['className'] !== undefined) {
          const classes = codeClasses(node.properties['className']);
          ctx.setProperty(node, 'className', classes.length ? classes : undefined);
        }
        // Raw HTML has no line breaks between its blocks; the search text needs them.
        if (rawHtml && LINE_ENDING_ELEMENTS.has(tag)) lineApart(node, ctx, !INLINE_LINE_ENDS.has(tag));
      },
    },
    comment: remove,
    raw: remove,
    after(root, ctx) {
      ctx.data['text'] = ctx.textContent(root);
      if (unwrap) unwrapOutermost(root.children, ctx);
    },
  });
}

/** Markdown nodes that carry an address: a link or image, written or by reference, or raw HTML (`<a href>`). */
const ADDRESS_NODES: ReadonlySet<string> = new Set(['link', 'image', 'linkReference', 'imageReference', 'html']);

/** The raw HTML anywhere inside a Markdown node, in order, with the lines it starts on. */
function htmlWithin(node: Readonly<Node>): RawHtml[] {
  if (node.type === 'html') return [{ value: (node as Html).value, line: node.position?.start.line ?? 0 }];
  return ((node as Partial<Parent>).children ?? []).flatMap(htmlWithin);
}

/** Whether a node stands between an HTML link's `<a …>` and its `</a>` among the nodes beside it. */
function insideHtmlLink(node: Readonly<Link>, ctx: MdastVisitorContext): boolean {
  const siblings = ctx.parent(node)?.children ?? [];
  for (let index = (ctx.indexOf(node) ?? 0) - 1; index >= 0; index--) {
    const sibling = siblings[index];
    if (sibling?.type !== 'html') continue;
    if (/^<\/a\s*>$/i.test(sibling.value.trim())) return false;
    // Only a link: a named anchor left open (`<a name="nova">`) holds no address to stand in for.
    if (/^<a\s[^>]*\bhref\s*=/i.test(sibling.value.trim())) return true;
  }
  return false;
}

/** Whether a Markdown node (a heading) holds a link, an image or raw HTML anywhere in its text; the importer asks too. */
export function holdsAddress(node: Readonly<Node>): boolean {
  if (ADDRESS_NODES.has(node.type)) return true;
  const children = (node as { children?: readonly Node[] }).children;
  return children?.some(holdsAddress) ?? false;
}

/** Frames, plugins and media, by the attribute holding the address of what they show. */
const EMBEDDED_ADDRESSES: Readonly<Record<string, string>> = {
  iframe: 'src',
  embed: 'src',
  object: 'data',
  video: 'src',
  audio: 'src',
  source: 'src',
};

/**
 * A frame, plugin or media element (an embedded video of 2013): what it showed is kept as a link
 * after it, as an image from elsewhere is, since the site loads nothing from other hosts; the
 * element itself is then dropped (a frame) or leaves its fallback text (`<object>`, `<video>`).
 */
function linkEmbedded(node: Readonly<Element>, attribute: string, ctx: HastVisitorContext, page: PageAddress, note: NoteAddress): void {
  const written = node.properties[attribute];
  const address = typeof written === 'string' && written.trim() ? resolveAddress(written, page) : undefined;
  if (typeof written === 'string') note(written, address, false);
  if (!address) return;
  const properties: Properties = { href: address.href, ...(address.external ? { rel: EXTERNAL_REL } : {}) };
  const title = node.properties['title'];
  const text = typeof title === 'string' && title.trim() ? title.trim() : address.href;
  ctx.insertAfter(node, [
    { type: 'text', value: ' ' },
    { type: 'element', tagName: 'a', properties, children: [{ type: 'text', value: text }] },
  ]);
}

/** Line-ending elements that stand inside a line of text: only what follows them starts a new line. */
const INLINE_LINE_ENDS: ReadonlySet<string> = new Set(['br', 'td', 'th']);

/**
 * Sets a block of raw HTML on lines of its own in the search text: a line break after it, and
 * before it (`<div>Ceilometer<p>Telemetry</p></div>` is two lines, not `CeilometerTelemetry`).
 */
function lineApart(node: Readonly<Element>, ctx: HastVisitorContext, before = true): void {
  if (before) ctx.insertBefore(node, { type: 'text', value: '\n' });
  ctx.insertAfter(node, { type: 'text', value: '\n' });
}

/** Elements, comments and raw nodes inside a node: the visits its removal makes pointless. */
function countNested(node: Readonly<Nodes>): number {
  if (!('children' in node)) return 0;
  return node.children.reduce(
    (count, child) => count + (child.type === 'text' || child.type === 'doctype' ? 0 : 1 + countNested(child)),
    0,
  );
}

/**
 * Replaces each element outside the allowlist, outermost first, with its content (itself unwrapped),
 * or with the element that took its place (`<strike>` as `<s>`).
 */
function unwrapOutermost(nodes: readonly Readonly<RootContent>[], ctx: HastVisitorContext): void {
  for (const node of nodes) {
    if (node.type !== 'element') continue;
    if (ALLOWED_ELEMENTS.has(node.tagName)) unwrapOutermost(node.children, ctx);
    else ctx.replaceNode(node, unwrapped([node]));
  }
}

/** Copies of nodes, already made safe, with every element outside the allowlist replaced by its content or renamed. */
function unwrapped(nodes: readonly Readonly<ElementContent>[]): ElementContent[] {
  return nodes.flatMap((node): ElementContent[] => {
    if (node.type === 'text') return [{ type: 'text', value: node.value }];
    if (node.type !== 'element') return [];
    const tagName = RENAMED_ELEMENTS.get(node.tagName) ?? node.tagName;
    if (!ALLOWED_ELEMENTS.has(tagName)) return unwrapped(node.children);
    // The pass already removed what is not allowed; the copy must not bring it back as empty attributes.
    const properties = Object.fromEntries(
      Object.entries(node.properties).filter(
        ([key, value]) => isAllowedProperty(tagName, key, value) && value !== undefined && value !== null && value !== '',
      ),
    );
    return [{ type: 'element', tagName, properties, children: unwrapped(node.children) }];
  });
}

/** A link: its address resolved (in place: a new node would leave its content's changes behind), marked when it leaves the site. */
function keepLink(node: Readonly<Element>, ctx: HastVisitorContext, page: PageAddress, note: NoteAddress): void {
  const written = node.properties['href'];
  for (const key of Object.keys(node.properties)) {
    if (!isAllowedProperty('a', key, node.properties[key])) ctx.setProperty(node, key, undefined);
  }
  const address = typeof written === 'string' ? resolveAddress(written, page) : undefined;
  if (typeof written === 'string') note(written, address, false);
  if (address?.href !== written) ctx.setProperty(node, 'href', address?.href);
  if (address?.external || node.properties['rel'] !== undefined) ctx.setProperty(node, 'rel', address?.external ? EXTERNAL_REL : undefined);
  // A link written without text (`[](https://…)`) would show nothing to follow: its address is its text.
  if (address && !ctx.textContent(node).trim() && !holdsImage(node)) ctx.appendChild(node, { type: 'text', value: address.href });
}

/** The text an element shows a reader: its words, without the code of the scripts and styles it holds. */
function wordsOf(node: Readonly<Element>): string {
  return node.children
    .map((child) => {
      if (child.type === 'text') return child.value;
      if (child.type !== 'element' || (DROPPED_ELEMENTS.has(child.tagName) && !TEXT_DROPPING_ELEMENTS.has(child.tagName))) return '';
      return wordsOf(child);
    })
    .join('');
}

/** Whether an element holds an image, which a link may show instead of text. */
function holdsImage(node: Readonly<Element>): boolean {
  return node.children.some((child) => child.type === 'element' && (child.tagName === 'img' || holdsImage(child)));
}

/**
 * An image: from this site it stays (loaded lazily); from elsewhere it becomes a link to it, as
 * the site loads nothing from other hosts. Inside a link (`[![图](…/a.png)](…/post)`), a link in a
 * link is no HTML: the image's text stays in the link it was in, and the link to the image
 * follows that link.
 */
function keepImage(node: Readonly<Element>, ctx: HastVisitorContext, page: PageAddress, note: NoteAddress): void {
  const written = node.properties['src'];
  const address = typeof written === 'string' ? resolveAddress(written, page) : undefined;
  if (typeof written === 'string') note(written, address, true);
  const alt = typeof node.properties['alt'] === 'string' ? node.properties['alt'] : '';
  if (!address) {
    if (alt) ctx.replaceNode(node, { type: 'text', value: alt });
    else ctx.removeNode(node);
    return;
  }
  if (!isOnSite(address)) {
    // The image's title (`![图](https://… "说明")`) stays, on the link that takes its place.
    const title = node.properties['title'];
    const properties: Properties = { href: address.href, ...(typeof title === 'string' && title.trim() ? { title } : {}) };
    if (address.external) properties['rel'] = EXTERNAL_REL;
    const text: ElementContent = { type: 'text', value: alt || address.href };
    const link = enclosingLink(node, ctx);
    if (!link) return ctx.replaceNode(node, { type: 'element', tagName: 'a', properties, children: [text] });
    ctx.replaceNode(node, text);
    ctx.insertAfter(link, [
      { type: 'text', value: ' ' },
      { type: 'element', tagName: 'a', properties, children: [{ type: 'text', value: address.href }] },
    ]);
    return;
  }
  const properties: Properties = { src: address.href };
  for (const key of ['alt', 'title', 'width', 'height']) {
    const value = node.properties[key];
    if (typeof value === 'string' || typeof value === 'number') properties[key] = value;
  }
  properties['loading'] = 'lazy';
  ctx.replaceNode(node, { type: 'element', tagName: 'img', properties, children: [] });
}

/** Told of each address to this site: as written, as the site writes it, and whether an image loads it. */
/** Told of every address the text's links, images and frames give, as written and as resolved (undefined: not linked). */
type NoteAddress = (written: string, address: ResolvedAddress | undefined, image: boolean) => void;

/** A site path (`/issues/7/`): not elsewhere, nor a mail or IRC address. */
const isOnSite = ({ href, external }: ResolvedAddress) => !external && href.startsWith('/');

/**
 * The lines addresses to the site are written on, for messages about them: found in the text as
 * written, an address written twice on its lines in turn (the HTML tree meets links in the order
 * they are written). Searched only for those addresses, which are few, rather than noted for every
 * link of the text.
 */
function createAddressLines(markdown: string) {
  const searchedFrom = new Map<string, number>();
  const find = (address: string) => {
    const at = markdown.indexOf(address, searchedFrom.get(address) ?? 0);
    // Found again from the start when a definition (`[ref]: /issues/7/`) is used twice.
    return at >= 0 ? at : markdown.indexOf(address);
  };
  return {
    /** Undefined for an address not found as written (spelled with entities): the message still names it. */
    lineOf(written: string): number | undefined {
      const address = [written, safeDecode(written)].find((candidate) => markdown.includes(candidate));
      if (address === undefined) return undefined;
      const at = find(address);
      searchedFrom.set(address, at + address.length);
      let line = 1;
      for (let index = markdown.indexOf('\n'); index >= 0 && index < at; index = markdown.indexOf('\n', index + 1)) line += 1;
      return line;
    },
  };
}

const safeDecode = (text: string) => {
  try {
    return decodeURI(text);
  } catch {
    return text;
  }
};

/** The link an element is in, if any. */
function enclosingLink(node: Readonly<Element>, ctx: HastVisitorContext): Readonly<Element> | undefined {
  for (let parent = ctx.parent(node); parent && parent.type === 'element'; parent = ctx.parent(parent)) {
    if (parent.tagName === 'a') return parent;
  }
  return undefined;
}

/**
 * Text with each run of whitespace as one space, or one line break where the run holds one (blank
 * lines dropped), zero-width spaces removed: what the search text's `flattenText` leaves of it is
 * then the same length, so offsets into it (`breaks`) hold in the search record, whatever a file's
 * line endings (`\r\n`) or its full-width spaces.
 * @example flattenLines(' a  b \r\n\n\u3000\u3000c ') // 'a b\nc'
 */
function flattenLines(text: string): string {
  return text
    .replace(/\u200b/g, '')
    .replace(/[\s\u0085]+/g, (run) => (/[\n\r\u0085\u2028\u2029]/.test(run) ? '\n' : ' '))
    .trim();
}

/**
 * The `<h1>` and `<h2>` tags of raw HTML: the page keeps no heading of those levels from a text
 * (a section's `h2` is the page's own), so each shows as a line of plain text.
 * @example htmlHeadings([{ value: '<h2 class="x">Nova</h2>', line: 5 }]) // [{ written: '<h2 class="x">Nova</h2>', text: 'Nova', line: 5 }]
 */
function htmlHeadings(pieces: readonly RawHtml[]): RenderedText['htmlHeadings'] {
  return pieces.flatMap(({ value, line }) =>
    [...value.matchAll(/<h([12])(?=[\s/>])[^>]*>/gi)].map((found) => {
      const after = value.slice(found.index + found[0].length);
      const close = new RegExp(`</h${found[1]}\\s*>`, 'i').exec(after);
      const text = close
        ? after
            .slice(0, close.index)
            .replace(/<[^>]*>/g, '')
            .replace(/\s+/g, ' ')
            .trim()
        : '';
      const written = close ? found[0] + after.slice(0, close.index + close[0].length) : found[0];
      return { written, text, line: line + (value.slice(0, found.index).match(/\n/g)?.length ?? 0) };
    }),
  );
}
