/**
 * Where a page shows words that its search text leaves out: the small labelled link the site
 * puts after each outside link (`（存档）`, `(archived)`). A search result's link carries a text
 * fragment whose context words must read on the page exactly as in the search text; context that
 * runs across one of these places would not, and the browser would mark nothing. The render step
 * extracts the text twice, before and after the labels go in, and these functions find the
 * labels' places in the first. Pure.
 */

/** Stands for a label's place while the text is flattened (whitespace run together, trimmed): a private-use character. */
const MARK = '\uE000';

/**
 * The offsets in `plain` where `shown` (the same text with `inserted` put in, in order) holds
 * each inserted piece; undefined when `shown` is not `plain` with those pieces.
 * @example insertionPoints('见JumpGate通过', '见JumpGate（存档）通过', ['（存档）']) // [9]
 */
export function insertionPoints(plain: string, shown: string, inserted: readonly string[]): number[] | undefined {
  const pieces = inserted.filter(Boolean);
  // Piece `k` looked for from `from` in `shown`, `at` in `plain`: each place it could be (what
  // precedes it there being the plain text's next characters) is tried, the first in full.
  const place = (k: number, at: number, from: number): number[] | undefined => {
    const piece = pieces[k];
    if (piece === undefined) return plain.slice(at) === shown.slice(from) ? [] : undefined;
    for (let found = shown.indexOf(piece, from); found >= 0; found = shown.indexOf(piece, found + 1)) {
      const point = at + found - from;
      if (plain.slice(at, point) !== shown.slice(from, found)) break;
      const rest = place(k + 1, point, found + piece.length);
      if (rest) return [point, ...rest];
    }
    return undefined;
  };
  return place(0, 0, 0);
}

/**
 * The text with a mark at each point, to be carried through flattening. A mark goes before the
 * whitespace that precedes its point, so that flattening runs that whitespace together as it would
 * without the mark: the place it then gives is as early or earlier, which is as safe for context.
 * @example markBreaks('ab c', [3]) // 'ab\uE000 c'
 */
function markBreaks(text: string, points: readonly number[]): string {
  let marked = '';
  let last = 0;
  for (const point of points) {
    let at = point;
    while (at > last && /\s/.test(text[at - 1] ?? '')) at -= 1;
    marked += text.slice(last, at) + MARK;
    last = at;
  }
  return marked + text.slice(last);
}

/**
 * The plain text with a mark at each place `shown` holds an inserted piece; unmarked when the
 * places cannot be told (or the text holds the mark character itself).
 */
export function markInsertions(plain: string, shown: string, inserted: readonly string[]): string {
  const points = plain.includes(MARK) ? undefined : insertionPoints(plain, shown, inserted);
  return points ? markBreaks(plain, points) : plain;
}

/**
 * The text without its marks, and where they were (each place once, in order).
 * @example takeBreaks('a\uE000b\uE000\uE000c') // { text: 'abc', breaks: [1, 2] }
 */
export function takeBreaks(marked: string): { text: string; breaks: number[] } {
  const pieces = marked.split(MARK);
  const breaks: number[] = [];
  let length = 0;
  pieces.forEach((piece, index) => {
    length += piece.length;
    if (index < pieces.length - 1 && breaks.at(-1) !== length) breaks.push(length);
  });
  return { text: pieces.join(''), breaks };
}
