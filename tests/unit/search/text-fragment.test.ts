import { describe, expect, it } from 'vitest';
import { textDirective } from '../../../src/lib/search/page/text-fragment.ts';

/** The directive with its terms decoded, to read. */
const readable = (text: string, spans: { start: number; end: number }[], breaks: number[] = []) =>
  textDirective(text, spans, breaks)
    .split('&')
    .map((term) => decodeURIComponent(term));

describe('links to the words marked', () => {
  it('marks a span with the words around it, so the browser finds it where the result found it', () => {
    const text = '社区考虑将在I版release时不建议使用nova-network。';
    expect(readable(text, [{ start: 6, end: 8 }])).toEqual([':~:text=社区考虑将在-,I版,-release时不建议使用nova-']);
  });

  it('takes the word before and after a space, never more: a paragraph may end at any space', () => {
    const text = '第一段的结尾。 Rackspace 目前只支持 keystone v2，计划 升级';
    const start = text.indexOf('keystone');
    expect(readable(text, [{ start, end: start + 'keystone'.length }])).toEqual([':~:text=目前只支持-,keystone,-v2，计划']);
  });

  it('starts and ends the context only where a word surely starts and ends', () => {
    // Between two Chinese characters the browser may see no word boundary: the context stops at punctuation.
    const text = '总之，云计算平台很好';
    expect(readable(text, [{ start: 3, end: 6 }])).toEqual([':~:text=总之，-,云计算,-平台很好']);
  });

  it('percent-encodes the characters the directive gives a meaning to', () => {
    expect(textDirective('a-b, c&d', [{ start: 0, end: 3 }])).toBe(':~:text=a%2Db,-%2C');
    expect(textDirective('x c&d y', [{ start: 2, end: 5 }])).toBe(':~:text=x-,c%26d,-y');
  });

  it('marks up to three spans, and nothing without one', () => {
    const text = 'nova nova nova nova';
    expect(
      textDirective(
        text,
        [0, 5, 10, 15].map((start) => ({ start, end: start + 4 })),
      ).split('&'),
    ).toHaveLength(3);
    expect(textDirective(text, [])).toBe('');
  });

  it('takes no context across a place where the page shows words the text leaves out', () => {
    // The page reads 见JumpGate（存档）通过为现代 OpenStack（存档）模块: the labels stand at 9 and 24.
    const text = '见JumpGate通过为现代 OpenStack模块';
    const breaks = [9, 24];
    expect(readable(text, [{ start: 9, end: 12 }])).toEqual([':~:text=见JumpGate-,通过为,-现代']);
    expect(readable(text, [{ start: 9, end: 12 }], breaks)).toEqual([':~:text=通过为,-现代']);
    expect(readable(text, [{ start: 15, end: 24 }], breaks)).toEqual([':~:text=通过为现代-,OpenStack']);
    expect(readable(text, [{ start: 1, end: 9 }], breaks)).toEqual([':~:text=见-,JumpGate']);
  });

  it('marks words the page splits with such words as a range, from the first to the last', () => {
    const text = '见JumpGate通过为现代';
    expect(readable(text, [{ start: 1, end: 11 }], [9])).toEqual([':~:text=见-,JumpGate,通过,-为现代']);
  });
});
