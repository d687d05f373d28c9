/**
 * Links that open an issue at the words a result matched, marked by the browser itself: a text
 * fragment (`#heat:~:text=…`, the URL Fragment Text Directives of WICG) after the section's anchor,
 * so the issue page needs no script. Each marked span goes with a few words of context before and
 * after, so the browser finds it in that section rather than in the table of contents or another
 * section; the context starts and ends where a word surely starts and ends (a space, punctuation,
 * or a change between Latin and Chinese script), as the browser requires, since it cannot know
 * where a Chinese word ends. A browser without text fragments goes to the section's anchor. Pure.
 */

type Span = { start: number; end: number };

/** Context taken before and after a span at most, in characters. */
const CONTEXT = 24;

/** Text directives per link at most. */
const MAX_DIRECTIVES = 3;

const BREAK = /[\s\p{P}\p{S}]/u;

const LATIN = /[\p{Script=Latin}\p{Nd}]/u;
const HAN = /\p{Script=Han}/u;

/** Whether a word surely starts or ends between `text[at - 1]` and `text[at]`. */
function isWordBoundary(text: string, at: number): boolean {
  const before = text[at - 1];
  const after = text[at];
  if (before === undefined || after === undefined) return true;
  if (BREAK.test(before) || BREAK.test(after)) return true;
  return (LATIN.test(before) && HAN.test(after)) || (HAN.test(before) && LATIN.test(after));
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
function prefixOf(text: string, start: number): string {
  let end = start;
  while (end > 0 && /\s/.test(text[end - 1] ?? '')) end -= 1;
  let best = end;
  for (let at = end - 1; at >= Math.max(0, start - CONTEXT) && !/\s/.test(text[at] ?? ' '); at -= 1) {
    if (isWordBoundary(text, at)) best = at;
  }
  return text.slice(best, end);
}

/** The context after a span, likewise: on to the furthest word end within `CONTEXT` characters. */
function suffixOf(text: string, end: number): string {
  let start = end;
  while (start < text.length && /\s/.test(text[start] ?? '')) start += 1;
  let best = start;
  for (let at = start + 1; at <= Math.min(text.length, end + CONTEXT) && !/\s/.test(text[at - 1] ?? ' '); at += 1) {
    if (isWordBoundary(text, at)) best = at;
  }
  return text.slice(start, best);
}

/**
 * The fragment directive marking `spans` of `text` (the part's text as the page shows it), empty
 * when there is nothing to mark.
 * @example textDirective('社区考虑将在I版release时', [{ start: 6, end: 8 }]) // ':~:text=%E7%A4%BE…-,I%E7%89%88,-release'
 */
export function textDirective(text: string, spans: readonly Span[]): string {
  const terms = spans.slice(0, MAX_DIRECTIVES).flatMap((span) => {
    const match = text.slice(span.start, span.end).trim();
    if (!match) return [];
    const prefix = prefixOf(text, span.start);
    const suffix = suffixOf(text, span.end);
    return [`text=${prefix ? `${encodeTerm(prefix)}-,` : ''}${encodeTerm(match)}${suffix ? `,-${encodeTerm(suffix)}` : ''}`];
  });
  return terms.length ? `:~:${terms.join('&')}` : '';
}
