import { describe, expect, it } from 'vitest';
import { isPrecompressed, isWorthKeeping } from '../../../src/lib/hosting/compression.ts';

describe('precompressed copies', () => {
  it.each([
    ['index.html', true],
    ['en/issues/8/index.html', true],
    ['404.html', true],
    ['_astro/BaseLayout.DwSM1Oq5.css', true],
    ['_astro/search.astro_astro_type_script_index_0_lang.A82XOUD4.js', true],
    ['rss.xml', true],
    ['sitemap.xml', true],
    ['favicon.svg', true],
    ['robots.txt', true],
    ['pagefind/pagefind.js', true],
    ['pagefind/pagefind-entry.json', true],
    ['pagefind/pagefind.zh-cn_c649eafbd4e8d.pf_meta', false],
    ['pagefind/fragment/zh-cn_1542b5c.pf_fragment', false],
    ['pagefind/index/zh-cn_3a9e1f0.pf_index', false],
    ['pagefind/filter/zh-cn_545d8c5.pf_filter', false],
    ['pagefind/wasm.unknown.pagefind', false],
    ['images/photo.png', false],
    ['index.html.gz', false],
    ['index.html.br', false],
    ['_headers', false],
  ])('%s: %s', (file, expected) => {
    expect(isPrecompressed(file)).toBe(expected);
  });

  it('are kept only when smaller than the file', () => {
    expect(isWorthKeeping(1000, 300)).toBe(true);
    expect(isWorthKeeping(40, 40)).toBe(false);
    expect(isWorthKeeping(20, 38)).toBe(false);
  });
});
