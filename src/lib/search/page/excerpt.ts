/**
 * Excerpts of search results, made from the text of the part that answered, as plain pieces of
 * text, some marked: never HTML, so neither the query nor the archive's text can ever be read as
 * markup. Around the query as typed where the part holds it, else around its words; matches are
 * found by the matcher ranking uses (`matcher.ts`), so what ranked a result is what is marked.
 * Prose comes before web addresses: a match in a sentence is preferred to one inside an address,
 * and an address shows as its host and the start of its path.
 */
import type { QueryForm } from './expand.ts';
import { containsQuery, findMatches, toMatchable, WORD_CHAR, type Matchable } from './matcher.ts';
import type { PartMatch } from './rank.ts';

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

/** The next occurrence of any needle ending after `from`: the earliest, and the longest there. */
function nextMatch(matches: readonly Span[], from: number): Span | undefined {
  let best: Span | undefined;
  for (const span of matches) {
    if (span.end <= from) continue;
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

/** A web address in flattened text. */
const URL_PATTERN = /https?:\/\/[^\s<>"'（）「」，。；、]+/g;

/** Characters of an address's path an excerpt keeps after its host. */
const PATH_KEPT = 16;

/** Where the text holds web addresses. */
function urlSpans(text: string): Span[] {
  return [...text.matchAll(URL_PATTERN)].map((match) => ({ start: match.index, end: match.index + match[0].length }));
}

const inside = (span: Span, urls: readonly Span[]) => urls.some((url) => span.start >= url.start && span.end <= url.end);

/** An excerpt: its pieces, and where its marks lie in the text it was cut from. */
export interface Excerpt {
  pieces: ExcerptPiece[];
  marks: Span[];
}

/**
 * The stretches of `text` from `start` to `end` an excerpt shows: a web address as its host and
 * the start of its path (longer where a mark lies further in), without its scheme.
 */
function shownStretches(text: string, start: number, end: number, marks: readonly Span[]): { start: number; end: number; cut: boolean }[] {
  const stretches: { start: number; end: number; cut: boolean }[] = [];
  let cursor = start;
  for (const url of urlSpans(text)) {
    if (url.end <= start || url.start >= end) continue;
    const scheme = /^https?:\/\//.exec(text.slice(url.start))?.[0].length ?? 0;
    const host = text.indexOf('/', url.start + scheme);
    const hostEnd = host < 0 || host > url.end ? url.end : host;
    const markEnd = Math.max(0, ...marks.filter((mark) => mark.start < url.end && mark.end > url.start).map((mark) => mark.end));
    const keep = Math.min(url.end, Math.max(hostEnd + PATH_KEPT, markEnd));
    const from = Math.max(cursor, url.start);
    if (from > cursor) stretches.push({ start: cursor, end: from, cut: false });
    // An address the excerpt's end cuts into is still shown to its host and the start of its path.
    const shown = { start: Math.max(from, url.start + scheme), end: keep };
    if (shown.end > shown.start) stretches.push({ ...shown, cut: keep < url.end });
    cursor = url.end;
  }
  if (cursor < end) stretches.push({ start: cursor, end, cut: false });
  return stretches;
}

/** The pieces of `text` from `start` to `end`, marks marked, addresses shortened. */
function piecesOf(text: string, from: number, end: number, found: readonly Span[]): Excerpt {
  // An address cut at the excerpt's start is shown whole, as every other: by its host.
  const start = urlSpans(text).find((url) => url.start < from && url.end > from)?.start ?? from;
  const pieces: ExcerptPiece[] = [];
  const marks: Span[] = [];
  const inWindow = found.filter((span) => span.start >= start && span.end <= end);
  const stretches = shownStretches(text, start, end, inWindow);
  for (const stretch of stretches) {
    let cursor = stretch.start;
    for (let match = nextMatch(inWindow, cursor); match && match.end <= stretch.end; match = nextMatch(inWindow, cursor)) {
      // Marked from where it is shown: an address pasted whole starts in the scheme left out.
      const start = Math.max(cursor, match.start);
      if (start > cursor) pieces.push({ text: text.slice(cursor, start), mark: false });
      pieces.push({ text: text.slice(start, match.end), mark: true });
      marks.push({ start, end: match.end });
      cursor = match.end;
    }
    if (cursor < stretch.end) pieces.push({ text: text.slice(cursor, stretch.end), mark: false });
    if (stretch.cut) pieces.push({ text: '…', mark: false });
  }
  const last = stretches.at(-1);
  if (start > 0) pieces.unshift({ text: '…', mark: false });
  if (last && !last.cut && Math.max(end, last.end) < text.length) pieces.push({ text: '…', mark: false });
  return { pieces: mergePieces(pieces), marks };
}

const LOW_SURROGATE = /[\uDC00-\uDFFF]/;

/** Around the shortest stretch holding every needle (from `from` on, prose before addresses); undefined when one is missing. */
function excerptNear(flat: string, needles: readonly string[], radius: number, from: number): Excerpt | undefined {
  const matchable: Matchable = toMatchable(flat);
  const wanted = [...new Set(needles.map((needle) => needle.replace(/\s+/g, ' ').trim()).filter(Boolean))];
  const found = wanted.flatMap((needle, index) =>
    // Whole words but for the last, which may still be being typed: as ranking counts them (`rank.ts`).
    findMatches(matchable, needle, { wholeWord: index < wanted.length - 1 })
      .filter((span) => span.start >= from)
      .map((span) => ({ ...span, needle: index })),
  );
  const urls = urlSpans(flat);
  const span =
    closestSpan(
      found.filter((occurrence) => !inside(occurrence, urls)),
      wanted.length,
    ) ?? closestSpan(found, wanted.length);
  if (!span) return undefined;
  // A stretch longer than the excerpt shows its beginning.
  const focus = { start: span.start, end: Math.min(span.end, span.start + 2 * radius) };
  let start = Math.max(from, focus.start - radius);
  let end = Math.min(flat.length, focus.end + radius);
  // Prose reads better than the address before it: start after an address that ends before the match.
  const before = urls.filter((url) => url.end <= focus.start && url.end > start).at(-1);
  if (before) start = before.end + (/^\s*/.exec(flat.slice(before.end))?.[0].length ?? 0);
  // Do not cut a Latin word in two.
  while (start > from && start < focus.start && WORD_CHAR.test(flat[start - 1] ?? '') && WORD_CHAR.test(flat[start] ?? '')) start += 1;
  while (end < flat.length && end > focus.end && WORD_CHAR.test(flat[end - 1] ?? '') && WORD_CHAR.test(flat[end] ?? '')) end -= 1;
  // Nor a character written as two (an emoji, 𠮷): a lone half shows as �.
  if (LOW_SURROGATE.test(flat[start] ?? '')) start -= 1;
  if (LOW_SURROGATE.test(flat[end] ?? '')) end += 1;
  return piecesOf(flat, start, end, found);
}

/**
 * An excerpt of about `radius` characters either side of the shortest stretch holding every one
 * of `needles`, with every occurrence inside it marked; undefined when the text lacks one of them.
 * @example excerptAround('Rackspace 目前只支持 keystone v2', ['Keystone'], 8) // [{ text: '…目前只支持 ', mark: false }, { text: 'keystone', mark: true }, { text: ' v2', mark: false }]
 */
export function excerptAround(text: string, needles: readonly string[], radius = 60): ExcerptPiece[] | undefined {
  return excerptNear(text.replace(/\s+/g, ' '), needles, radius, 0)?.pieces;
}

/**
 * The excerpt of a result's part: around the first set of needles the text holds from `from` on
 * (the part's own text, after its heading), trying each in turn (a form of the query whole, then
 * its words); else the beginning of the part's prose. Text between marks reads as prose: a web
 * address is shown by its host and the start of its path.
 * @example excerptOf('Heat 的 keystone 支持 v2 版本', [['keystone v2'], ['keystone', 'v2']], { radius: 20 }).pieces // [{ text: 'Heat 的 ', mark: false }, { text: 'keystone', mark: true }, { text: ' 支持 ', mark: false }, { text: 'v2', mark: true }, { text: ' 版本', mark: false }]
 */
export function excerptOf(
  text: string,
  needleSets: readonly (readonly string[])[],
  { radius = 60, from = 0 }: { radius?: number; from?: number } = {},
): Excerpt {
  const flat = text.replace(/\s+/g, ' ');
  for (const needles of needleSets) {
    const near = excerptNear(flat, needles, radius, from);
    if (near) return near;
  }
  // The prose before any address: a part opening with a link starts after it.
  const urls = urlSpans(flat);
  const opening = urls.find((url) => url.start <= from && url.end > from);
  const prose = opening && opening.end < flat.length ? flat.slice(opening.end).search(/\S/) + opening.end : from;
  const characters = [...flat.slice(prose)];
  const end = prose + characters.slice(0, 2 * radius).join('').length;
  return piecesOf(flat, prose, end, []);
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

/**
 * The excerpt of the part a result shows, around what made it answer: the form of the query it
 * holds (whole, else its words, else those of them its own text holds), or, for words found only
 * in different parts, those of them this part holds. The part's own text is looked at, and its
 * heading (the project's name and the section's subtitle) only when the words are there alone.
 */
export function excerptOfMatch(match: PartMatch, forms: readonly QueryForm[], apart: boolean, radius = 60): Excerpt {
  const form = forms[match.form] ?? forms[0];
  const from = match.part.bodyStart ?? 0;
  const body = match.part.text.slice(from);
  // Every word when the text holds them all; else those it holds, the others in the heading alone
  // (`nova 快照` in a Nova section that never repeats its name).
  const held = (form ? (apart ? form.apart : form.words) : []).filter((word) => containsQuery(body, word));
  const needles = apart ? [held] : form ? [[form.text], held] : [];
  const inBody = excerptOf(match.part.text, needles, { radius, from });
  return inBody.marks.length || !match.heading ? inBody : excerptOf(match.part.text, needles, { radius });
}
