/** The Markdown syntax tree of a legacy post, for the importer to find its headings, links and credit block. */
import type { Heading, Root, RootContent } from 'mdast';
import { markdownToMdast } from 'satteri';

/** Parses Markdown (without front matter) into mdast with UTF-16 source offsets. */
export function parseMarkdown(markdown: string): Root {
  return markdownToMdast(markdown, { features: { frontmatter: false } }) as Root;
}

/**
 * The plain text of a heading, emphasis and code included, its raw HTML too unless `html: false`.
 * @example headingText(`## **Nova** <a name="nova"></a>`, { html: false }) // 'Nova '
 */
export function headingText(node: Heading | RootContent, options: { html?: boolean } = {}): string {
  if (node.type === 'html' && options.html === false) return '';
  if ('value' in node && typeof node.value === 'string') return node.value;
  if ('children' in node) return node.children.map((child) => headingText(child as RootContent, options)).join('');
  return '';
}
