import { describe, expect, it } from 'vitest';
import {
  controlCharacterError,
  decodeUtf8,
  doubleEncodingError,
  ligatureError,
  loneCarriageReturnError,
  replacementCharacterError,
} from '../../../src/pipeline/encoding.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('decodeUtf8', () => {
  it('reads UTF-8, dropping a BOM', () => {
    expect(decodeUtf8(utf8('\uFEFF---\n标题\n'))).toEqual({ text: '---\n标题\n' });
  });

  it('names the line of the first byte that is not UTF-8, and GBK when the bytes read as GBK', () => {
    // "---\n" then 你好 in GBK.
    const gbk = new Uint8Array([...utf8('---\nok\n'), 0xc4, 0xe3, 0xba, 0xc3, 0x0a]);
    expect(decodeUtf8(gbk, '0009.md')).toEqual({
      line: 3,
      message: 'the file is not UTF-8 text (it reads as GBK/GB18030, as many Chinese editors save), so its text would be published garbled',
      fix: 'save it as UTF-8 (e.g. iconv -f GB18030 -t UTF-8 0009.md > 0009.md.utf8, then replace the file with it)',
    });
  });

  it('tells Big5 from GBK, whose fix would garble it', () => {
    // 這是繁體中文的測試，我們在開發者社群討論網路與運算。 in Big5.
    const hex = 'b36fac4fc163c5e9a4a4a4e5aabab4fab8d5a141a7daadcca662b67db56faaccaac0b873b051bdd7baf4b8f4bb50b942bae2a143';
    const big5 = new Uint8Array([...utf8('---\n'), ...(hex.match(/../g) ?? []).map((pair) => parseInt(pair, 16))]);
    expect(decodeUtf8(big5, '0009.md')).toMatchObject({
      line: 2,
      message: 'the file is not UTF-8 text (it reads as Big5, as Traditional Chinese editors save), so its text would be published garbled',
      fix: 'save it as UTF-8 (e.g. iconv -f BIG5 -t UTF-8 0009.md > 0009.md.utf8, then replace the file with it)',
    });
  });

  it('names the byte and what it is in Windows-1252 when the rest of the file is UTF-8, whose fix is no conversion', () => {
    // Chinese text in UTF-8 with a curly quote pasted in as Windows-1252's byte 0x93 (and 0x94).
    const text = '新闻：Heat 对 HOT 模板的 parameter 类型定义支持 string，而不是 ';
    const mixed = new Uint8Array([...utf8(`---\ntitle: 第九期\n---\n${text}`), 0x93, ...utf8('String'), 0x94, ...utf8('。\n')]);
    expect(decodeUtf8(mixed, '0009.md')).toEqual({
      line: 4,
      message: `byte 0x93 at column ${[...text].length + 1} is not UTF-8, though the rest of the file is: it is “ in Windows-1252, as text pasted from Word or a Windows program can bring it`,
      fix: 'type “ in its place, and the same for any other such byte (the check names the next one); converting the whole file would garble its UTF-8 text',
    });
    // A line of GBK in UTF-8 text is no Windows-1252 punctuation: its bytes are not named as such.
    const gbkLine = new Uint8Array([...utf8(`---\ntitle: 第九期\n---\n${text}\n`), 0xc4, 0xe3, 0xba, 0xc3, 0x0a]);
    expect(decodeUtf8(gbkLine)).toMatchObject({ line: 5, message: expect.stringContaining('the file is not UTF-8 text') });
  });

  it('recognizes UTF-16, which would otherwise pass as UTF-8 with NUL bytes', () => {
    const utf16 = new Uint8Array([0xff, 0xfe, 0x2d, 0x00, 0x2d, 0x00]);
    expect(decodeUtf8(utf16)).toMatchObject({ line: 1, message: expect.stringContaining('it is UTF-16 (little-endian') });
  });

  it('recognizes UTF-16 saved without a byte order mark, naming the byte order iconv then needs', () => {
    const text = '---\ntitle: OpenStack社区动态第九期(02.16-03.01)\n---\n## Nova\n';
    const little = new Uint8Array([...text].flatMap((c) => [(c.codePointAt(0) ?? 0) & 0xff, (c.codePointAt(0) ?? 0) >> 8]));
    expect(decodeUtf8(little, '0009.md')).toEqual({
      line: 1,
      message: 'the file is not UTF-8 text: it is UTF-16 (little-endian, without a byte order mark)',
      fix: 'save it as UTF-8 (e.g. iconv -f UTF-16LE -t UTF-8 0009.md > 0009.md.utf8, then replace the file with it)',
    });
    const big = new Uint8Array([...text].flatMap((c) => [(c.codePointAt(0) ?? 0) >> 8, (c.codePointAt(0) ?? 0) & 0xff]));
    expect(decodeUtf8(big, '0009.md')).toMatchObject({
      message: expect.stringContaining('UTF-16 (big-endian, without a byte order mark)'),
    });
  });
});

