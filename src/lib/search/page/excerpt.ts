/**
 * Excerpts of search results, made from the text of the part that answered, as plain pieces of
 * text, some marked: never HTML, so neither the query nor the archive's text can ever be read as
 * markup. Around the query as typed where the part holds it, else around its words; matches are
 * found by the matcher ranking uses (`matcher.ts`), so what ranked a result is what is marked.
 */
import { findMatches, toMatchable, WORD_CHAR, type Matchable } from './matcher.ts';

export interface ExcerptPiece {
  text: string;
  /** Whether the piece is a match to highlight. */
  mark: boolean;
}

type Span = { start: number; end: number };

/**
 * Where `query` first occurs in `text` from `from` on, as the matcher finds it (normalized, any
 * case; a query starting with a Latin letter or digit must start a word); -1 when absent.
 * @example findQuery('Keystone Ｖ３ API', 'v3') // 9
 */
export function findQuery(text: string, query: string, from = 0): number {
  return findMatches(toMatchable(text), query).find((span) => span.start >= from)?.start ?? -1;
}

/** The next occurrence of any needle from `from`: the earliest, and the longest there. */
function nextMatch(matches: readonly Span[], from: number): Span | undefined {
  let best: Span | undefined;
  for (const span of matches) {
    if (span.start < from) continue;
    if (!best || span.start < best.start || (span.start === best.start && span.end > best.end)) best = span;
  }
  return best;
}

/**
 * The shortest stretch of text holding every needle, the earliest of equal ones; undefined when
 * one is missing.
 */
function closestSpan(found: readonly (Span & { needle: number })[], needles: number): Span | undefined {
  const sorted = [...found].sort((a, b) => a.start - b.start);
  let best: Span | undefined;
  const inWindow = new Map<number, number>();
  let first = 0;
  sorted.forEach((occurrence, last) => {
    inWindow.set(occurrence.needle, (inWindow.get(occurrence.needle) ?? 0) + 1);
    while (inWindow.size === needles) {
      const start = sorted[first] as (typeof sorted)[number];
      const end = Math.max(...sorted.slice(first, last + 1).map((entry) => entry.end));
      if (!best || end - start.start < best.end - best.start) best = { start: start.start, end };
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
  const matchable: Matchable = toMatchable(flat);
  const wanted = [...new Set(needles.map((needle) => needle.replace(/\s+/g, ' ').trim()).filter(Boolean))];
  const found = wanted.flatMap((needle, index) => findMatches(matchable, needle).map((span) => ({ ...span, needle: index })));
  const span = wanted.length ? closestSpan(found, wanted.length) : undefined;
  if (!span) return undefined;
  // A stretch longer than the excerpt shows its beginning.
  const focus = { start: span.start, end: Math.min(span.end, span.start + 2 * radius) };
  let start = Math.max(0, focus.start - radius);
  let end = Math.min(flat.length, focus.end + radius);
  // Do not cut a Latin word in two.
  while (start > 0 && start < focus.start && WORD_CHAR.test(flat[start - 1] ?? '') && WORD_CHAR.test(flat[start] ?? '')) start += 1;
  while (end < flat.length && end > focus.end && WORD_CHAR.test(flat[end - 1] ?? '') && WORD_CHAR.test(flat[end] ?? '')) end -= 1;
  const pieces: ExcerptPiece[] = [];
  let cursor = start;
  for (let match = nextMatch(found, start); match && match.end <= end; match = nextMatch(found, cursor)) {
    if (match.start > cursor) pieces.push({ text: flat.slice(cursor, match.start), mark: false });
    pieces.push({ text: flat.slice(match.start, match.end), mark: true });
    cursor = match.end;
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
