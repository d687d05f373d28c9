/**
 * The search page's behaviour without the DOM: which search runs when, what the page shows, and
 * which history entry the address bar takes. A state and an event go in; the next state and the
 * effects to carry out come out. The page script (`src/client/search-page.ts`) turns DOM events,
 * timers and Pagefind's answers into events and carries out the effects. Pure.
 */
import type { Locale } from '../../../i18n/locales.ts';
import { FIRST_WAVE, PAGE_SIZE, type IssueCounts, type SearchOutcome, type SearchRequest } from './engine.ts';
import { prepareQuery, type PreparedQuery } from './query.ts';
import { monthsOfState, type SearchState } from './state.ts';

/** A search the page runs: as typed, and its words. */
export type SearchedQuery = Extract<PreparedQuery, { ok: true }>;

/** How a search enters the history: a new back-button step, or in place of the current one. */
export type HistoryMode = 'push' | 'replace';

export interface HistoryEntry {
  state: SearchState;
  mode: HistoryMode;
}

/** Waiting after the last keystroke before searching what was typed. */
export const TYPING_DELAY_MS = 200;

/** A search still running after this long says so and dims the results it will replace. */
export const SLOW_SEARCH_MS = 150;

export interface PageState {
  /** Id of the latest search started; answers to older ones are dropped. */
  latest: number;
  /** The search running, if any. */
  running?: {
    id: number;
    request: SearchRequest;
    query: SearchedQuery;
    /** Where focus goes after "more": the first new entry. */
    focusFrom?: number;
    /** Whether its first results are on screen. */
    shown: boolean;
    /** The first wave's answer, kept while its issues are counted per project. */
    first?: SearchOutcome;
    /** Issues on screen that the answer extends, in place: a first wave's, or those before "more". */
    kept?: SearchOutcome['issues'];
  };
  /** The search whose results are shown (its issues, in order), and whether they were counted per project. */
  onScreen?: { request: SearchRequest; issues: SearchOutcome['issues']; counted: boolean };
  /** Issues the next search lists. */
  limit: number;
  /** Whether a search has been asked for since the page opened (then Pagefind needs no warming up). */
  searched: boolean;
  /** Whether Pagefind is loading or loaded. */
  loading: boolean;
  /** Whether focusing the box asked for Pagefind to be warmed up once loaded. */
  warmUpWhenLoaded: boolean;
  /** Whether the history entry is the one this stretch of typing pushed (later keystrokes replace it). */
  typingEntry: boolean;
  /** The entry of the search running, written once its first results show (or it ends). */
  pendingEntry?: HistoryEntry;
  /** Whether the filters are open: issues are counted per project and month only then. */
  filtersOpen: boolean;
}

export type PageEvent =
  /** The page opened, or the reader went back or forward: the search the URL describes. */
  | { type: 'open'; state: SearchState; hasQuery: boolean; fromHistory: boolean }
  /** Enter, or a filter changed. */
  | { type: 'submit'; state: SearchState }
  /**
   * The box changed outside an input method's composition (or one committed its text). `whole`:
   * the form's search, when the text came at once (pasted, dropped, completed, or committed by an
   * input method), as a query often does just before Enter.
   */
  | { type: 'typed'; text: string; whole?: SearchState }
  /** An input method started composing: what it shows is not typed yet. */
  | { type: 'composing' }
  /** Typing paused: the form as it is now. */
  | { type: 'typing-paused'; state: SearchState }
  /** "More": the same search, one page longer. */
  | { type: 'more'; state: SearchState; shown: number }
  | { type: 'filters'; open: boolean }
  /** The box was focused for the first time. */
  | { type: 'focused' }
  /** Pagefind is loaded. */
  | { type: 'loaded' }
  /** A search is still running after `SLOW_SEARCH_MS`. */
  | { type: 'slow'; id: number }
  | { type: 'answered'; id: number; wave: 'first' | 'whole'; outcome: SearchOutcome }
  | { type: 'failed'; id: number }
  /** Issues counted per project and month: for a running search (`id`), or for the one on screen. */
  | { type: 'counted'; id?: number; request: SearchRequest; counts: IssueCounts }
  | { type: 'count-failed'; request: SearchRequest };

