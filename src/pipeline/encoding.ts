/**
 * Reading an editor's file as UTF-8, or saying why it is not: Chinese editors' tools still save
 * GBK (GB18030) or UTF-16, which a lenient decoder would turn into U+FFFD and publish garbled.
 * Shared by the content folder's read and the importer of legacy posts.
 */
import { lineAt } from './problems.ts';

/** A file that is not UTF-8 text: the first line holding a byte that is not, and what it looks like instead. */
export interface EncodingError {
  /** 1-based line of the first byte that is not UTF-8. */
  line: number;
  message: string;
  fix: string;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const lenient = new TextDecoder('utf-8');

/**
 * Decodes UTF-8 (a BOM is dropped); an error instead of replacement characters.
 * @example decodeUtf8(new Uint8Array([0xc4, 0xe3])) // { line: 1, message: 'the file is not UTF-8 text (it reads as GBK/GB18030…)', fix: '…' }
 */
export function decodeUtf8(bytes: Uint8Array, fileName = 'the file'): { text: string } | EncodingError {
  const utf16 = utf16Order(bytes);
  if (utf16) {
    // Without a byte order mark iconv reads UTF-16 as big-endian: the order is named for it.
    const from = utf16.marked ? 'UTF-16' : utf16.order === 'little-endian' ? 'UTF-16LE' : 'UTF-16BE';
    return {
      line: 1,
      message: `the file is not UTF-8 text: it is UTF-16 (${utf16.order}, ${utf16.marked ? 'as "Unicode" in some Windows editors' : 'without a byte order mark'})`,
      fix: `save it as UTF-8 (e.g. iconv -f ${from} -t UTF-8 ${fileName} > ${fileName}.utf8, then replace the file with it)`,
    };
  }
  try {
    return { text: utf8.decode(bytes) };
  } catch {
    const readable = lenient.decode(bytes);
    const line = readable.slice(0, readable.indexOf('\uFFFD')).split('\n').length;
    const stray = strayByteError(bytes, readable, line);
    if (stray) return stray;
    const chinese = chineseEncoding(bytes);
    const reads = {
      GB18030: ' (it reads as GBK/GB18030, as many Chinese editors save)',
      BIG5: ' (it reads as Big5, as Traditional Chinese editors save)',
    };
    return {
      line,
      message: `the file is not UTF-8 text${chinese ? reads[chinese] : ''}, so its text would be published garbled`,
      fix: `save it as UTF-8 (e.g. iconv -f ${chinese ?? '<its encoding>'} -t UTF-8 ${fileName} > ${fileName}.utf8, then replace the file with it)`,
    };
  }
}

/**
 * Characters that are not text: C0 controls but tab and line breaks, DEL, C1 (which come from text
 * decoded as Windows-1252 somewhere on its way) and the noncharacters U+FFFE and U+FFFF. Pasted
 * from a terminal or another program, they are invisible in most editors; a page would carry them
 * into its HTML and search index, and XML (the feeds) forbids most of them.
 */
export const NOT_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]/;

/** A numeric character reference (`&#1;`, `&#x1F;`), which Markdown turns into the character. */
const REFERENCE = /&#(?:[xX]([0-9a-fA-F]{1,8})|([0-9]{1,10}));/g;

/** `U+0008`. */
export const codePointName = (character: string) => `U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * The first character in a text that is not text, written as itself or as a numeric reference
 * (`&#0;` too, which Markdown turns into U+FFFD), as an error naming its line, column and code.
 * @example controlCharacterError('a\nb\u0008c') // { line: 2, message: 'an invisible control character (U+0008) at column 2…', fix: '…' }
 */
export function controlCharacterError(text: string): EncodingError | undefined {
  const raw = NOT_TEXT.exec(text);
  let reference: RegExpExecArray | undefined;
  for (const found of text.matchAll(REFERENCE)) {
    const code = found[1] ? parseInt(found[1], 16) : Number(found[2]);
    if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) || NOT_TEXT.test(String.fromCodePoint(code))) {
      reference = found;
      break;
    }
  }
  const first = raw && (!reference || raw.index < reference.index) ? raw : reference;
  if (!first) return undefined;
  const before = text.slice(0, first.index).split('\n');
  const line = before.length;
  const column = (before.at(-1)?.length ?? 0) + 1;
  return first === raw
    ? {
        line,
        message: `an invisible control character (${codePointName(first[0])}) at column ${column}, not text: pages, feeds and search would carry it`,
        fix: 'delete it (most editors find every such character with the regular expression [\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F-\\x9F\\uFFFE\\uFFFF])',
      }
    : {
        line,
        message: `${first[0]} at column ${column} writes a character that is not text (a control character, or none at all)`,
        fix: `delete ${first[0]}`,
      };
}

