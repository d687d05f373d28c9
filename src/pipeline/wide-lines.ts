/**
 * Lines broken between two wide characters (Han, kana, CJK and full-width punctuation and forms).
 * CSS removes such a line break where between words it is a space, but Chromium shows a space,
 * which splits a Chinese word wrapped by its editor (`编辑器里` / `按` as `编辑器里 按`). Pure.
 */

/** A wide character: Han, kana, CJK and full-width punctuation and forms. */
const WIDE = String.raw`[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff01-\uff60\uffe0-\uffe6]`;
/** A line break between two wide characters, with the spaces and tabs around it. */
const WIDE_LINE_BREAK = new RegExp(`(?<=${WIDE})[ \\t]*\\r?\\n[ \\t]*(?=${WIDE})`, 'gu');
/** The same over blank and indented lines, as a YAML value is written. */
const WIDE_LINES = new RegExp(`${WIDE}[ \\t]*\\r?\\n\\s*${WIDE}`, 'u');

/**
 * The text with each line break between two wide characters removed; other line breaks stay.
 * @example joinWideLines('编辑器里\n按八十列 Nova\n与') // '编辑器里按八十列 Nova\n与'
 */
export function joinWideLines(text: string): string {
  return text.includes('\n') ? text.replace(WIDE_LINE_BREAK, '') : text;
}

/**
 * Whether a text goes on to a new line (blank lines and indentation aside) between two wide characters.
 * @example breaksWideLine('description: 第一行，\n  第二行') // true
 */
export function breaksWideLine(text: string): boolean {
  return WIDE_LINES.test(text);
}