export type PageEffect =
  | { type: 'load-pagefind' }
  | { type: 'warm-up' }
  | { type: 'preload'; text: string }
  /** Run the first wave of a search the reader is likely to ask for next, showing nothing: its hits and texts are then at hand. */
  | { type: 'anticipate'; request: SearchRequest }
  | { type: 'schedule-typing'; delay: number }
  | { type: 'cancel-typing' }
  | { type: 'schedule-slow'; id: number; delay: number }
  /** Run a search: its first few issues (`first`), or the whole page of them. */
  | { type: 'run'; id: number; request: SearchRequest; wave: 'first' | 'whole' }
  /** Count issues per project and month for a request that listed `listed` issues. */
  | { type: 'count'; id?: number; request: SearchRequest; listed: number }
  | { type: 'write-form'; state: SearchState }
  | { type: 'show-active-filters'; state: SearchState }
  | { type: 'write-history'; entry: HistoryEntry }
  | { type: 'follow-language-switch'; state: SearchState }
  /** A performance mark (`search-start`) or measure from it (`search`: first results; `search-complete`: the whole page). */
  | { type: 'mark' }
  | { type: 'measure'; name: 'search' | 'search-complete' }
  | { type: 'show-problem'; prepared: Extract<PreparedQuery, { ok: false }> }
  | { type: 'show-busy'; busy: boolean }
  | { type: 'show-searching' }
  | { type: 'show-first-results'; outcome: SearchOutcome; query: SearchedQuery }
  | { type: 'show-results'; outcome: SearchOutcome; query: SearchedQuery; focusFrom?: number }
  | { type: 'show-failed'; query: string }
  | { type: 'show-counts'; counts: IssueCounts }
  | { type: 'show-nothing' }
  /** The search asked for is the one running or shown: nothing runs, what shows it stays in view. */
  | { type: 'show-again' };

export interface ControllerOptions {
  locale: Locale;
  /** The archive's first and last month, bounding an open-ended range. */
  bounds: readonly [string, string];
  /** Issues a new search lists (`PAGE_SIZE` on the search page; the header's panel lists fewer). */
  pageSize?: number;
}

type Step = { state: PageState; effects: PageEffect[] };

