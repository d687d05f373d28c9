/**
 * Reading an editor's file as UTF-8, or saying why it is not: Chinese editors' tools still save
 * GBK (GB18030) or UTF-16, which a lenient decoder would turn into U+FFFD and publish garbled.
 * Shared by the content folder's read and the importer of legacy posts.
 */

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
    return {
      line: 1,
      message: `the file is not UTF-8 text: it is UTF-16 (${utf16}, as "Unicode" in some Windows editors)`,
      fix: `save it as UTF-8 (e.g. iconv -f UTF-16 -t UTF-8 ${fileName} > ${fileName}.utf8, then replace the file with it)`,
    };
  }
  try {
    return { text: utf8.decode(bytes) };
  } catch {
    const readable = lenient.decode(bytes);
    const line = readable.slice(0, readable.indexOf('\uFFFD')).split('\n').length;
    const gbk = readsAs('gb18030', bytes);
    return {
      line,
      message: `the file is not UTF-8 text${gbk ? ' (it reads as GBK/GB18030, as many Chinese editors save)' : ''}, so its text would be published garbled`,
      fix: `save it as UTF-8 (e.g. iconv -f ${gbk ? 'GB18030' : '<its encoding>'} -t UTF-8 ${fileName} > ${fileName}.utf8, then replace the file with it)`,
    };
  }
}

/**
 * Control characters other than tab and line breaks: C0, DEL and C1 (the last come from text
 * decoded as Windows-1252 somewhere on its way). Pasted from a terminal or another program, they
 * are invisible in most editors, and a page would carry them into its HTML, feeds and search
 * index, where browsers show nothing or a box.
 */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/**
 * The first control character in a text, as an error naming its line, column and code.
 * @example controlCharacterError('a\nb\u0008c') // { line: 2, message: 'an invisible control character (U+0008) at column 2…', fix: '…' }
 */
export function controlCharacterError(text: string): EncodingError | undefined {
  const found = CONTROL.exec(text);
  if (!found) return undefined;
  const before = text.slice(0, found.index).split('\n');
  const line = before.length;
  const column = (before.at(-1)?.length ?? 0) + 1;
  const code = `U+${found[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
  return {
    line,
    message: `an invisible control character (${code}) at column ${column}, not text: pages, feeds and search would carry it`,
    fix: 'delete it (most editors find every such character with the regular expression [\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F-\\x9F])',
  };
}

/** Narrows a decode result to its error form. */
export function isEncodingError(result: { text: string } | EncodingError): result is EncodingError {
  return 'message' in result;
}

function utf16Order(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'little-endian';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'big-endian';
  return undefined;
}

function readsAs(encoding: string, bytes: Uint8Array): boolean {
  try {
    new TextDecoder(encoding, { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}
