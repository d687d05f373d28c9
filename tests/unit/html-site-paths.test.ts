import { describe, expect, it } from 'vitest';
import { absolutizeSitePaths, localizeSiteLinks } from '../../src/lib/html-site-paths.ts';
import { site } from './helpers.ts';

const hrefsAndSrcs = (html: string) => [...html.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((match) => match[1]);

describe('absolute URLs', () => {
  it.each([
    ['<a href="/issues/7/">7</a>', 'https://digest.example.org/issues/7/'],
    ['<a href="/issues/8/#heat">h</a>', 'https://digest.example.org/issues/8/#heat'],
    ['<img src="/images/a.png" alt="a">', 'https://digest.example.org/images/a.png'],
    ['<a title="t" href="/issues/7/">7</a>', 'https://digest.example.org/issues/7/'],
    ['<a title="1>0 and a href=&quot;/x&quot;" href="/issues/5/#nova">5</a>', 'https://digest.example.org/issues/5/#nova'],
    ['<img alt="a > b" src="/images/a.png">', 'https://digest.example.org/images/a.png'],
    ['<a href="https://www.openstack.org/x?a=1&amp;b=2" rel="external">o</a>', 'https://www.openstack.org/x?a=1&amp;b=2'],
    ['<a href="mailto:editor@example.org">m</a>', 'mailto:editor@example.org'],
  ])('%s → %s', (html, url) => {
    expect(hrefsAndSrcs(absolutizeSitePaths(html, site))).toEqual([url]);
  });

  it('keeps text that only looks like an address, entities and Chinese as they are', () => {
    const text = '<p lang="zh-CN">a &amp; b &lt;a href="/x"&gt; href="/y" ]]&gt; 中文</p>';
    expect(absolutizeSitePaths(text, site)).toBe(text);
  });
});

describe("links of a Chinese text shown on another language's page", () => {
  it.each([
    ['<a href="/issues/19/#nova">本期</a>', '/', '/en/issues/19/#nova'],
    ['<a href="/digest/issues/7/">第七期</a>', '/digest/', '/digest/en/issues/7/'],
    ['<a title="1>0" href="/projects/nova/page/2/?x=1">Nova</a>', '/', '/en/projects/nova/page/2/?x=1'],
    ['<a href="/digest/">首页</a>', '/digest/', '/digest/en/'],
    ['<a href="/en/issues/8/">英文版</a>', '/', '/en/issues/8/'],
    ['<a href="/files/slides.pdf">幻灯片</a>', '/', '/files/slides.pdf'],
    ['<img src="/images/a.png" alt="图">', '/', '/images/a.png'],
    ['<a href="/other-site/issues/7/">别处</a>', '/digest/', '/other-site/issues/7/'],
    ['<a href="https://www.openstack.org/issues/7/" rel="external">o</a>', '/', 'https://www.openstack.org/issues/7/'],
  ])('%s (base %s) → %s', (html, base, url) => {
    expect(hrefsAndSrcs(localizeSiteLinks(html, 'en', base))).toEqual([url]);
  });

  it('reads a "<" in a title and a \'"\' in the text as what they are, not as the start of a tag or a value', () => {
    const html = '<p><a href="/issues/8/" title="<a z=">第 8 期</a>和 12" href="/issues/8/" 说明</p>';
    expect(localizeSiteLinks(html, 'en', '/')).toBe(
      '<p><a href="/en/issues/8/" title="<a z=">第 8 期</a>和 12" href="/issues/8/" 说明</p>',
    );
    expect(absolutizeSitePaths(html, site)).toBe(
      `<p><a href="${site.origin}/issues/8/" title="<a z=">第 8 期</a>和 12" href="/issues/8/" 说明</p>`,
    );
  });

  it('leaves the Chinese pages, and text that only looks like a link, as they are', () => {
    expect(localizeSiteLinks('<a href="/issues/7/">7</a>', 'zh-CN', '/')).toBe('<a href="/issues/7/">7</a>');
    const text = '<p>&lt;a href="/issues/7/"&gt; href="/issues/8/"</p>';
    expect(localizeSiteLinks(text, 'en', '/')).toBe(text);
  });
});
