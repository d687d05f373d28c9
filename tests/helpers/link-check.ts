/**
 * Link integrity of a built site: every internal link, anchor, image, script, stylesheet, form
 * and feed URL on every page resolves to a file (and an anchor to an element of it). For a site
 * published under a path (`https://x.github.io/digest/`), an address on the same host outside
 * that path is broken too: nothing there belongs to the site.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Parser } from 'htmlparser2';
import { htmlFiles } from './site-files.ts';

export interface PageReferences {
  ids: Set<string>;
  references: { attribute: string; value: string; rel?: string }[];
}

/** The ids and the addresses (`href`, `src`, a form's `action`) of one page. */
export function readPage(file: string): PageReferences {
  const page: PageReferences = { ids: new Set(), references: [] };
  new Parser({
    onopentag(name, attributes) {
      if (attributes['id']) page.ids.add(attributes['id']);
      for (const attribute of ['href', 'src']) {
        const value = attributes[attribute];
        if (value !== undefined && !(name === 'form'))
          page.references.push({ attribute: `${name}[${attribute}]`, value, ...(name === 'a' ? { rel: attributes['rel'] ?? '' } : {}) });
      }
      if (name === 'form' && attributes['action']) page.references.push({ attribute: 'form[action]', value: attributes['action'] });
    },
  }).end(readFileSync(file, 'utf8'));
  return page;
}

export interface LinkCheck {
  /** One line per broken reference: the page, the attribute and what is missing. */
  broken: string[];
  /** References to the site that were checked. */
  checked: number;
  pages: number;
}

/**
 * Resolves every address on every page of the site built into `dist` for the address `site`
 * (its path the base): a file for each, an element for each anchor.
 */
export function checkLinks(dist: string, site: URL): LinkCheck {
  const base = site.pathname.endsWith('/') ? site.pathname : `${site.pathname}/`;
  const files = htmlFiles(dist);
  const pages = new Map(files.map((file) => [file, readPage(file)]));
  const pathOf = (file: string) =>
    `${base}${path
      .relative(dist, file)
      .replace(/index\.html$/, '')
      .split(path.sep)
      .join('/')}`;
  const broken: string[] = [];
  let checked = 0;
  for (const [file, page] of pages) {
    const pageUrl = new URL(pathOf(file), site);
    for (const { attribute, value } of page.references) {
      const url = new URL(value, pageUrl);
      if (url.origin !== site.origin || url.protocol === 'mailto:') continue;
      checked += 1;
      if (!url.pathname.startsWith(base)) {
        broken.push(`${pathOf(file)}: ${attribute}="${value}" → outside the site's path ${base}`);
        continue;
      }
      const target = path.join(dist, decodeURIComponent(url.pathname.slice(base.length)));
      const targetFile = url.pathname.endsWith('/') ? path.join(target, 'index.html') : target;
      if (!existsSync(targetFile)) {
        broken.push(`${pathOf(file)}: ${attribute}="${value}" → no ${path.relative(dist, targetFile)}`);
        continue;
      }
      // The browser takes a text directive (`#nova:~:text=…`) off the fragment before it looks for the element.
      const anchor = decodeURIComponent(url.hash.slice(1)).split(':~:')[0];
      if (anchor && targetFile.endsWith('.html')) {
        const ids = pages.get(targetFile)?.ids ?? readPage(targetFile).ids;
        if (!ids.has(anchor)) broken.push(`${pathOf(file)}: ${attribute}="${value}" → no element ${url.hash}`);
      }
    }
  }
  return { broken, checked, pages: files.length };
}
