import { describe, expect, it, vi } from 'vitest';
import { buildSitemap, readPageLinks } from '../../src/lib/sitemap-xml.ts';

const page = (canonical: string | undefined, alternates: Record<string, string> = {}) =>
  `<!doctype html><html><head>${canonical ? `<link rel="canonical" href="${canonical}">` : ''}${Object.entries(alternates)
    .map(([lang, href]) => `<link rel="alternate" hreflang="${lang}" href="${href}">`)
    .join(
      '',
    )}<link rel="alternate" type="application/rss+xml" href="/rss.xml"></head><body><link rel="canonical" href="https://x/ignored-in-body/"></body></html>`;

describe('reading a page head', () => {
  it('finds the canonical URL and the language alternates, nothing from the body', () => {
    expect(readPageLinks(page('https://x/issues/8/', { 'zh-CN': 'https://x/issues/8/', en: 'https://x/en/issues/8/' }))).toEqual({
      canonical: 'https://x/issues/8/',
      alternates: { 'zh-CN': 'https://x/issues/8/', en: 'https://x/en/issues/8/' },
    });
  });
});

describe('the sitemap', () => {
  const sitemap = buildSitemap([
    readPageLinks(page('https://x/issues/8/', { 'zh-CN': 'https://x/issues/8/', en: 'https://x/en/issues/8/' })),
    readPageLinks(page('https://x/en/issues/8/', { 'zh-CN': 'https://x/issues/8/', en: 'https://x/en/issues/8/' })),
    readPageLinks(page('https://x/issues/7/')),
    readPageLinks(page('https://x/issues/7/')),
    readPageLinks(page(undefined)),
    readPageLinks(page('https://x/a?b&c')),
  ]);

  it('lists each canonical page once, sorted, escaped, with its alternates', () => {
    expect([...sitemap.matchAll(/<loc>([^<]*)<\/loc>/g)].map((match) => match[1])).toEqual([
      'https://x/a?b&amp;c',
      'https://x/en/issues/8/',
      'https://x/issues/7/',
      'https://x/issues/8/',
    ]);
    expect(sitemap).toContain(
      '<loc>https://x/issues/8/</loc>\n    <xhtml:link rel="alternate" hreflang="en" href="https://x/en/issues/8/"/>',
    );
  });

  it('is the same text however the pages come in', () => {
    expect(buildSitemap([readPageLinks(page('https://x/b/')), readPageLinks(page('https://x/a/'))])).toBe(
      buildSitemap([readPageLinks(page('https://x/a/')), readPageLinks(page('https://x/b/'))]),
    );
  });

  it('is the same text whatever the language of the machine that builds it', () => {
    const pages = [
      readPageLinks(page('https://x/zun/', { 'zh-CN': 'https://x/zun/', 'x-default': 'https://x/zun/', en: 'https://x/en/zun/' })),
      readPageLinks(page('https://x/tacker/')),
    ];
    const here = buildSitemap(pages);
    // A machine set to Estonian, whose alphabet puts z between s and t.
    const estonian = new Intl.Collator('et');
    const compare = vi.spyOn(String.prototype, 'localeCompare').mockImplementation(function (this: string, other: string) {
      return estonian.compare(this, other);
    });
    try {
      expect(buildSitemap(pages)).toBe(here);
    } finally {
      compare.mockRestore();
    }
    expect([...here.matchAll(/hreflang="([^"]+)"/g)].map((match) => match[1])).toEqual(['en', 'x-default', 'zh-CN']);
    expect(here.indexOf('https://x/tacker/')).toBeLessThan(here.indexOf('https://x/zun/'));
  });
});
