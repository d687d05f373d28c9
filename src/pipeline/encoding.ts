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
