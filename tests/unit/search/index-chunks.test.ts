import { gunzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IndexLayout } from '../../../src/lib/search/contract.ts';
import { readIndexLayout } from '../../../src/lib/search/index/layout.ts';
import { chunksForWords, pagefindWords } from '../../../src/lib/search/page/index-chunks.ts';

describe("the index's layout, read from a real Pagefind index's metadata", () => {
  let files: { path: string; content: Uint8Array }[];
  let layout: IndexLayout;

  beforeAll(async () => {
    // Small chunks, so the index has several.
    process.env['PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE'] = '40';
    const { index } = await pagefind.createIndex({ forceLanguage: 'zh-cn' });
    if (!index) throw new Error('Pagefind did not start');
    const words = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf', 'hotel', '云计算', '虚拟机'];
    for (const [number, word] of words.entries())
      await index.addCustomRecord({
        url: `/issues/${number}/`,
        content: `${word} ${words.join(' ')} ${word}`,
        language: 'zh-cn',
        filters: { hidden: number % 2 ? ['en'] : [], month: ['2014-01'] },
      });
    files = (await index.getFiles()).files;
    await index.deleteIndex();
    const metadata = files.find((file) => file.path.endsWith('.pf_meta'));
    if (!metadata) throw new Error('Pagefind wrote no metadata');
    layout = readIndexLayout(gunzipSync(metadata.content));
  }, 60_000);

  afterAll(async () => {
    delete process.env['PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE'];
    await pagefind.close();
  });

  it('names every index chunk Pagefind wrote, each once, in word order', () => {
    const written = files
      .filter((file) => file.path.startsWith('index/'))
      .map((file) => file.path.replace(/^index\/(.*)\.pf_index$/, '$1'));
    expect(written.length).toBeGreaterThan(1);
    expect(layout.chunks.map(([, , hash]) => hash).sort()).toEqual(written.sort());
    for (const [index, [from, to]] of layout.chunks.entries()) {
      expect(from <= to).toBe(true);
      const next = layout.chunks[index + 1];
      if (next) expect(to < next[0]).toBe(true);
    }
  });

  it("names each filter's chunk", () => {
    const written = files
      .filter((file) => file.path.startsWith('filter/'))
      .map((file) => file.path.replace(/^filter\/(.*)\.pf_filter$/, '$1'));
    expect(Object.keys(layout.filterChunks).sort()).toEqual(['hidden', 'month']);
    expect(Object.values(layout.filterChunks).sort()).toEqual(written.sort());
  });

  it('refuses metadata that is not as Pagefind 1.6 writes it, saying where to look', () => {
    expect(() => readIndexLayout(new TextEncoder().encode('not pagefind'))).toThrow(/lacks its signature.*layout\.ts/);
    const truncated = gunzipSync(files.find((file) => file.path.endsWith('.pf_meta'))?.content ?? new Uint8Array()).subarray(0, 40);
    expect(() => readIndexLayout(truncated)).toThrow(/ends early/);
  });
});

describe('the words Pagefind looks up', () => {
  it('are the words of the term as Chinese segments them, without punctuation, in lower case, without diacritics', () => {
    expect(pagefindWords('Keystone V2 认证')).toEqual(['keystone', 'v2', '认证']);
    expect(pagefindWords('nova-scheduler')).toEqual(['nova', 'scheduler']);
    expect(pagefindWords('"PTL 发布"')).toEqual(['ptl', '发布']);
    expect(pagefindWords('Café')).toEqual(['cafe']);
    expect(pagefindWords('  ')).toEqual([]);
  });
});

describe('the chunks for words', () => {
  const chunks: IndexLayout['chunks'] = [
    ['a', 'glance', 'one'],
    ['heat', 'nova', 'two'],
    ['nova-x', 'zaqar', 'three'],
  ];

  it('is the first chunk whose range holds each word, bounds included, each chunk once', () => {
    expect(chunksForWords(['glance'], chunks)).toEqual(['one']);
    expect(chunksForWords(['heat', 'nova'], chunks)).toEqual(['two']);
    expect(chunksForWords(['keystone', 'swift'], chunks)).toEqual(['three', 'two']);
  });

  it('falls back to the chunks that could hold a word starting with it only when no word is in any range', () => {
    // `h` sorts between the first chunk and the second, whose words start with it.
    expect(chunksForWords(['h'], chunks)).toEqual(['two']);
    expect(chunksForWords(['gz'], chunks)).toEqual([]);
    expect(chunksForWords(['h', 'glance'], chunks)).toEqual(['one']);
  });

  it('asks for nothing without words or chunks', () => {
    expect(chunksForWords([], chunks)).toEqual([]);
    expect(chunksForWords(['nova'], [])).toEqual([]);
  });
});