/**
 * A replacement character (U+FFFD) written as itself: what a text editor or a converter leaves
 * for each character it could not read (a GBK file opened as UTF-8 and saved), so the character
 * meant is already lost; one written as `&#xFFFD;` is meant to show.
 * @example replacementCharacterError('a\n新\uFFFD')?.line // 2
 */
export function replacementCharacterError(text: string): EncodingError | undefined {
  const at = text.indexOf('\uFFFD');
  if (at < 0) return undefined;
  const before = text.slice(0, at).split('\n');
  return {
    line: before.length,
    message: `U+FFFD (\uFFFD, the replacement character) at column ${(before.at(-1)?.length ?? 0) + 1} stands for a character lost when the text was read in another encoding than its own: readers would see \uFFFD in its place`,
    fix: 'write the character meant (from the original text), and look for other \uFFFD in the file; to show the symbol itself, write &#xFFFD;',
  };
}

/** Latin ligatures (ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ), as text copied from a PDF holds them, and the letters each stands for. */
const LIGATURES: ReadonlyMap<string, string> = new Map([
  ['\uFB00', 'ff'],
  ['\uFB01', 'fi'],
  ['\uFB02', 'fl'],
  ['\uFB03', 'ffi'],
  ['\uFB04', 'ffl'],
  ['\uFB05', 'st'],
  ['\uFB06', 'st'],
]);

/**
 * A Latin ligature (`conﬁguration`, copied from a PDF): the page shows the word, but search
 * finds no word written with it, whose letters it holds as one character.
 * @example ligatureError('con\uFB01g')?.fix // 'write the letters "fi" instead, …'
 */
export function ligatureError(text: string): EncodingError | undefined {
  const found = /[\uFB00-\uFB06]/.exec(text);
  if (!found) return undefined;
  const before = text.slice(0, found.index).split('\n');
  const letters = LIGATURES.get(found[0]) ?? '';
  const word =
    /[\p{L}\uFB00-\uFB06]*$/u.exec(text.slice(0, found.index))?.[0] + (/^[\p{L}\uFB00-\uFB06]*/u.exec(text.slice(found.index))?.[0] ?? '');
  return {
    line: before.length,
    message: `"${found[0]}" (${codePointName(found[0])}, a ligature, as text copied from a PDF holds) at column ${(before.at(-1)?.length ?? 0) + 1}: search finds no word written with it ("${word}" is not "${word.replaceAll(found[0], letters)}")`,
    fix: `write the letters "${letters}" instead, and look for other ligatures (${[...LIGATURES.keys()].join(' ')}) in the file`,
  };
}

/**
 * A line ended by a carriage return alone (as classic Mac OS and some old editors save text): Markdown
 * reads it as a line ending, the front matter does not, so such a file fails with a message about
 * something else. Windows' CR LF is fine.
 * @example loneCarriageReturnError('a\nb\rc')?.line // 2
 */
export function loneCarriageReturnError(text: string): EncodingError | undefined {
  const found = /\r(?!\n)/.exec(text);
  if (!found) return undefined;
  return {
    line: text.slice(0, found.index).split('\n').length,
    message:
      'this line ends with a carriage return alone (CR, as classic Mac OS saved text), which the check does not read as the end of a line',
    fix: "save the file with LF (Unix) line endings, or CR LF; tr '\\r' '\\n' converts a file that uses CR alone",
  };
}

/**
 * A file of UTF-8 text but for a few bytes of another encoding (a curly quote pasted from Word as
 * Windows-1252's 0x93): the byte, at its line and column, and what it is in Windows-1252. Converting
 * the whole file, the fix for a file saved in another encoding, would garble its UTF-8 text.
 */