describe('text saved twice over (UTF-8 read as Windows-1252)', () => {
  /** What an editor's tool makes of UTF-8 text it reads as Windows-1252, then saves as UTF-8. */
  const garble = (text: string) =>
    [...new TextEncoder().encode(text)]
      .map((byte) =>
        byte >= 0x80 && byte < 0xa0 ? '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ'[byte - 0x80] : String.fromCharCode(byte),
      )
      .join('');

  it('is found at its line, with the text it was', () => {
    expect(doubleEncodingError(`---\ntitle: 第九期\n---\n\n## Nova\n\n${garble('新闻：“Nova”发布')}`)).toEqual({
      line: 7,
      message: `"${garble('新闻：“')}" is UTF-8 read as Windows-1252 and saved again: readers would see it garbled (it was "新闻：“")`,
      fix: 'write "新闻：“" in its place, and check the file\'s other non-ASCII text the same way',
    });
    expect(doubleEncodingError(`café ${garble('é')}`)?.message).toContain('(it was "é")');
  });

  it('leaves Chinese, typographic punctuation and accented words alone', () => {
    expect(doubleEncodingError('普通中文 “引号” — 破折号… ©® naïve résumé Ångström Ünicode Â')).toBeUndefined();
  });
});

describe('loneCarriageReturnError', () => {
  it('names the first line ended by a carriage return alone, and leaves CR LF and LF alone', () => {
    expect(loneCarriageReturnError('a\nb\rc')).toMatchObject({ line: 2, fix: expect.stringContaining('LF (Unix) line endings') });
    expect(loneCarriageReturnError('---\rnumber: 9\r')?.line).toBe(1);
    expect(loneCarriageReturnError('a\r\nb\nc\r\n')).toBeUndefined();
  });
});

describe('replacementCharacterError', () => {
  it('names the first replacement character a lossy conversion left, and takes one written as a reference', () => {
    expect(replacementCharacterError('---\ntitle: 第九期\n---\n\n新闻：\uFFFD\uFFFD发布')).toEqual({
      line: 5,
      message:
        'U+FFFD (�, the replacement character) at column 4 stands for a character lost when the text was read in another encoding than its own: readers would see � in its place',
      fix: 'write the character meant (from the original text), and look for other � in the file; to show the symbol itself, write &#xFFFD;',
    });
    expect(replacementCharacterError('显示为 &#xFFFD; 的字符')).toBeUndefined();
  });
});

describe('controlCharacterError', () => {
  it.each(['\u0008', '\u001b', '\u0085', '\uFFFE', '\uFFFF'])(
    'gives a regular expression that finds %j, and every other such character',
    (character) => {
      const fix = controlCharacterError(`标题\n一条${character}新闻`)?.fix ?? '';
      const pattern = /\[[^\]]+\]/.exec(fix)?.[0] ?? '[]';
      // The expression as an editor's search box reads it: `\x..` and `\u....` escapes.
      expect(new RegExp(pattern, 'u').test(character)).toBe(true);
    },
  );
});

describe('ligatureError', () => {
  it('names the first ligature copied from a PDF, which search cannot find a word in, with the letters to write', () => {
    expect(ligatureError('---\ntitle: 第九期\n---\n\n规范中的 con\uFB01guration ﬂag')).toEqual({
      line: 5,
      message:
        '"ﬁ" (U+FB01, a ligature, as text copied from a PDF holds) at column 9: search finds no word written with it ("conﬁguration" is not "configuration")',
      fix: 'write the letters "fi" instead, and look for other ligatures (ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ) in the file',
    });
    expect(ligatureError('configuration flag 配置')).toBeUndefined();
  });
});
