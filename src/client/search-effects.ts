/**
 * The effects the search page and the header's panel carry out alike (`PageEffect` in
 * src/lib/search/page/controller.ts): loading and warming up Pagefind, asking ahead for what a
 * query needs, the typing and slowness timers, running a search and timing it. What each shows,
 * and the page's address, form and counts, stay with each.
 */
import type { Locale } from '../i18n/locales.ts';
import type { PageEffect, PageEvent } from '../lib/search/page/controller.ts';
import { FIRST_WAVE, preloadQuery, runSearch, warmUp, type SearchRequest } from '../lib/search/page/engine.ts';
import type { SearchState } from '../lib/search/page/state.ts';
import type { LoadedSearch, PagefindLoader } from './pagefind.ts';

export interface SearchEffectHost {
  pagefind: PagefindLoader;
  locale: Locale;
  dispatch(event: PageEvent): void;
  /** The search the box (and form) holds now: what a pause in typing searches. */
  typed(): SearchState;
}

/** A search's first wave: its first few issues, uncounted; the whole page follows. */
const firstWave = (request: SearchRequest): SearchRequest => ({ ...request, limit: FIRST_WAVE, counts: false });

/** A runner of the shared effects; it returns false for an effect that is not one of them. */
export function createSearchEffects({ pagefind, locale, dispatch, typed }: SearchEffectHost): (effect: PageEffect) => boolean {
  let typing: ReturnType<typeof setTimeout> | undefined;

  /** Runs something with Pagefind once it is loaded; failures are Pagefind's own to report later. */
  const withPagefind = (task: (loaded: LoadedSearch) => Promise<unknown>) =>
    void pagefind
      .load()
      .then(task)
      .catch(() => undefined);

  return (effect) => {
    switch (effect.type) {
      case 'load-pagefind':
        pagefind.load().then(
          () => dispatch({ type: 'loaded' }),
          () => undefined,
        );
        return true;
      case 'warm-up':
        withPagefind(({ instance }) => warmUp(instance, locale));
        return true;
      case 'preload':
        pagefind.askForChunks({ text: effect.text });
        withPagefind(({ instance, vocabulary }) => preloadQuery(instance, effect.text, locale, vocabulary));
        return true;
      case 'schedule-typing':
        typing = setTimeout(() => dispatch({ type: 'typing-paused', state: typed() }), effect.delay);
        return true;
      case 'cancel-typing':
        clearTimeout(typing);
        return true;
      case 'schedule-slow':
        setTimeout(() => dispatch({ type: 'slow', id: effect.id }), effect.delay);
        return true;
      case 'anticipate':
        // Nothing is shown: what it loads is remembered for the search Enter runs (`remembered.ts`,
        // and each fragment read once in `pagefind.ts`).
        withPagefind(({ instance, vocabulary }) => runSearch(instance, firstWave(effect.request), vocabulary));
        return true;
      case 'run': {
        const request = effect.wave === 'first' ? firstWave(effect.request) : effect.request;
        pagefind.askForChunks(request);
        pagefind
          .load()
          .then(({ instance, vocabulary }) => runSearch(instance, request, vocabulary))
          .then(
            (outcome) => dispatch({ type: 'answered', id: effect.id, wave: effect.wave, outcome }),
            () => dispatch({ type: 'failed', id: effect.id }),
          );
        return true;
      }
      case 'mark':
        // User Timing marks: how long a search takes, for the benchmark and for anyone profiling.
        performance.mark('search-start');
        return true;
      case 'measure':
        performance.measure(effect.name, 'search-start');
        return true;
      default:
        return false;
    }
  };
}
