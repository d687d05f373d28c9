/**
 * Links that open an issue at the words a result matched, marked by the browser itself: a text
 * fragment (`#heat:~:text=…`, the URL Fragment Text Directives of WICG) after the section's anchor,
 * so the issue page needs no script. Each marked span goes with a few words of context before and
 * after, so the browser finds it in that section rather than in the table of contents or another
 * section; the context starts and ends where a word surely starts and ends (a space, punctuation,
 * or a change between Latin and Chinese script), as the browser requires, since it cannot know
 * where a Chinese word ends. Context stops where the page shows words the searched text leaves
 * out (`breaks`: the label after an outside link, `（存档）`), which the browser would read between
 * them; a match that spans one is marked as a range from its first words to its last. A browser
 * without text fragments goes to the section's anchor. Pure.
 */

import { WORD_CHAR } from './matcher.ts';

type Span = { start: number; end: number };

/** Context taken before and after a span at most, in characters. */
const CONTEXT = 24;

/** Text directives per link at most. */
const MAX_DIRECTIVES = 3;

const BREAK = /[\s\p{P}\p{S}]/u;

const HAN = /\p{Script=Han}/u;

/** Whether a word surely starts or ends between `text[at - 1]` and `text[at]`. */
function isWordBoundary(text: string, at: number): boolean {
  const before = text[at - 1];
  const after = text[at];
  if (before === undefined || after === undefined) return true;
  if (BREAK.test(before) || BREAK.test(after)) return true;
  return (WORD_CHAR.test(before) && HAN.test(after)) || (HAN.test(before) && WORD_CHAR.test(after));
}

/** Percent-encodes a directive's term: `-`, `,` and `&` have meanings there. */
function encodeTerm(term: string): string {
  return encodeURIComponent(term).replace(/-/g, '%2D');
}

/**
 * The context before a span: the word or words before it (past a space, if one comes first), back
 * to the furthest word start within `CONTEXT` characters, never across a further space: a
 * paragraph ends in one, and the browser matches each term within a paragraph. '' when none.
 */
function prefixOf(text: string, start: number, breaks: readonly number[]): string {
  // The last break at or before the span: nothing before it reads on the page as here.
  const floor = Math.max(0, ...breaks.filter((offset) => offset <= start));
  let end = start;
  while (end > floor && /\s/.test(text[end - 1] ?? '')) end -= 1;
  if (end === floor && floor > 0) return '';
  let best = end;
  for (let at = end - 1; at >= Math.max(floor, start - CONTEXT) && !/\s/.test(text[at] ?? ' '); at -= 1) {
    if (isWordBoundary(text, at)) best = at;
  }
  return text.slice(best, end);
}

/** The context after a span, likewise: on to the furthest word end within `CONTEXT` characters. */
function suffixOf(text: string, end: number, breaks: readonly number[]): string {
  // The first break at or after the span, likewise.
  const ceiling = Math.min(text.length, ...breaks.filter((offset) => offset >= end));
  let start = end;
  while (start < ceiling && /\s/.test(text[start] ?? '')) start += 1;
  if (start === ceiling && ceiling < text.length) return '';
  let best = start;
  for (let at = start + 1; at <= Math.min(ceiling, end + CONTEXT) && !/\s/.test(text[at - 1] ?? ' '); at += 1) {
    if (isWordBoundary(text, at)) best = at;
  }
  return text.slice(start, best);
}

/**
 * The span's words as a directive's term: the words themselves, or, when the page shows other
 * words among them (a break inside), a range from its first words to its last.
 */
function matchTerm(text: string, span: Span, breaks: readonly number[]): string {
  const inside = breaks.filter((offset) => offset > span.start && offset < span.end);
  const first = inside[0];
  const last = inside.at(-1);
  if (first === undefined || last === undefined) return encodeTerm(text.slice(span.start, span.end).trim());
  const from = text.slice(span.start, first).trim();
  const to = text.slice(last, span.end).trim();
  return from && to ? `${encodeTerm(from)},${encodeTerm(to)}` : encodeTerm(from || to);
}

/**
 * The fragment directive marking `spans` of `text` (the part's text as the search read it), empty
 * when there is nothing to mark; `breaks` are the offsets where the page shows words the text
 * leaves out.
 * @example textDirective('社区考虑将在I版release时', [{ start: 6, end: 8 }]) // ':~:text=%E7%A4%BE…-,I%E7%89%88,-release'
 */
export function textDirective(text: string, spans: readonly Span[], breaks: readonly number[] = []): string {
  const terms = spans.slice(0, MAX_DIRECTIVES).flatMap((span) => {
    if (!text.slice(span.start, span.end).trim()) return [];
    const prefix = prefixOf(text, span.start, breaks);
    const suffix = suffixOf(text, span.end, breaks);
    return [`text=${prefix ? `${encodeTerm(prefix)}-,` : ''}${matchTerm(text, span, breaks)}${suffix ? `,-${encodeTerm(suffix)}` : ''}`];
  });
  return terms.length ? `:~:${terms.join('&')}` : '';
}
