import { describe, expect, it } from 'vitest';
import { insertionPoints, markInsertions, takeBreaks } from '../../../src/pipeline/text-breaks.ts';

describe('the places of words a page adds to a text', () => {
  it('are found in order, each where the shown text holds it', () => {
    expect(insertionPoints('见JumpGate通过', '见JumpGate（存档）通过', ['（存档）'])).toEqual([9]);
    expect(insertionPoints('abc', 'a(x)b(y)c', ['(x)', '(y)'])).toEqual([1, 2]);
    expect(insertionPoints('ab', 'a(x)(x)b', ['(x)', '(x)'])).toEqual([1, 1]);
  });

  it('are told from the same words written in the text itself', () => {
    expect(insertionPoints('a（存档）b c', 'a（存档）b（存档） c', ['（存档）'])).toEqual([6]);
  });

  it('are not guessed when the shown text is not the text with the words put in', () => {
    expect(insertionPoints('abc', 'a(x)bd', ['(x)'])).toBeUndefined();
    expect(insertionPoints('abc', 'a(x)bc', ['(x)', '(y)'])).toBeUndefined();
  });

  it('survive flattening, marked, and come out as offsets in the flattened text', () => {
    const marked = markInsertions('见 JumpGate \n\n 通过', '见 JumpGate（存档） \n\n 通过', ['（存档）']);
    const flat = marked.replace(/\s+/g, ' ');
    expect(takeBreaks(flat)).toEqual({ text: '见 JumpGate 通过', breaks: [10] });
  });

  it('put a mark before the whitespace that precedes its place', () => {
    const marked = markInsertions('a b  c', 'a b （存档） c', ['（存档）']);
    expect(takeBreaks(marked.replace(/\s+/g, ' '))).toEqual({ text: 'a b c', breaks: [3] });
  });

  it('leave a text that holds the mark character itself unmarked', () => {
    expect(markInsertions('a\uE000b', 'a\uE000(x)b', ['(x)'])).toBe('a\uE000b');
  });
});
