/**
 * Excerpts of search results as plain pieces of text, some marked: never HTML, so neither the
 * query nor the archive's text can ever be read as markup. Around the query as typed where the
 * text holds it; otherwise Pagefind's own excerpt, whose marks are taken apart here.
 */

export interface ExcerptPiece {
  text: string;
  /** Whether the piece is a match to highlight. */
  mark: boolean;
}

const WORD_CHAR = /[\p{Script=Latin}\p{Nd}]/u;

/**
 * Where `query` occurs in `text`, ignoring case; a query starting with a Latin letter or digit
 * must start a word. -1 when absent (or when case folding would shift positions).
 * @example findQuery('Keystone V3 API', 'keystone v3') // 0
 */
export function findQuery(text: string, query: string, from = 0): number {
  const haystack = text.toLowerCase();
  const needle = query.toLowerCase();
  if (!needle || haystack.length !== text.length) return -1;
  const wordStart = WORD_CHAR.test(needle[0] ?? '');
  for (let at = haystack.indexOf(needle, from); at >= 0; at = haystack.indexOf(needle, at + 1)) {
    if (!wordStart || at === 0 || !WORD_CHAR.test(haystack[at - 1] ?? '')) return at;
  }
  return -1;
}

/**
 * An excerpt of about `radius` characters either side of the first occurrence of `query`, with
 * every occurrence inside it marked; undefined when the text does not hold the query as typed.
 * @example excerptAround('Rackspace 目前只支持 keystone v2', 'Keystone', 8) // [{ text: '…目前只支持 ', mark: false }, { text: 'keystone', mark: true }, { text: ' v2', mark: false }]
 */
export function excerptAround(text: string, query: string, radius = 60): ExcerptPiece[] | undefined {
  const flat = text.replace(/\s+/g, ' ');
  const needle = query.replace(/\s+/g, ' ').trim();
  const first = findQuery(flat, needle);
  if (first < 0) return undefined;
  let start = Math.max(0, first - radius);
  let end = Math.min(flat.length, first + needle.length + radius);
  // Do not cut a Latin word in two.
  while (start > 0 && start < first && WORD_CHAR.test(flat[start - 1] ?? '') && WORD_CHAR.test(flat[start] ?? '')) start += 1;
  while (end < flat.length && end > first + needle.length && WORD_CHAR.test(flat[end - 1] ?? '') && WORD_CHAR.test(flat[end] ?? '')) end -= 1;
  const pieces: ExcerptPiece[] = [];
  let cursor = start;
  for (let at = first; at >= 0 && at + needle.length <= end; at = findQuery(flat, needle, cursor)) {
    if (at > cursor) pieces.push({ text: flat.slice(cursor, at), mark: false });
    pieces.push({ text: flat.slice(at, at + needle.length), mark: true });
    cursor = at + needle.length;
  }
  if (cursor < end) pieces.push({ text: flat.slice(cursor, end), mark: false });
  if (start > 0) pieces.unshift({ text: '…', mark: false });
  if (end < flat.length) pieces.push({ text: '…', mark: false });
  return mergePieces(pieces);
}

/**
 * Pagefind's excerpt as pieces: `<mark>` and `</mark>` are its only tags, and `<` and `>` in the
 * text are its only escapes (`&lt;`, `&gt;`), so undoing exactly those restores the text.
 * @example parsePagefindExcerpt('a &lt;b&gt; <mark>nova</mark>') // [{ text: 'a <b> ', mark: false }, { text: 'nova', mark: true }]
 */
export function parsePagefindExcerpt(excerpt: string): ExcerptPiece[] {
  const pieces: ExcerptPiece[] = [];
  let mark = false;
  for (const token of excerpt.split(/(<mark>|<\/mark>)/)) {
    if (token === '<mark>') mark = true;
    else if (token === '</mark>') mark = false;
    else if (token) pieces.push({ text: token.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replace(/\u200b/g, ''), mark });
  }
  return mergePieces(pieces);
}

/** Joins neighbours of the same kind. */
function mergePieces(pieces: readonly ExcerptPiece[]): ExcerptPiece[] {
  const merged: ExcerptPiece[] = [];
  for (const piece of pieces) {
    const last = merged.at(-1);
    if (last && last.mark === piece.mark) last.text += piece.text;
    else merged.push({ ...piece });
  }
  return merged;
}
