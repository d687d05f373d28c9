/**
 * Explicit direction controls in text from content: the embeddings, overrides and isolates
 * (U+202A–U+202E, U+2066–U+2069), written as characters or as character references. In this
 * archive (Chinese and English, both left to right, and right-to-left words laid out correctly by
 * the bidirectional algorithm without them) they can only make text read otherwise than written:
 * U+202E turns `gnp.exe` into `exe.png` and, left open, reverses whatever follows on the line.
 * The direction marks (U+200E, U+200F) change no order of letters and are kept. Pure.
 */

const CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;
/** The same as numeric character references, which Markdown and HTML decode into the characters. */
const REFERENCES = /&#(?:[xX]0*(?:202[a-eA-E]|206[6-9])|0*(?:823[4-8]|829[4-7]));/g;

/**
 * Removes explicit direction controls, as characters or as character references.
 * @example stripBidiControls('\u202Egnp.exe') // 'gnp.exe'
 */
export function stripBidiControls(text: string): string {
  return text.replace(CONTROLS, '').replace(REFERENCES, '');
}