function strayByteError(bytes: Uint8Array, readable: string, line: number): EncodingError | undefined {
  const characters = [...readable].filter((character) => character > '\u007F');
  const invalid = characters.filter((character) => character === '\uFFFD').length;
  // Another encoding's text read as UTF-8 is mostly invalid; UTF-8 text with a stray byte mostly valid.
  if (characters.length - invalid < 4 * invalid) return undefined;
  const before = readable.slice(0, readable.indexOf('\uFFFD'));
  const byte = bytes[new TextEncoder().encode(before).length] ?? 0;
  // Only 0x80-0x9F are Windows-1252's own (curly quotes, dashes, …); a higher byte may as well begin a GBK character.
  const character = byte >= 0x80 && byte < 0xa0 ? CP1252_HIGH.charAt(byte - 0x80) : '';
  if (!character || NOT_TEXT.test(character)) return undefined;
  const hex = `0x${byte.toString(16).toUpperCase()}`;
  const column = [...(before.split('\n').at(-1) ?? '')].length + 1;
  return {
    line,
    message: `byte ${hex} at column ${column} is not UTF-8, though the rest of the file is: it is ${character} in Windows-1252, as text pasted from Word or a Windows program can bring it`,
    fix: `type ${character} in its place, and the same for any other such byte (the check names the next one); converting the whole file would garble its UTF-8 text`,
  };
}

/** Narrows a decode result to its error form. */
export function isEncodingError(result: { text: string } | EncodingError): result is EncodingError {
  return 'message' in result;
}

/** UTF-16's byte order, by its byte order mark, or without one by the NUL byte beside each ASCII character. */
function utf16Order(bytes: Uint8Array): { order: 'little-endian' | 'big-endian'; marked: boolean } | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { order: 'little-endian', marked: true };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { order: 'big-endian', marked: true };
  const sample = bytes.subarray(0, 512);
  const nuls = (parity: number) => sample.filter((byte, index) => byte === 0 && index % 2 === parity).length;
  if (nuls(1) > sample.length / 4) return { order: 'little-endian', marked: false };
  if (nuls(0) > sample.length / 4) return { order: 'big-endian', marked: false };
  return undefined;
}

/** Characters common in Chinese prose, simplified and traditional: the reading that shows more of them is the file's. */
const COMMON_CHINESE = new Set(
  '的一是不了在有人这這中大为為上个個我们們来來说說时時到地也就会會要对對以可和年发發动動出过過国國后後学學经經开開与與网網络絡社区區论論',
);

/**
 * The Chinese encoding the bytes read as, GBK (GB18030) or Big5, either of which decodes most
 * Chinese bytes: the one whose reading holds more common characters, GBK when they tie.
 */
function chineseEncoding(bytes: Uint8Array): 'GB18030' | 'BIG5' | undefined {
  const readings = (['GB18030', 'BIG5'] as const).flatMap((encoding) => {
    try {
      const text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
      return [{ encoding, common: [...text].filter((character) => COMMON_CHINESE.has(character)).length }];
    } catch {
      return [];
    }
  });
  return readings.sort((a, b) => b.common - a.common)[0]?.encoding;
}

/** Windows-1252's characters for the bytes 0x80-0x9F (the rest of 0x80-0xFF are Latin-1's own). */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

/** A run that may be UTF-8 bytes shown as Windows-1252: a lead byte's character, then continuation bytes' ones. */
const DOUBLED_RUN = new RegExp(`(?:[\\u00C2-\\u00F4][\\u00A0-\\u00BF${CP1252_HIGH}]{1,3})+`, 'g');

/** The byte Windows-1252 shows as `char`. */
const cp1252Byte = (char: string): number => {
  const high = CP1252_HIGH.indexOf(char);
  return high >= 0 ? 0x80 + high : char.charCodeAt(0);
};

/**
 * Text that was UTF-8, read as Windows-1252 and saved as UTF-8 again (`â€œStringâ€`, `æ–°é—»`):
 * the first such run, its line, and what it was. A run counts only when its bytes are whole UTF-8
 * characters beyond ASCII, which the two encodings' letters in real words (`Ã©t`, `Â`) are not.
 * @example doubleEncodingError('say â€œhiâ€\u009d')?.message.startsWith('"â€œ" is UTF-8') // true
 */
export function doubleEncodingError(text: string): EncodingError | undefined {
  for (const found of text.matchAll(DOUBLED_RUN)) {
    const meant = new TextDecoder('utf-8', { fatal: true });
    let decoded: string;
    try {
      decoded = meant.decode(Uint8Array.from([...found[0]].map(cp1252Byte)));
    } catch {
      continue;
    }
    return {
      line: lineAt(text, found.index, 1),
      message: `"${found[0]}" is UTF-8 read as Windows-1252 and saved again: readers would see it garbled (it was "${decoded}")`,
      fix: `write "${decoded}" in its place, and check the file's other non-ASCII text the same way`,
    };
  }
  return undefined;
}
