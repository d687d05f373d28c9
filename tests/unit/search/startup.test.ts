import { describe, expect, it } from 'vitest';
import { entryFile, startupFiles } from '../../../src/lib/search/page/startup.ts';

describe('entryFile', () => {
  it('addresses the entry file with the cache tag, as Pagefind does', () => {
    expect(entryFile('1795339608277')).toBe('pagefind-entry.json?ts=1795339608277');
  });
});

describe('startupFiles', () => {
  it("names the index's metadata and its WebAssembly, the one without a stemmer when none is named", () => {
    const entry = { version: '1.6.0', languages: { 'zh-cn': { hash: 'zh-cn_4658ecd7e5a45', wasm: null, page_count: 1251 } } };
    expect(startupFiles(entry)).toEqual(['pagefind.zh-cn_4658ecd7e5a45.pf_meta', 'wasm.unknown.pagefind']);
    expect(startupFiles({ languages: { en: { hash: 'en_12ab', wasm: 'en' } } }, 'en')).toEqual([
      'pagefind.en_12ab.pf_meta',
      'wasm.en.pagefind',
    ]);
  });

  it('names nothing when the entry is not as expected, so nothing is preloaded in vain', () => {
    const unexpected = [
      null,
      'text',
      {},
      { languages: null },
      { languages: {} },
      { languages: { 'zh-cn': {} } },
      { languages: { 'zh-cn': { hash: '../x' } } },
      { languages: { 'zh-cn': { hash: 'zh-cn_1', wasm: 'a/b' } } },
      { languages: { en: { hash: 'en_1' } } },
    ];
    for (const entry of unexpected) expect(startupFiles(entry), JSON.stringify(entry)).toEqual([]);
  });
});
