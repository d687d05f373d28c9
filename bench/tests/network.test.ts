import { describe, expect, it } from 'vitest';
import { isPagefindData } from '../../src/lib/hosting/compression.ts';
import { compressible } from '../lib/gzip-server.ts';
import { longestChain } from '../lib/network.ts';

describe('the longest chain of requests', () => {
  it('follows each request to the one that started it', () => {
    const node = (url: string, parent?: string) => [url, { url, bytes: 0, ...(parent ? { parent } : {}) }] as const;
    const requests = new Map([
      node('doc'),
      node('css', 'doc'),
      node('switcher.js', 'doc'),
      node('choice.js', 'switcher.js'),
      node('locales.js', 'choice.js'),
      node('favicon'),
    ]);
    expect(longestChain(requests)).toBe(4);
    expect(longestChain(new Map([node('doc'), node('css', 'doc')]))).toBe(2);
    expect(longestChain(new Map())).toBe(0);
  });

  it('is not fooled by a request naming itself or a loop', () => {
    const loop = new Map([
      ['a', { url: 'a', bytes: 0, parent: 'b' }],
      ['b', { url: 'b', bytes: 0, parent: 'a' }],
    ]);
    expect(longestChain(loop)).toBe(2);
  });
});

describe('the gzip server', () => {
  it.each([
    ['/issues/8/index.html', true],
    ['/_astro/page.js', true],
    ['/pagefind/pagefind.zh-cn_1.pf_meta', false],
    ['/pagefind/wasm.unknown.pagefind', false],
  ])('compresses %s: %s', (file, expected) => {
    expect(compressible(file)).toBe(expected);
  });

  it.each([
    ['/pagefind/pagefind.zh-cn_1.pf_meta', true],
    ['/pagefind/wasm.unknown.pagefind', true],
    ['/pagefind/fragment/zh-cn_1.pf_fragment', true],
    ['/pagefind/pagefind.js', false],
    ['/pagefind/pagefind-entry.json', false],
  ])('sends %s gzip-encoded as it is stored: %s', (file, expected) => {
    expect(isPagefindData(file)).toBe(expected);
  });
});
