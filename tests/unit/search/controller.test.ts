import { describe, expect, it } from 'vitest';
import { createSearchController, type PageEffect, type PageEvent } from '../../../src/lib/search/page/controller.ts';
import { countIssues } from '../../../src/lib/search/page/counts.ts';
import { FIRST_WAVE, PAGE_SIZE, runSearch, type SearchOutcome } from '../../../src/lib/search/page/engine.ts';
import type { SearchState } from '../../../src/lib/search/page/state.ts';
import { fakePagefind, type FakeRecord } from './fake-pagefind.ts';

/** Twelve issues that mention Rackspace, and one about Heat only. */
const records: FakeRecord[] = [
  ...Array.from({ length: 12 }, (_, index) => ({
    issue: index + 1,
    date: `2014-0${(index % 6) + 1}-02`,
    months: [`2014-0${(index % 6) + 1}`],
    parts: { nova: `Rackspace note ${index + 1}`, heat: 'Heat templates' },
  })),
  { issue: 20, date: '2014-07-02', months: ['2014-07'], parts: { heat: 'HOT only' } },
];

const search = (q: string, rest: Partial<SearchState> = {}): SearchState => ({ q, projects: [], order: 'relevance', ...rest });

/**
 * The page around the controller, as the page script is, but with the fake Pagefind, timers that
 * fire on request, and every effect recorded.
 */
function drivePage({ failing = false } = {}) {
  const { instance } = fakePagefind(records);
  const controller = createSearchController({ locale: 'zh-CN', bounds: ['2014-01', '2014-07'] });
  let state = controller.initial;
  const effects: PageEffect[] = [];
  const pending: Promise<unknown>[] = [];
  let typing: PageEvent | undefined;
  const slow: number[] = [];
  const dispatch = (event: PageEvent) => {
    const step = controller.update(state, event);
    state = step.state;
    for (const effect of step.effects) carryOut(effect);
  };
  const carryOut = (effect: PageEffect) => {
    effects.push(effect);
    if (effect.type === 'run') {
      const request = effect.wave === 'first' ? { ...effect.request, limit: FIRST_WAVE, counts: false } : effect.request;
      const answer = failing ? Promise.reject(new Error('offline')) : runSearch(instance, request);
      pending.push(
        answer.then(
          (outcome) => dispatch({ type: 'answered', id: effect.id, wave: effect.wave, outcome }),
          () => dispatch({ type: 'failed', id: effect.id }),
        ),
      );
    } else if (effect.type === 'count') {
      pending.push(
        countIssues(instance, effect.request, effect.listed).then((counts) =>
          dispatch({ type: 'counted', ...(effect.id === undefined ? {} : { id: effect.id }), request: effect.request, counts }),
        ),
      );
    } else if (effect.type === 'load-pagefind') {
      pending.push(Promise.resolve().then(() => dispatch({ type: 'loaded' })));
    } else if (effect.type === 'schedule-typing') {
      typing = { type: 'typing-paused', state: search(currentText) };
    } else if (effect.type === 'cancel-typing') {
      typing = undefined;
    } else if (effect.type === 'schedule-slow') {
      slow.push(effect.id);
    }
  };
  let currentText = '';
  return {
    dispatch,
    effects,
    state: () => state,
    /** Types into the box (each keystroke an input event). */
    type(text: string) {
      currentText = text;
      dispatch({ type: 'typed', text });
    },
    /** The typing pause elapses. */
    pause() {
      const event = typing;
      typing = undefined;
      if (event) dispatch(event);
    },
    /** Every slow-search timer elapses. */
    timePasses() {
      for (const id of slow.splice(0)) dispatch({ type: 'slow', id });
    },
    /** Every answer arrives. */
    async settle() {
      while (pending.length) await pending.shift();
    },
    of: <T extends PageEffect['type']>(type: T) =>
      effects.filter((effect): effect is Extract<PageEffect, { type: T }> => effect.type === type),
    clear: () => effects.splice(0),
  };
}

const listed = (effect: { outcome: { issues: { issue: string }[] } }) => effect.outcome.issues.map((entry) => Number(entry.issue));

