import { describe, expect, it } from 'vitest';
import {
  decodeOffsets,
  encodeOffsets,
  flattenText,
  joinParts,
  packLayout,
  SECTION_META_PREFIX,
  splitParts,
  unpackLayout,
  type IndexLayout,
} from '../../../src/lib/search/contract.ts';

/** How Pagefind stores a record's content: zero-width spaces between segmented words, whitespace runs as one space. */
const asPagefindStores = (content: string) =>
  content
    .replace(/([\u4e00-\u9fff]+)/g, '$1\u200b')
    .replace(/\s+/g, ' \u200b')
    .trim();

describe('flattening text', () => {
  it.each([
    ['  健康\u200b检查\n\n nova ', '健康检查 nova'],
    ['a\u00a0b\u3000c\td\u2028e\u0085f', 'a b c d e f'],
    ['<img src=x> &amp;', '<img src=x> &amp;'],
    ['', ''],
  ])('flattens %j', (text, flat) => {
    expect(flattenText(text)).toBe(flat);
  });
});

describe('joining parts into a record', () => {
  const parts = [
    { text: '编者按：\n前言。' },
    { projectId: 'heat', text: 'Rackspace  认证' },
    { projectId: 'common', text: ' \n ' },
    { projectId: 'nova', text: 'nova-scheduler\n的讨论' },
  ];

  it('joins flattened parts with a space and records where each section starts', () => {
    const { content, meta } = joinParts(parts);
    expect(content).toBe('编者按： 前言。 Rackspace 认证 nova-scheduler 的讨论');
    expect(meta).toEqual({ [`${SECTION_META_PREFIX}heat`]: '9', [`${SECTION_META_PREFIX}nova`]: '22' });
    expect(content.slice(9, 21)).toBe('Rackspace 认证');
  });

  it('starts at 0 when there is no introduction', () => {
    expect(joinParts([{ text: '' }, { projectId: 'nova', text: 'nova' }])).toEqual({ content: 'nova', meta: { 'section.nova': '0' } });
    expect(joinParts([])).toEqual({ content: '', meta: {} });
  });

  it('cuts the same parts out of the content as Pagefind gives it back', () => {
    const { content, meta } = joinParts(parts);
    expect(splitParts(asPagefindStores(content), meta)).toEqual([
      { start: 0, end: 8, text: '编者按： 前言。' },
      { projectId: 'heat', start: 9, end: 21, text: 'Rackspace 认证' },
      { projectId: 'nova', start: 22, end: 40, text: 'nova-scheduler 的讨论' },
    ]);
  });
});

describe('where the page shows words a record leaves out', () => {
  it('travel as punctuation, which adds no word to the index, and come back as written', () => {
    expect(encodeOffsets([9, 24, 1307])).toMatch(/^[^\p{L}\p{N}]+$/u);
    expect(decodeOffsets(encodeOffsets([0, 9, 24, 1307]))).toEqual([0, 9, 24, 1307]);
    expect(decodeOffsets(undefined)).toEqual([]);
    expect(decodeOffsets('12~3')).toEqual([]);
  });

  it('are kept by each part, relative to its own text, through joining and splitting', () => {
    const { content, meta } = joinParts([
      { text: '见JumpGate通过', breaks: [9] },
      { projectId: 'nova', heading: 'Nova', text: 'bp 和 wiki', breaks: [2, 9] },
    ]);
    expect(content).toBe('见JumpGate通过 Nova bp 和 wiki');
    const parts = splitParts(asPagefindStores(content), meta);
    expect(parts.map(({ text, breaks }) => breaks?.map((offset) => text.slice(0, offset)))).toEqual([
      ['见JumpGate'],
      ['Nova bp', 'Nova bp 和 wiki'],
    ]);
  });
});

describe('splitting a record into parts', () => {
  it('has no introduction when the first section starts the content', () => {
    expect(splitParts('nova heat', { 'section.nova': '0', 'section.heat': '5' }).map((part) => [part.projectId, part.text])).toEqual([
      ['nova', 'nova'],
      ['heat', 'heat'],
    ]);
  });

  it('orders sections by offset, whatever the order of the meta keys', () => {
    expect(splitParts('a b c', { 'section.z': '4', 'section.y': '2', lang: 'en', issue: '8' }).map((part) => part.projectId)).toEqual([
      undefined,
      'y',
      'z',
    ]);
  });

  it('reads a record without sections as one introduction', () => {
    expect(splitParts('前言 only', { issue: '8' })).toEqual([{ start: 0, end: 7, text: '前言 only' }]);
  });

  it('ignores offsets that are not numbers or do not fit', () => {
    expect(
      splitParts('abc def', { 'section.nova': 'x', 'section.heat': '99', 'section.swift': '4' }).map((part) => [part.projectId, part.text]),
    ).toEqual([
      [undefined, 'abc'],
      ['swift', 'def'],
    ]);
  });

  it('keeps ids with dashes', () => {
    expect(splitParts('a b', { 'section.python-novaclient': '2' }).at(-1)?.projectId).toBe('python-novaclient');
  });
});

describe('sections under their headings', () => {
  it("opens each section with its heading, and says where the section's own text starts", () => {
    const { content, meta } = joinParts([
      { text: '前言' },
      { projectId: 'nova', heading: 'Nova', text: '调度器' },
      { projectId: 'heat', heading: 'Heat', text: ' ' },
    ]);
    expect(content).toBe('前言 Nova 调度器');
    expect(meta).toEqual({ 'section.nova': '3:5' });
    expect(splitParts(asPagefindStores(content), meta)).toEqual([
      { start: 0, end: 2, text: '前言' },
      { projectId: 'nova', start: 3, end: 11, text: 'Nova 调度器', bodyStart: 5 },
    ]);
  });
});

describe("the index's layout in the vocabulary file", () => {
  const layout: IndexLayout = {
    chunks: [
      ['01', 'nova', 'zh-cn_249f17d'],
      ['nova-x', '驱动', 'zh-cn_37c0109'],
    ],
    filterChunks: { hidden: 'zh-cn_8f86bde', month: 'zh-cn_e05e4a3' },
  };

  it('is a line per chunk and per filter, the hashes without the prefix they share, and reads back the same', () => {
    const packed = packLayout(layout);
    expect(packed).toEqual({ chunks: '01 nova 249f17d\nnova-x 驱动 37c0109', filters: 'hidden 8f86bde\nmonth e05e4a3' });
    expect(unpackLayout(JSON.parse(JSON.stringify(packed)))).toEqual(layout);
  });

  it('leaves out what is malformed, and is empty when missing', () => {
    expect(unpackLayout({ chunks: '01 nova 249f17d\nbroken line\n a b', filters: 7 })).toEqual({
      chunks: [['01', 'nova', 'zh-cn_249f17d']],
      filterChunks: {},
    });
    expect(unpackLayout(undefined)).toEqual({ chunks: [], filterChunks: {} });
  });

  it('refuses a chunk named otherwise than the index language prefix, saying so', () => {
    expect(() => packLayout({ chunks: [['a', 'b', 'en_1f']], filterChunks: {} })).toThrow(/en_1f, not zh-cn_/);
  });
});
