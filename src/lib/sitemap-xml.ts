/**
 * The sitemap, built from what every page announces in its head: a page is listed only when
 * it is its own canonical URL (an untranslated English page points at its Chinese original and
 * is left out), with the language alternates it declares.
 */
import { Parser } from 'htmlparser2';
import { escapeHtml } from './html-text.ts';

export interface PageLinks {
  canonical?: string;
  /** `hreflang` → absolute URL, as the page declares them. */
  alternates: Record<string, string>;
}

/** Reads the canonical and hreflang links from a page's `<head>`. */
export function readPageLinks(html: string): PageLinks {
  const links: PageLinks = { alternates: {} };
  const parser = new Parser({
    onopentag(name, attributes) {
      if (name !== 'link') return;
      const { rel, href, hreflang } = attributes;
      if (!href) return;
      if (rel === 'canonical') links.canonical = href;
      if (rel === 'alternate' && hreflang) links.alternates[hreflang] = href;
    },
    onclosetag(name) {
      if (name === 'head') parser.pause();
    },
  });
  parser.end(html);
  return links;
}

// By code unit: `localeCompare` follows the build machine's language (Estonian puts `z` before `x`).
const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A sitemap of the canonical pages, sorted by URL so every build, on any machine, writes the same bytes. */
export function buildSitemap(pages: readonly PageLinks[]): string {
  const canonical = [...new Map(pages.flatMap((page) => (page.canonical ? [[page.canonical, page] as const] : []))).values()].sort((a, b) =>
    byCodeUnit(a.canonical ?? '', b.canonical ?? ''),
  );
  const entries = canonical.map((page) => {
    const alternates = Object.entries(page.alternates)
      .sort(([a], [b]) => byCodeUnit(a, b))
      .map(([hreflang, href]) => `\n    <xhtml:link rel="alternate" hreflang="${escapeHtml(hreflang)}" href="${escapeHtml(href)}"/>`)
      .join('');
    return `  <url>\n    <loc>${escapeHtml(page.canonical ?? '')}</loc>${alternates}\n  </url>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${entries.join('\n')}\n</urlset>\n`;
}
