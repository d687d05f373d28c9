/**
 * Link integrity of the built site, both languages: every internal link, anchor, image, script,
 * stylesheet and feed URL on every page resolves. Links to other sites are the archive's
 * history (many died long ago) and are not followed. (The same check of a site built under a
 * path: `subpath.test.ts`.)
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { checkLinks, readPage } from '../helpers/link-check.ts';
import { htmlFiles } from '../helpers/site-files.ts';
import { ISSUE_PAGE_ANCHORS } from '../../src/pipeline/site-links.ts';

const site = new URL('https://openstack-digest.example.org/');

describe('links in the built site', () => {
  it('all resolve to a file and, for anchors, to an element', () => {
    const { broken, checked, pages } = checkLinks(inject('distDir'), site);
    expect(broken).toEqual([]);
    expect(checked).toBeGreaterThan(pages * 5);
  });

  it("that an issue's text may name are on every issue page: its sections with their titles, and the page's own anchors", () => {
    // What the content check accepts after `/issues/<n>/#` (src/pipeline/site-links.ts), against the pages as built.
    const dist = inject('distDir');
    const issuePages = htmlFiles(dist).filter((file) => /(^|\/)issues\/\d+\/index\.html$/.test(path.relative(dist, file)));
    expect(issuePages.length).toBeGreaterThan(20);
    for (const file of issuePages) {
      const html = readFileSync(file, 'utf8');
      const { ids } = readPage(file);
      const sections = [...html.matchAll(/<section id="([^"]+)" class="issue-section"/g)].map((match) => match[1] ?? '');
      expect(sections.length, file).toBeGreaterThan(0);
      for (const id of [...ISSUE_PAGE_ANCHORS, ...sections.map((section) => `${section}-title`)])
        expect(ids.has(id), `${file} #${id}`).toBe(true);
    }
  });

  it('to other sites open safely and are marked as external', () => {
    const dist = inject('distDir');
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
