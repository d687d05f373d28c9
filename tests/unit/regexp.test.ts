import { describe, expect, it } from 'vitest';
import { escapeRegExp } from '../../src/lib/regexp.ts';

describe('escapeRegExp', () => {
  it.each(['/rss.xml', 'a*(b)+c?', '^[x]{2}$', 'a|b\\c', '/pagefind/fragment/'])('matches %s literally and only it', (text) => {
    const pattern = new RegExp(`^${escapeRegExp(text)}$`);
    expect(pattern.test(text)).toBe(true);
    expect(pattern.test(`${text}x`)).toBe(false);
  });
});
