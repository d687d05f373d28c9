/**
 * Excerpts of search results, made from the text of the part that answered, as plain pieces of
 * text, some marked: never HTML, so neither the query nor the archive's text can ever be read as
 * markup. Around the query as typed where the part holds it, else around its words.
 */
import { WORD_CHAR } from './matcher.ts';

export interface ExcerptPiece {
  text: string;
  /** Whether the piece is a match to highlight. */
  mark: boolean;
}

/** A text prepared for finding needles in it: lower-cased once. */
interface Haystack {
  text: string;
  lower: string;
}

function haystackOf(text: string): Haystack | undefined {
  const lower = text.toLowerCase();
  // Case folding that changes lengths would shift every position.
  return lower.length === text.length ? { text, lower } : undefined;
}

function findIn(haystack: Haystack, needle: string, from: number): number {
  const lowered = needle.toLowerCase();
  if (!lowered) return -1;
  const wordStart = WORD_CHAR.test(lowered[0] ?? '');
  for (let at = haystack.lower.indexOf(lowered, from); at >= 0; at = haystack.lower.indexOf(lowered, at + 1)) {
    if (!wordStart || at === 0 || !WORD_CHAR.test(haystack.lower[at - 1] ?? '')) return at;
  }
  return -1;
}

/**
 * Where `query` occurs in `text`, ignoring case; a query starting with a Latin letter or digit
 * must start a word. -1 when absent (or when case folding would shift positions).
 * @example findQuery('Keystone V3 API', 'keystone v3') // 0
 */
export function findQuery(text: string, query: string, from = 0): number {
  const haystack = haystackOf(text);
  return haystack ? findIn(haystack, query, from) : -1;
}

/** The next occurrence of any needle from `from`: the earliest, and the longest there. */
function nextMatch(haystack: Haystack, needles: readonly string[], from: number): { at: number; length: number } | undefined {
  let best: { at: number; length: number } | undefined;
  for (const needle of needles) {
    const at = findIn(haystack, needle, from);
    if (at >= 0 && (!best || at < best.at || (at === best.at && needle.length > best.length))) best = { at, length: needle.length };
  }
  return best;
}

/**
 * The shortest stretch of text holding every needle, the earliest of equal ones; undefined when
 * one is missing.
 */
function closestSpan(haystack: Haystack, needles: readonly string[]): { at: number; end: number } | undefined {
  const found: { at: number; end: number; needle: number }[] = [];
  needles.forEach((needle, index) => {
    for (let at = findIn(haystack, needle, 0); at >= 0; at = findIn(haystack, needle, at + 1))
      found.push({ at, end: at + needle.length, needle: index });
  });
  found.sort((a, b) => a.at - b.at);
  let best: { at: number; end: number } | undefined;
  const inWindow = new Map<number, number>();
  let first = 0;
  found.forEach((occurrence, last) => {
    inWindow.set(occurrence.needle, (inWindow.get(occurrence.needle) ?? 0) + 1);
    while (inWindow.size === needles.length) {
      const start = found[first] as (typeof found)[number];
      const end = Math.max(...found.slice(first, last + 1).map((entry) => entry.end));
      if (!best || end - start.at < best.end - best.at) best = { at: start.at, end };
      const left = (inWindow.get(start.needle) ?? 1) - 1;
      if (left) inWindow.set(start.needle, left);
      else inWindow.delete(start.needle);
      first += 1;
    }
  });
  return best;
}

/**
 * An excerpt of about `radius` characters either side of the shortest stretch holding every one
 * of `needles`, with every occurrence inside it marked; undefined when the text lacks one of them.
 * @example excerptAround('Rackspace 目前只支持 keystone v2', ['Keystone'], 8) // [{ text: '…目前只支持 ', mark: false }, { text: 'keystone', mark: true }, { text: ' v2', mark: false }]
 */
export function excerptAround(text: string, needles: readonly string[], radius = 60): ExcerptPiece[] | undefined {
  const flat = text.replace(/\s+/g, ' ');
  const haystack = haystackOf(flat);
  const wanted = [...new Set(needles.map((needle) => needle.replace(/\s+/g, ' ').trim()).filter(Boolean))];
  const span = haystack && wanted.length ? closestSpan(haystack, wanted) : undefined;
  if (!haystack || !span) return undefined;
  // A stretch longer than the excerpt shows its beginning.
  const focus = { at: span.at, end: Math.min(span.end, span.at + 2 * radius) };
  let start = Math.max(0, focus.at - radius);
  let end = Math.min(flat.length, focus.end + radius);
  // Do not cut a Latin word in two.
  while (start > 0 && start < focus.at && WORD_CHAR.test(flat[start - 1] ?? '') && WORD_CHAR.test(flat[start] ?? '')) start += 1;
  while (end < flat.length && end > focus.end && WORD_CHAR.test(flat[end - 1] ?? '') && WORD_CHAR.test(flat[end] ?? '')) end -= 1;
  const pieces: ExcerptPiece[] = [];
  let cursor = start;
  for (
    let match = nextMatch(haystack, wanted, start);
    match && match.at + match.length <= end;
    match = nextMatch(haystack, wanted, cursor)
  ) {
    if (match.at > cursor) pieces.push({ text: flat.slice(cursor, match.at), mark: false });
    pieces.push({ text: flat.slice(match.at, match.at + match.length), mark: true });
    cursor = match.at + match.length;
  }
  if (cursor < end) pieces.push({ text: flat.slice(cursor, end), mark: false });
  if (start > 0) pieces.unshift({ text: '…', mark: false });
  if (end < flat.length) pieces.push({ text: '…', mark: false });
  return mergePieces(pieces);
}

/**
 * The excerpt of a result: around the query as typed where the text holds it, else around the
 * closest meeting of its words, else the text's beginning.
 * @example excerptOf('Heat 的 keystone 支持 v2 版本', 'keystone v2', ['keystone', 'v2'], 20) // [{ text: 'Heat 的 ', mark: false }, { text: 'keystone', mark: true }, { text: ' 支持 ', mark: false }, { text: 'v2', mark: true }, { text: ' 版本', mark: false }]
 */
export function excerptOf(text: string, query: string, terms: readonly string[], radius = 60): ExcerptPiece[] {
  const around = excerptAround(text, [query], radius) ?? excerptAround(text, terms, radius);
  if (around) return around;
  const characters = [...text.replace(/\s+/g, ' ')];
  return [{ text: characters.length > 2 * radius ? `${characters.slice(0, 2 * radius).join('')}…` : characters.join(''), mark: false }];
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
