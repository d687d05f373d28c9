/**
 * Arrow keys on the search page, as in the search UIs readers know: Down from the box goes to
 * the first result, Up and Down walk the results (each result's title link, then the "more"
 * button after the last), and Up from the first result goes back to the box to refine the query.
 * Focus moves for real, so links keep their own behaviour (Enter opens, a screen reader reads
 * the result) and Tab still goes everywhere. Pure: the page says where focus is, this says where
 * it goes.
 */

/** Where focus is: the query box, a result (on its title link or another link in it), the "more" button. */
export type FocusSpot = { kind: 'box' } | { kind: 'result'; index: number; onTitle: boolean } | { kind: 'more' } | { kind: 'elsewhere' };

/** Where an arrow key sends focus: the box, a result's title link, or the "more" button. */
export type FocusTarget = { kind: 'box' } | { kind: 'result'; index: number } | { kind: 'more' };

/**
 * The target of a key, or undefined to leave the key to the browser.
 * @example arrowTarget('ArrowDown', { kind: 'box' }, { results: 3, more: false }) // { kind: 'result', index: 0 }
 */
export function arrowTarget(key: string, from: FocusSpot, shown: { results: number; more: boolean }): FocusTarget | undefined {
  const { results, more } = shown;
  if (key === 'ArrowDown') {
    if (from.kind === 'box') return results > 0 ? { kind: 'result', index: 0 } : undefined;
    if (from.kind === 'result') {
      if (from.index + 1 < results) return { kind: 'result', index: from.index + 1 };
      return more ? { kind: 'more' } : undefined;
    }
    return undefined;
  }
  if (key === 'ArrowUp') {
    if (from.kind === 'result') {
      if (!from.onTitle) return { kind: 'result', index: from.index };
      return from.index > 0 ? { kind: 'result', index: from.index - 1 } : { kind: 'box' };
    }
    if (from.kind === 'more') return results > 0 ? { kind: 'result', index: results - 1 } : { kind: 'box' };
    return undefined;
  }
  return undefined;
}