describe('the search page controller', () => {
  it('runs the search a shared address describes, keeping that address', async () => {
    const page = drivePage();
    page.dispatch({ type: 'open', state: search('Rackspace', { projects: ['nova'] }), hasQuery: true, fromHistory: false });
    await page.settle();
    expect(page.of('write-history')).toEqual([
      { type: 'write-history', entry: { state: search('Rackspace', { projects: ['nova'] }), mode: 'replace' } },
    ]);
    expect(page.of('write-form')).toHaveLength(1);
    expect(page.of('show-results').map(listed)).toEqual([[1, 2, 3, 4, 5, 6, 7, 8, 9, 10]]);
    expect(page.of('show-busy').map((effect) => effect.busy)).toEqual([true, false]);
  });

  it('shows the first few issues, writes the history entry then, and the whole page after, in the same order', async () => {
    const page = drivePage();
    page.dispatch({ type: 'submit', state: search('Rackspace') });
    await page.settle();
    const order = page.effects.map((effect) => effect.type).filter((type) => /show-(first-)?results|write-history|run/.test(type));
    expect(order).toEqual(['run', 'show-first-results', 'write-history', 'run', 'show-results']);
    const [first] = page.of('show-first-results');
    const [whole] = page.of('show-results');
    expect(first && listed(first)).toEqual([1, 2, 3, 4, 5]);
    expect(whole && listed(whole).slice(0, FIRST_WAVE)).toEqual(first && listed(first));
    expect(whole?.outcome.more).toBe(true);
    expect(page.of('measure').map((effect) => effect.name)).toEqual(['search', 'search-complete']);
  });

  it('pushes one entry for a stretch of typing, replaced while the reader types on, and a new one for Enter', async () => {
    const page = drivePage();
    page.type('Rack');
    page.pause();
    await page.settle();
    page.type('Rackspace');
    page.pause();
    await page.settle();
    page.dispatch({ type: 'submit', state: search('Rackspace note') });
    await page.settle();
    expect(page.of('write-history').map(({ entry }) => [entry.state.q, entry.mode])).toEqual([
      ['Rack', 'push'],
      ['Rackspace', 'replace'],
      ['Rackspace note', 'push'],
    ]);
  });

  it('runs nothing again for Enter on what typing searched, but retries one that failed', async () => {
    const page = drivePage();
    page.type('Rackspace');
    page.pause();
    await page.settle();
    page.dispatch({ type: 'submit', state: search('Rackspace') });
    await page.settle();
    expect(page.of('run').filter((effect) => effect.wave === 'first')).toHaveLength(1);
    expect(page.of('measure').map((effect) => effect.name)).toEqual(['search', 'search-complete']);
    // Enter ended the typing stretch: what is typed next is a new back-button step.
    page.type('HOT');
    page.pause();
    await page.settle();
    expect(page.of('write-history').map(({ entry }) => [entry.state.q, entry.mode])).toEqual([
      ['Rackspace', 'push'],
      ['HOT', 'push'],
    ]);
    // The same words under a filter are another search.
    page.dispatch({ type: 'submit', state: search('HOT', { projects: ['heat'] }) });
    expect(page.of('run').filter((effect) => effect.wave === 'first')).toHaveLength(3);

    const offline = drivePage({ failing: true });
    offline.dispatch({ type: 'submit', state: search('Rackspace') });
    await offline.settle();
    offline.dispatch({ type: 'submit', state: search('Rackspace') });
    expect(offline.of('run')).toHaveLength(2);
  });

  it('searches what an input method commits, never what it is composing', () => {
    const page = drivePage();
    page.type('nova');
    page.dispatch({ type: 'composing' });
    page.pause();
    expect(page.of('run')).toEqual([]);
    page.type('nova 数据库');
    page.pause();
    expect(page.of('run').map((effect) => effect.request.text)).toEqual(['nova 数据库']);
  });

  it('drops the answer of a search a newer one replaced', async () => {
    const page = drivePage();
    page.dispatch({ type: 'submit', state: search('Rackspace') });
    page.dispatch({ type: 'submit', state: search('HOT') });
    await page.settle();
    expect(page.of('show-first-results')).toEqual([]);
    expect(page.of('show-results').map(listed)).toEqual([[20]]);
  });

  it('says it is searching, and dims the old results, only when a search is slow', async () => {
    const page = drivePage();
    page.dispatch({ type: 'submit', state: search('Rackspace') });
    await page.settle();
    page.timePasses();
    expect(page.of('show-searching')).toEqual([]);
    page.dispatch({ type: 'submit', state: search('HOT') });
    page.timePasses();
    expect(page.of('show-searching')).toHaveLength(1);
  });

  it('explains a query it cannot search instead of running it, still writing its entry', () => {
    const page = drivePage();
    page.dispatch({ type: 'submit', state: search('。，！') });
    expect(page.of('run')).toEqual([]);
    expect(page.of('show-problem')).toEqual([expect.objectContaining({ prepared: expect.objectContaining({ problem: 'no-words' }) })]);
    expect(page.of('write-history')).toHaveLength(1);
  });

  it('says a search failed when Pagefind cannot answer', async () => {
    const page = drivePage({ failing: true });
    page.dispatch({ type: 'submit', state: search('Rackspace') });
    await page.settle();
    expect(page.of('show-failed')).toEqual([{ type: 'show-failed', query: 'Rackspace' }]);
    expect(page.of('show-busy').at(-1)).toEqual({ type: 'show-busy', busy: false });
  });

  it('counts issues per project and month only while the filters are open, once per search shown', async () => {
    const page = drivePage();
    page.dispatch({ type: 'submit', state: search('Rackspace') });
    await page.settle();
    expect(page.of('count')).toEqual([]);
    page.dispatch({ type: 'filters', open: true });
    page.dispatch({ type: 'filters', open: false });
    page.dispatch({ type: 'filters', open: true });
    await page.settle();
    expect(page.of('count')).toHaveLength(1);
    expect(page.of('show-counts')).toEqual([
      {
        type: 'show-counts',
        counts: {
          projects: { nova: 12, heat: 12 },
          months: { '2014-01': 2, '2014-02': 2, '2014-03': 2, '2014-04': 2, '2014-05': 2, '2014-06': 2 },
        },
      },
    ]);
    page.clear();
    page.dispatch({ type: 'submit', state: search('HOT') });
    await page.settle();
    expect(page.of('run').every((effect) => effect.request.counts)).toBe(true);
    expect(page.of('show-results').map((effect) => effect.outcome.counts)).toEqual([{ projects: { heat: 1 }, months: { '2014-07': 1 } }]);
  });

  it('loads Pagefind when the box is focused and warms it up, unless a search got there first', async () => {
    const warm = drivePage();
    warm.dispatch({ type: 'focused' });
    await warm.settle();
    expect(warm.effects.map((effect) => effect.type)).toEqual(['load-pagefind', 'warm-up']);
    const busy = drivePage();
    busy.dispatch({ type: 'focused' });
    busy.dispatch({ type: 'submit', state: search('Rackspace') });
    await busy.settle();
    expect(busy.of('warm-up')).toEqual([]);
    expect(busy.of('load-pagefind')).toHaveLength(1);
  });

  it("preloads the words' index chunks while typing, once Pagefind is on its way", () => {
    const page = drivePage();
    page.type('Rackspace');
    expect(page.of('preload')).toEqual([]);
    page.dispatch({ type: 'focused' });
    page.type('Rackspace heat');
    expect(page.of('preload')).toEqual([{ type: 'preload', text: 'Rackspace heat' }]);
  });

  it('lists one page more for "more", focusing the first new entry, without a history entry', async () => {
    const page = drivePage();
    page.dispatch({ type: 'submit', state: search('Rackspace') });
    await page.settle();
    page.clear();
    page.dispatch({ type: 'more', state: search('Rackspace'), shown: PAGE_SIZE });
    await page.settle();
    expect(page.of('run')).toEqual([
      expect.objectContaining({ wave: 'whole', request: expect.objectContaining({ limit: 2 * PAGE_SIZE }) }),
    ]);
    expect(page.of('show-results')).toEqual([expect.objectContaining({ focusFrom: PAGE_SIZE })]);
    expect(page.of('show-results').map(listed)).toEqual([[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]]);
    expect(page.of('write-history')).toEqual([]);
  });

  it('extends the list on screen after a first wave and for "more", never moving an entry the reader has seen', () => {
    // A longer list may rank its start otherwise (a phrase answer for a few, every word for more).
    const controller = createSearchController({ locale: 'zh-CN', bounds: ['2014-01', '2014-07'] });
    const answer = (issues: number[]): SearchOutcome => ({
      issues: issues.map((issue) => ({ issue: String(issue) }) as SearchOutcome['issues'][number]),
      forms: [],
      others: [],
      exact: false,
      hits: 40,
      more: true,
    });
    const runOf = (effects: PageEffect[]) => effects.find((effect) => effect.type === 'run');
    let step = controller.update(controller.initial, { type: 'submit', state: search('keystone v3') });
    const first = runOf(step.effects);
    expect(first).toMatchObject({ wave: 'first' });
    step = controller.update(step.state, { type: 'answered', id: first?.id ?? 0, wave: 'first', outcome: answer([1, 2, 3, 4, 5]) });
    step = controller.update(step.state, {
      type: 'answered',
      id: first?.id ?? 0,
      wave: 'whole',
      outcome: answer([3, 9, 1, 2, 4, 5, 6, 7, 8, 10]),
    });
    const shown = step.effects.filter((effect) => effect.type === 'show-results');
    expect(shown.map(listed)).toEqual([[1, 2, 3, 4, 5, 9, 6, 7, 8, 10]]);
    step = controller.update(step.state, { type: 'more', state: search('keystone v3'), shown: PAGE_SIZE });
    const more = runOf(step.effects);
    step = controller.update(step.state, {
      type: 'answered',
      id: more?.id ?? 0,
      wave: 'whole',
      outcome: answer([12, 1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 10, 13, 14, 15, 16, 17, 18, 19, 20]),
    });
    const extended = step.effects.filter((effect) => effect.type === 'show-results');
    expect(extended.map(listed)).toEqual([[1, 2, 3, 4, 5, 9, 6, 7, 8, 10, 12, 11, 13, 14, 15, 16, 17, 18, 19, 20]]);
    expect(extended).toEqual([expect.objectContaining({ focusFrom: PAGE_SIZE })]);
    // "More" clicked after the box changed is another search: nothing of the last one is kept.
    step = controller.update(step.state, { type: 'more', state: search('heat'), shown: 2 * PAGE_SIZE });
    const other = runOf(step.effects);
    step = controller.update(step.state, { type: 'answered', id: other?.id ?? 0, wave: 'whole', outcome: answer([30, 31]) });
    expect(step.effects.filter((effect) => effect.type === 'show-results').map(listed)).toEqual([[30, 31]]);
  });

  it('going back forgets the entry the running search would have written, and the typing stretch', async () => {
    const page = drivePage();
    page.type('Rack');
    page.pause();
    page.dispatch({ type: 'open', state: search('HOT'), hasQuery: true, fromHistory: true });
    await page.settle();
    expect(page.of('write-history').map(({ entry }) => [entry.state.q, entry.mode])).toEqual([['HOT', 'replace']]);
    page.type('HOT templates');
    page.pause();
    await page.settle();
    expect(page.of('write-history').at(-1)?.entry.mode).toBe('push');
  });

  it('shows nothing for an address without a query, and drops a search still running', async () => {
    const page = drivePage();
    page.dispatch({ type: 'submit', state: search('Rackspace') });
    page.dispatch({ type: 'open', state: search(''), hasQuery: false, fromHistory: true });
    await page.settle();
    expect(page.of('show-nothing')).toHaveLength(1);
    expect(page.of('show-results')).toEqual([]);
  });

  it('searches ahead a query that came whole (pasted, or committed by an input method), as Enter will search it', async () => {
    const page = drivePage();
    page.dispatch({ type: 'focused' });
    await page.settle();
    const pasted = search('Rackspace', { projects: ['nova'], from: '2014-02' });
    page.dispatch({ type: 'typed', text: pasted.q, whole: pasted });
    const [ahead, ...more] = page.of('anticipate');
    expect(more).toEqual([]);
    // Nothing is shown or written for it.
    expect(page.effects.map((effect) => effect.type)).not.toContain('show-busy');
    expect(page.of('write-history')).toEqual([]);
    page.dispatch({ type: 'submit', state: pasted });
    const [run] = page.of('run');
    expect(run?.wave).toBe('first');
    // The same request, so Enter finds what was loaded ahead.
    expect(ahead?.request).toEqual(run?.request);
  });

  it('searches nothing ahead for a keystroke, before Pagefind is on its way, or for the search already shown', async () => {
    const page = drivePage();
    page.dispatch({ type: 'typed', text: 'Rackspace', whole: search('Rackspace') });
    page.dispatch({ type: 'focused' });
    await page.settle();
    page.type('Rackspac');
    page.dispatch({ type: 'submit', state: search('Rackspace') });
    await page.settle();
    page.dispatch({ type: 'typed', text: 'Rackspace', whole: search('Rackspace') });
    expect(page.of('anticipate')).toEqual([]);
  });
});
