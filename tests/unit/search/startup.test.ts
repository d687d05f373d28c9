import { describe, expect, it } from 'vitest';
import { startupUrls, CACHE_TAG_SLOT as slotInLoader } from '../../../src/client/search-start.ts';
import { pinIndexEntry } from '../../../src/lib/search/index/entry.ts';
import { CACHE_TAG_SLOT, entryFile, metadataFile, startupFiles, wasmFile } from '../../../src/lib/search/page/startup.ts';

describe('the start-up files', () => {
  it("are the search vocabulary, the index's metadata under its fixed name, Pagefind's script, its WebAssembly and its entry file with the cache tag's slot, in that order", () => {
    expect(startupFiles()).toEqual([
      'vocabulary.json?ts={tag}',
      'pagefind.zh-cn.pf_meta',
      'pagefind.js',
      'wasm.unknown.pagefind',
      'pagefind-entry.json?ts={tag}',
    ]);
    expect(metadataFile('en')).toBe('pagefind.en.pf_meta');
    expect(wasmFile('en')).toBe('wasm.en.pagefind');
  });

  it('address the entry file with the cache tag, as Pagefind does', () => {
    expect(entryFile('1795339608277')).toBe('pagefind-entry.json?ts=1795339608277');
  });

  it('become the addresses the inlined loader asks for, the tag where Pagefind puts it (the loader repeats the slot)', () => {
    expect(slotInLoader).toBe(CACHE_TAG_SLOT);
    expect(
      startupUrls(
        startupFiles()
          .map((file) => `/digest/pagefind/${file}`)
          .join(' '),
        '17',
      ),
    ).toEqual([
      '/digest/pagefind/vocabulary.json?ts=17',
      '/digest/pagefind/pagefind.zh-cn.pf_meta',
      '/digest/pagefind/pagefind.js',
      '/digest/pagefind/wasm.unknown.pagefind',
      `/digest/pagefind/${entryFile('17')}`,
    ]);
  });
});

describe("Pagefind's entry file, pinned", () => {
  const written =
    '{"version":"1.6.0","languages":{"zh-cn":{"hash":"zh-cn_4658ecd7e5a45","wasm":null,"page_count":1251}},"include_characters":["_"]}';

  it('names the metadata by the language, and says which file to rename; the rest stays as Pagefind wrote it', () => {
    const pinned = pinIndexEntry(written);
    expect(pinned.metadata).toEqual({ from: 'pagefind.zh-cn_4658ecd7e5a45.pf_meta', to: metadataFile() });
    expect(JSON.parse(pinned.entry)).toEqual({
      version: '1.6.0',
      languages: { 'zh-cn': { hash: 'zh-cn', wasm: null, page_count: 1251 } },
      include_characters: ['_'],
    });
  });

  it('fails, saying what to check, when the entry is not as Pagefind 1.6 writes it or names other WebAssembly than the pages ask for', () => {
    for (const entry of [
      'not json',
      '{}',
      '{"languages":{"en":{"hash":"en_1"}}}',
      '{"languages":{"zh-cn":{"wasm":null}}}',
      '{"languages":{"zh-cn":{"hash":"../x"}}}',
      '{"languages":{"zh-cn":{"hash":"zh-cn_1","wasm":"zh"}}}',
    ])
      expect(() => pinIndexEntry(entry), entry).toThrow(/pagefind-entry\.json.*Fix:/);
  });
});
