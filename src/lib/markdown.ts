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
  'p', 'br', 'hr', 'h3', 'h4', 'h5', 'h6', 'a', 'strong', 'em', 'b', 'i', 'u', 'del', 's', 'sup', 'sub',
  'code', 'pre', 'kbd', 'blockquote', 'ul', 'ol', 'li', 'dl', 'dt', 'dd',
  'table', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'img', 'span',
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
    // Whatever these hold is code or chrome, never digest text.
    nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'iframe', 'object', 'embed', 'template', 'form', 'select', 'button'],
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