/** The controller of one search page. */
export function createSearchController({ locale, bounds, pageSize = PAGE_SIZE }: ControllerOptions) {
  const initial: PageState = {
    latest: 0,
    limit: pageSize,
    searched: false,
    loading: false,
    warmUpWhenLoaded: false,
    typingEntry: false,
    filtersOpen: false,
  };

  /** Writes the pending history entry now. */
  const flushEntry = (step: Step): Step => {
    const { pendingEntry, ...state } = step.state;
    return pendingEntry ? { state, effects: [...step.effects, { type: 'write-history', entry: pendingEntry }] } : step;
  };

  const load = (step: Step): Step =>
    step.state.loading ? step : { state: { ...step.state, loading: true }, effects: [...step.effects, { type: 'load-pagefind' }] };

  /** The request for the search the form describes, or why its query cannot be searched. */
  const requestFor = (search: SearchState, state: PageState) => {
    const prepared = prepareQuery(search.q);
    if (!prepared.ok) return { ok: false, prepared } as const;
    const months = monthsOfState(search, bounds);
    const request: SearchRequest = {
      text: prepared.text,
      terms: prepared.terms,
      ...(search.exact ? { exact: true } : {}),
      projects: search.projects,
      ...(months ? { months } : {}),
      order: search.order,
      locale,
      limit: state.limit,
      counts: state.filtersOpen,
    };
    return { ok: true, prepared, request } as const;
  };

  /** Whether the form asks for the search already running or shown (how many it lists aside). */
  const alreadyAsked = (state: PageState, search: SearchState): boolean => {
    const wanted = requestFor(search, state);
    const asked = state.running?.request ?? state.onScreen?.request;
    return wanted.ok && !!asked && sameSearch(wanted.request, asked);
  };

  /** Starts the search the state describes; older searches still running are dropped. */
  const start = (step: Step, search: SearchState, focusFrom?: number): Step => {
    const id = step.state.latest + 1;
    const { running: _running, onScreen, ...rest } = step.state;
    const state: PageState = { ...rest, latest: id, searched: true };
    const wanted = requestFor(search, state);
    if (!wanted.ok) {
      return flushEntry({ state, effects: [...step.effects, { type: 'mark' }, { type: 'show-problem', prepared: wanted.prepared }] });
    }
    const { prepared, request } = wanted;
    // "More" of the search on screen extends its list: what the reader has seen stays where it was.
    const kept = focusFrom !== undefined && onScreen && sameSearch(request, onScreen.request) ? onScreen.issues : undefined;
    // A new search shows its first few issues while the rest load; "more" extends the list at once.
    const wave = focusFrom === undefined && state.limit > FIRST_WAVE ? 'first' : 'whole';
    return load({
      state: {
        ...state,
        running: {
          id,
          request,
          query: prepared,
          ...(focusFrom === undefined ? {} : { focusFrom }),
          ...(kept ? { kept } : {}),
          shown: false,
        },
      },
      effects: [
        ...step.effects,
        { type: 'mark' },
        { type: 'show-busy', busy: true },
        { type: 'schedule-slow', id, delay: SLOW_SEARCH_MS },
        { type: 'run', id, request, wave },
      ],
    });
  };

  /**
   * A search from the form: a new back-button step unless it only refines what is being typed.
   * Enter on what typing already searched (or a pause that changed nothing searched) runs nothing
   * again; Enter still ends the typing stretch, so the next keystroke starts a new entry.
   */
  const fromForm = (step: Step, search: SearchState, mode: 'push' | 'typing'): Step => {
    if (alreadyAsked(step.state, search)) {
      return {
        state: { ...step.state, typingEntry: mode === 'typing' && step.state.typingEntry },
        effects: [{ type: 'cancel-typing' }, { type: 'show-again' }],
      };
    }
    const flushed = flushEntry({
      state: { ...step.state, limit: pageSize },
      effects: [...step.effects, { type: 'cancel-typing' }, { type: 'show-active-filters', state: search }],
    });
    const entry: HistoryEntry = { state: search, mode: mode === 'typing' && flushed.state.typingEntry ? 'replace' : 'push' };
    return start(
      {
        state: { ...flushed.state, pendingEntry: entry, typingEntry: mode === 'typing' },
        effects: [...flushed.effects, { type: 'follow-language-switch', state: search }],
      },
      search,
    );
  };

  /** Counts the issues on screen per project, if the filters are open and they have not been. */
  const countOnScreen = (step: Step): Step => {
    const { onScreen, filtersOpen } = step.state;
    if (!onScreen || onScreen.counted || !filtersOpen) return step;
    return {
      state: { ...step.state, onScreen: { ...onScreen, counted: true } },
      effects: [...step.effects, { type: 'count', request: onScreen.request, listed: onScreen.issues.length }],
    };
  };

  /** The whole answer of the running search is in: show it, extending what is on screen. */
  const finish = (step: Step, answer: SearchOutcome): Step => {
    const running = step.state.running;
    if (!running) return step;
    const { running: _done, ...state } = step.state;
    const outcome = running.kept ? { ...answer, issues: extendList(running.kept, answer.issues) } : answer;
    const shown: Step = {
      state: { ...state, onScreen: { request: running.request, issues: outcome.issues, counted: !!outcome.counts } },
      effects: [
        ...step.effects,
        {
          type: 'show-results',
          outcome,
          query: running.query,
          ...(running.focusFrom === undefined ? {} : { focusFrom: running.focusFrom }),
        },
        ...(running.shown ? [] : [{ type: 'measure', name: 'search' } as const]),
        { type: 'measure', name: 'search-complete' },
      ],
    };
    const counted = countOnScreen(shown);
    const ended = flushEntry(counted);
    return { state: ended.state, effects: [...ended.effects, { type: 'show-busy', busy: false }] };
  };

  function update(state: PageState, event: PageEvent): Step {
    const step: Step = { state, effects: [] };
    const current = (id: number | undefined) => id !== undefined && state.running?.id === id;
    switch (event.type) {
      case 'open': {
        const reset: PageState = event.fromHistory
          ? (({ pendingEntry: _pending, ...rest }) => ({ ...rest, typingEntry: false, limit: pageSize }))(state)
          : state;
        const opened: Step = {
          state: reset,
          effects: [
            { type: 'write-form', state: event.state },
            { type: 'write-history', entry: { state: event.state, mode: 'replace' } },
            { type: 'follow-language-switch', state: event.state },
          ],
        };
        if (event.hasQuery) return start(opened, event.state);
        const { running: _running, onScreen: _onScreen, ...rest } = opened.state;
        return { state: { ...rest, latest: rest.latest + 1 }, effects: [...opened.effects, { type: 'show-nothing' }] };
      }
      case 'submit':
        return fromForm(step, event.state, 'push');
      case 'typing-paused':
        return fromForm(step, event.state, 'typing');
      case 'typed': {
        const prepared = prepareQuery(event.text);
        const effects: PageEffect[] = [{ type: 'cancel-typing' }, { type: 'schedule-typing', delay: TYPING_DELAY_MS }];
        // Typing starts loading the words' index chunks, once Pagefind is on its way.
        if (state.loading && prepared.ok) effects.push({ type: 'preload', text: prepared.text });
        // A query that came whole is searched ahead, as Enter would search it: Enter then finds
        // Pagefind's answer and the results' texts on their way, a round trip sooner.
        const whole =
          event.whole && state.loading && !alreadyAsked(state, event.whole) && requestFor(event.whole, { ...state, limit: pageSize });
        if (whole && whole.ok) effects.push({ type: 'anticipate', request: whole.request });
        return { state, effects };
      }
      case 'composing':
        return { state, effects: [{ type: 'cancel-typing' }] };
      case 'more':
        return start({ state: { ...state, limit: state.limit + pageSize }, effects: [] }, event.state, event.shown);
      case 'filters':
        return countOnScreen({ state: { ...state, filtersOpen: event.open }, effects: [] });
      case 'focused':
        return load({ state: { ...state, warmUpWhenLoaded: true }, effects: [] });
      case 'loaded':
        return state.warmUpWhenLoaded && !state.searched ? { state, effects: [{ type: 'warm-up' }] } : step;
      case 'slow':
        return current(event.id) && !state.running?.shown ? { state, effects: [{ type: 'show-searching' }] } : step;
      case 'answered': {
        const running = state.running;
        if (!running || !current(event.id)) return step;
        if (event.wave === 'whole') return finish(step, event.outcome);
        if (event.outcome.more) {
          // The first few are shown; the rest of the page follows in a second wave.
          const shown = flushEntry({
            state: { ...state, running: { ...running, shown: true, kept: event.outcome.issues } },
            effects: [
              { type: 'show-first-results', outcome: event.outcome, query: running.query },
              { type: 'measure', name: 'search' },
            ],
          });
          return {
            state: shown.state,
            effects: [...shown.effects, { type: 'run', id: running.id, request: running.request, wave: 'whole' }],
          };
        }
        // Nothing beyond the first few: they are the whole answer, counted first if the filters are open.
        if (!running.request.counts) return finish(step, event.outcome);
        return {
          state: { ...state, running: { ...running, first: event.outcome } },
          effects: [{ type: 'count', id: running.id, request: running.request, listed: event.outcome.issues.length }],
        };
      }
      case 'counted': {
        if (event.id !== undefined) {
          const first = state.running?.first;
          return current(event.id) && first ? finish(step, { ...first, counts: event.counts }) : step;
        }
        return state.onScreen?.request === event.request ? { state, effects: [{ type: 'show-counts', counts: event.counts }] } : step;
      }
      case 'count-failed': {
        const { onScreen } = state;
        return onScreen?.request === event.request ? { state: { ...state, onScreen: { ...onScreen, counted: false } }, effects: [] } : step;
      }
      case 'failed': {
        const running = state.running;
        if (!running || !current(event.id)) return step;
        const { running: _done, ...rest } = state;
        const ended = flushEntry({ state: rest, effects: [{ type: 'show-failed', query: running.query.text }] });
        return { state: ended.state, effects: [...ended.effects, { type: 'show-busy', busy: false }] };
      }
    }
  }

  return { initial, update };
}

/**
 * A longer list of results as the reader meets it: the entries already shown first, in their
 * order, then the new answer's others in its order. A longer list is ranked over more texts and
 * may order its start differently (a query of several words answered by its phrase alone, then
 * word by word); moving what the reader has seen, or focusing "more" on an entry seen already,
 * would lose their place.
 * @example extendList([b, a], [a, c, b]) // [b, a, c]
 */
export function extendList<Entry extends { issue: string }>(shown: readonly Entry[], answer: readonly Entry[]): Entry[] {
  const seen = new Set(shown.map((entry) => entry.issue));
  return [...shown, ...answer.filter((entry) => !seen.has(entry.issue))];
}

/** Whether two requests are the same search, however many issues each lists and whether it counts them. */
function sameSearch(a: SearchRequest, b: SearchRequest): boolean {
  const { limit: _a, counts: _ac, ...one } = a;
  const { limit: _b, counts: _bc, ...other } = b;
  return JSON.stringify(one) === JSON.stringify(other);
}
