/**
 * Link integrity of the built site, both languages: every internal link, anchor, image, script,
 * stylesheet and feed URL on every page resolves. Links to other sites are the archive's
 * history (many died long ago) and are not followed.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Parser } from 'htmlparser2';
import { describe, expect, inject, it } from 'vitest';
import { htmlFiles } from '../helpers/site-files.ts';

interface Page {
  ids: Set<string>;
  references: { attribute: string; value: string; rel?: string }[];
}

function readPage(file: string): Page {
  const page: Page = { ids: new Set(), references: [] };
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

describe('links in the built site', () => {
  it('all resolve to a file and, for anchors, to an element', () => {
    const dist = inject('distDir');
    const site = new URL('https://openstack-digest.example.org');
    const files = htmlFiles(dist);
    const pages = new Map(files.map((file) => [file, readPage(file)]));
    const pathOf = (file: string) =>
      `/${path
        .relative(dist, file)
        .replace(/index\.html$/, '')
        .replace(/\\/g, '/')}`;
    const broken: string[] = [];
    let checked = 0;
    for (const [file, page] of pages) {
      const base = new URL(pathOf(file), site);
      for (const { attribute, value } of page.references) {
        const url = new URL(value, base);
        if (url.origin !== site.origin || url.protocol === 'mailto:') continue;
        checked += 1;
        const target = path.join(dist, decodeURIComponent(url.pathname));
        const targetFile = url.pathname.endsWith('/') ? path.join(target, 'index.html') : target;
        if (!existsSync(targetFile)) {
          broken.push(`${pathOf(file)}: ${attribute}="${value}" → no ${path.relative(dist, targetFile)}`);
          continue;
        }
        if (url.hash && targetFile.endsWith('.html')) {
          const ids = pages.get(targetFile)?.ids ?? readPage(targetFile).ids;
          if (!ids.has(decodeURIComponent(url.hash.slice(1))))
            broken.push(`${pathOf(file)}: ${attribute}="${value}" → no element ${url.hash}`);
        }
      }
    }
    expect(broken).toEqual([]);
    expect(checked).toBeGreaterThan(files.length * 5);
  });

  it('to other sites open safely and are marked as external', () => {
    const dist = inject('distDir');
    const site = new URL('https://openstack-digest.example.org');
    const unsafe: string[] = [];
    let external = 0;
    for (const file of htmlFiles(dist)) {
      for (const { value, rel } of readPage(file).references) {
        if (rel === undefined || !/^https?:/i.test(value) || new URL(value).origin === site.origin) continue;
        external += 1;
        const words = new Set(rel.split(/\s+/));
        if (!['external', 'noopener', 'noreferrer'].every((word) => words.has(word)))
          unsafe.push(`${path.relative(dist, file)}: ${value} rel="${rel}"`);
      }
    }
    expect(unsafe).toEqual([]);
    expect(external).toBeGreaterThan(100);
  });
});
