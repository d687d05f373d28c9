/**
 * Markdown in, safe HTML out. Issue bodies are contributors' text, so rendered HTML goes
 * through an allowlist: formatting, tables, code, links and local images survive; scripts,
 * event handlers, frames, forms, styles and `javascript:`/`data:` URLs do not.
 */
import type { Heading, Root, RootContent } from 'mdast';
import sanitizeHtml from 'sanitize-html';
import { markdownToHtml, markdownToMdast } from 'satteri';

/** Parses Markdown (without front matter) into mdast with UTF-16 source offsets. */
export function parseMarkdown(markdown: string): Root {
  return markdownToMdast(markdown, { features: { frontmatter: false } }) as Root;
}

/** The plain text of a heading, emphasis and code included. @example headingText(`## **Nova**`) // 'Nova' */
export function headingText(node: Heading | RootContent): string {
  if ('value' in node && typeof node.value === 'string') return node.value;
  if ('children' in node) return node.children.map((child) => headingText(child as RootContent)).join('');
  return '';
}

const ALLOWED_TAGS = [
  'p',
  'br',
  'hr',
  'h3',
  'h4',
  'h5',
  'h6',
  'a',
  'strong',
  'em',
  'b',
  'i',
  'u',
  'del',
  's',
  'sup',
  'sub',
  'code',
  'pre',
  'kbd',
  'blockquote',
  'ul',
  'ol',
  'li',
  'dl',
  'dt',
  'dd',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'th',
  'td',
  'img',
  'span',
];

/** Elements whose content is code or chrome, never digest text: dropped with what they hold. */
const NON_TEXT_TAGS = [
  'script',
  'style',
  'textarea',
  'option',
  'noscript',
  'iframe',
  'object',
  'embed',
  'template',
  'form',
  'select',
  'button',
];

export interface RenderOptions {
  /** The site's origin; links elsewhere are marked external. */
  site: URL;
}

/**
 * Renders Markdown to sanitized HTML. Links to other sites get `rel="external noopener noreferrer"`;
 * images from other sites become links, because the site loads nothing from other hosts.
 */
export function renderMarkdown(markdown: string, options: RenderOptions): string {
  const { html } = markdownToHtml(markdown, { features: { frontmatter: false, smartPunctuation: false } });
  return sanitizeRenderedHtml(html, options);
}

/** Applies the allowlist to already-rendered HTML. */
export function sanitizeRenderedHtml(html: string, { site }: RenderOptions): string {
  // Only http(s) links can lead elsewhere; other schemes and protocol-relative URLs are dropped below.
  const isExternal = (url: string) => {
    if (url.trim().startsWith('//')) return false;
    try {
      const target = new URL(url, site);
      return /^https?:$/.test(target.protocol) && target.origin !== site.origin;
    } catch {
      return false;
    }
  };
  return sanitizeHtml(html, {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: {
      a: ['href', 'title', 'rel'],
      img: ['src', 'alt', 'title', 'width', 'height', 'loading'],
      th: ['align'],
      td: ['align'],
      ol: ['start'],
      code: ['class'],
    },
    allowedClasses: { code: ['language-*'] },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowedSchemesAppliedToAttributes: ['href', 'src'],
    allowProtocolRelative: false,
    disallowedTagsMode: 'discard',
    nonTextTags: NON_TEXT_TAGS,
    transformTags: {
      a: (tagName, attribs) => {
        const { href } = attribs;
        if (!href || !isExternal(href)) return { tagName, attribs: { ...attribs, rel: '' } };
        return { tagName, attribs: { ...attribs, rel: 'external noopener noreferrer' } };
      },
      img: (tagName, attribs) => {
        const { src, alt } = attribs;
        if (src && isExternal(src)) {
          return { tagName: 'a', attribs: { href: src, rel: 'external noopener noreferrer' }, text: alt || src };
        }
        return { tagName, attribs: { ...attribs, loading: 'lazy' } };
      },
    },
  }).replaceAll(' rel=""', '');
}

const BLOCKS = new Set(['paragraph', 'heading', 'code', 'tableCell', 'listItem', 'thematicBreak']);

/**
 * Whether only rendering tells the visible text: raw HTML (the sanitizer decides what shows) and
 * images (an outside image shows as a link with its description).
 */
export function needsRendering(tree: Root): boolean {
  const visit = (node: RootContent): boolean =>
    node.type === 'html' ||
    node.type === 'image' ||
    node.type === 'imageReference' ||
    ('children' in node && (node.children as RootContent[]).some(visit));
  return tree.children.some(visit);
}

/**
 * The words a reader sees of Markdown that does not need rendering (see `needsRendering`), as
 * plain text with blocks on lines of their own, straight from the syntax tree (for the search
 * index). Link definitions show nothing.
 * @example mdastToText(parseMarkdown('**Nova** 与 [Heat](https://x.org)')) // 'Nova 与 Heat'
 */
export function mdastToText(tree: Root): string {
  const lines: string[] = [];
  let line = '';
  const visit = (node: RootContent) => {
    if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'code') line += node.value;
    else if (node.type === 'break') line += '\n';
    else if (node.type !== 'definition' && 'children' in node) (node.children as RootContent[]).forEach(visit);
    if (BLOCKS.has(node.type)) {
      lines.push(line);
      line = '';
    }
  };
  tree.children.forEach(visit);
  lines.push(line);
  return lines
    .join('\n')
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/ ?\n\s*/g, '\n')
    .trim();
}
