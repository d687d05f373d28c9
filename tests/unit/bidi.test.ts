import { describe, expect, it } from 'vitest';
import { stripBidiControls } from '../../src/lib/bidi.ts';

describe('explicit direction controls', () => {
  it.each([
    ['an override', '\u202Egnp.exe', 'gnp.exe'],
    ['every embedding, override and isolate', 'a\u202Ab\u202Bc\u202Cd\u202De\u202Ef\u2066g\u2067h\u2068i\u2069j', 'abcdefghij'],
    ['character references, in hex and decimal, any case', '&#x202E;a&#X202e;b&#8238;c&#x00002066;d&#08297;e', 'abcde'],
  ])('are removed: %s', (_name, text, expected) => {
    expect(stripBidiControls(text)).toBe(expected);
  });

  it('leave direction marks and everything else as written', () => {
    const text = 'Nova\u200E 与 \u200Fשלום &#x202F; &amp; &#8239;';
    expect(stripBidiControls(text)).toBe(text);
  });
});
