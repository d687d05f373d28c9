/**
 * The search page in the browser: turns the page's events into the search controller's events
 * (`src/lib/search/page/controller.ts`, which decides what happens) and carries out the effects
 * it returns: Pagefind, loaded on first use, the view (`search-view.ts`), the history, timers.
 */
import { defaultLocale, isLocale, type Locale } from '../i18n/locales.ts';
import { createSearchController, type PageEffect, type PageEvent } from '../lib/search/page/controller.ts';
import { arrowTarget } from '../lib/search/page/keyboard.ts';
import {
  activeFilters,
  parseSearchState,
  searchParams,
  serializeSearchState,
  withinArchive,
  type SearchState,
} from '../lib/search/page/state.ts';
import type { PagefindLoader } from './pagefind.ts';
import { createSearchEffects } from './search-effects.ts';
import { composing, createSearchView, listenForTyping } from './search-view.ts';

/**
 * The page's own path, for the addresses of its searches. A server may answer a path opening with
 * `//` with this page (nginx reads `//evil.example/..%2Fsearch/` as `/search/`); written as it is,
 * such a path is an address on another host (`//evil.example/…`), which history refuses and a
 * month's link would lead to. `/.` before it keeps it this page's path on this site.
 * @example ownPath() // '/search/'; on //evil.example/..%2Fsearch/: '/.//evil.example/..%2Fsearch/'
 */
const ownPath = () => location.pathname.replace(/^\/\//, '/.//');

/**
 * Runs the search page whose app element is `app`, with the loader the search code's first file
 * started (`search.ts`); `held` says Enter was pressed before this code came, `changed` holds the
 * filters the reader changed meanwhile (searched with the rest of the address's search).
 */
export function startSearchPage(
  app: HTMLElement,
  pagefind: PagefindLoader,
  { held, changed }: { held: boolean; changed: ReadonlySet<Element> },
): void {
  const form = document.getElementById('search-form') as HTMLFormElement;
  const input = document.getElementById('search-query') as HTMLInputElement;
  const list = document.getElementById('search-results') as HTMLOListElement;
  const more = document.getElementById('search-more') as HTMLButtonElement;
  const filters = document.getElementById('search-filters') as HTMLDetailsElement;
  const filterCount = filters.querySelector('[data-filter-count]') as HTMLElement;
  const field = <T extends Element>(name: string) => [...document.querySelectorAll<T>(`[form="search-form"][name="${name}"]`)];
  const projectBoxes = field<HTMLInputElement>(searchParams.project);
  const [fromMonth, toMonth] = [field<HTMLInputElement>(searchParams.from)[0], field<HTMLInputElement>(searchParams.to)[0]];
  const sortSelect = field<HTMLSelectElement>(searchParams.sort)[0];
  const exactBox = field<HTMLInputElement>(searchParams.exact)[0];
  const forms = document.getElementById('search-forms') as HTMLElement;
  const months = document.getElementById('search-months') as HTMLElement;
  const lang = document.documentElement.lang;
  const locale: Locale = isLocale(lang) ? lang : defaultLocale;
  const knownProjects = projectBoxes.map((box) => box.value);
  const numbers = new Intl.NumberFormat(locale);
  const projectNames = new Map(projectBoxes.map((box) => [box.value, box.dataset['name'] ?? box.value]));
  const view = createSearchView(
    { app, status: document.getElementById('search-status') as HTMLElement, forms, list, more, months },
    locale,
    projectNames,
    {
      hrefFor: (month) => `${ownPath()}${serializeSearchState({ ...readForm(), from: month, to: month })}`,
      range: () => {
        const { from, to } = readForm();
        return { ...(from ? { from } : {}), ...(to ? { to } : {}) };
      },
    },
  );
  const bounds = [app.dataset['firstMonth'] ?? '', app.dataset['lastMonth'] ?? ''] as const;
  const controller = createSearchController({ locale, bounds });

  const loadPagefind = pagefind.load;

  let state = controller.initial;

  const shared = createSearchEffects({ pagefind, locale, dispatch, typed: readForm });

  /** Hands an event to the controller and carries out what it says. */
  function dispatch(event: PageEvent): void {
    const step = controller.update(state, event);
    state = step.state;
    for (const effect of step.effects) carryOut(effect);
  }

  function carryOut(effect: PageEffect): void {
    if (shared(effect)) return;
    switch (effect.type) {
      case 'count':
        // Counting is loaded when the filters first need it: a first search downloads none of it.
        Promise.all([loadPagefind(), import('../lib/search/page/counts.ts')])
          .then(([{ instance, vocabulary }, { countIssues }]) => countIssues(instance, effect.request, effect.listed, vocabulary))
          .then(
            (counts) =>
              dispatch({ type: 'counted', ...(effect.id === undefined ? {} : { id: effect.id }), request: effect.request, counts }),
            () => dispatch(effect.id === undefined ? { type: 'count-failed', request: effect.request } : { type: 'failed', id: effect.id }),
          );
        return;
      case 'write-form':
        writeForm(effect.state);
        return;
      case 'show-active-filters':
        showActiveFilters(effect.state);
        return;
      case 'write-history': {
        const url = `${ownPath()}${serializeSearchState(effect.entry.state)}`;
        if (url === `${ownPath()}${location.search}`) return;
        if (effect.entry.mode === 'push') history.pushState(null, '', url);
        else history.replaceState(null, '', url);
        return;
      }
      case 'follow-language-switch':
        // The language switch leads to the same search in the other language.
        for (const link of document.querySelectorAll<HTMLAnchorElement>('a[data-language-switch]')) {
          const target = new URL(link.href);
          target.search = serializeSearchState(effect.state);
          link.href = target.href;
        }
        return;
      case 'show-problem':
        view.problem(effect.prepared);
        return;
      case 'show-busy':
        view.busy(effect.busy);
        return;
      case 'show-searching':
        view.searching();
        return;
      case 'show-first-results':
        view.firstResults(effect.outcome, effect.query);
        return;
      case 'show-results':
        view.results(effect.outcome, effect.query, effect.focusFrom);
        return;
      case 'show-failed':
        view.failed(effect.query);
        return;
      case 'show-counts':
        view.counts(effect.counts);
        return;
      case 'show-nothing':
        view.clear();
        view.empty();
        return;
      // `show-again` needs nothing: the page shows its answer all along.
    }
  }

  /** The form's state, read as the URL would carry it (so months not written YYYY-MM are dropped). */
  function readForm(): SearchState {
    const fields = [...new FormData(form)].map(([name, value]): [string, string] => [name, String(value)]);
    return parseSearchState(new URLSearchParams(fields), knownProjects);
  }

  /** Filters the reader changed before this code came, which the address must not write over. */
  let kept: ReadonlySet<Element> = changed;

  function writeForm(search: SearchState): void {
    // An input method's unfinished text is the reader's: writing the box would cancel it. A search
    // box drops a line break (`?q=nova%0Aheat` would show `novaheat`): the query as searched.
    if (!composing(input)) input.value = search.q.replace(/\s+/g, ' ');
    const writes = (field: Element | undefined): field is Element => !!field && !kept.has(field);
    for (const box of projectBoxes) if (writes(box)) box.checked = search.projects.includes(box.value);
    if (writes(fromMonth)) fromMonth.value = search.from ?? '';
    if (writes(toMonth)) toMonth.value = search.to ?? '';
    if (writes(sortSelect)) sortSelect.value = search.order === 'newest' ? 'newest' : '';
    if (writes(exactBox)) exactBox.checked = !!search.exact;
    showActiveFilters(search);
  }

  function showActiveFilters(search: SearchState): void {
    const active = activeFilters(search);
    filterCount.textContent = active ? `(${numbers.format(active)})` : '';
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    dispatch({ type: 'submit', state: readForm() });
  });
  listenForTyping(input, dispatch, readForm);
  filters.addEventListener('toggle', () => dispatch({ type: 'filters', open: filters.open }));
  // Focusing the box starts loading Pagefind, and warms it up unless a search got there first.
  input.addEventListener('focus', () => dispatch({ type: 'focused' }), { once: true });
  for (const control of [...projectBoxes, fromMonth, toMonth, sortSelect, exactBox]) {
    control?.addEventListener('change', () => {
      const state = readForm();
      // A range set backwards is searched turned round: the fields say so.
      if (fromMonth && toMonth && state.from && state.to) [fromMonth.value, toMonth.value] = [state.from, state.to];
      dispatch({ type: 'submit', state });
    });
  }
  // The switch between the words exactly as typed and other names of what they name.
  forms.addEventListener('click', (event) => {
    const toggle = (event.target as Element).closest<HTMLButtonElement>('button[data-exact]');
    if (!toggle || !exactBox) return;
    exactBox.checked = toggle.dataset['exact'] === '1';
    dispatch({ type: 'submit', state: readForm() });
  });
  // A month of the chart narrows the search to it.
  months.addEventListener('click', (event) => {
    const link = (event.target as Element).closest<HTMLAnchorElement>('a[data-month]');
    const month = link?.dataset['month'];
    if (!month || !fromMonth || !toMonth || event.ctrlKey || event.metaKey || event.shiftKey) return;
    event.preventDefault();
    fromMonth.value = month;
    toMonth.value = month;
    dispatch({ type: 'submit', state: readForm() });
  });
  more.addEventListener('click', () => dispatch({ type: 'more', state: readForm(), shown: list.children.length }));
  // Up and Down walk from the box through the results and back (`keyboard.ts` decides where).
  app.addEventListener('keydown', (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey || event.isComposing) return;
    const target = arrowTarget(event.key, view.focusSpot(document.activeElement, input), view.shown());
    if (!target) return;
    event.preventDefault();
    view.focus(target, input);
  });
  window.addEventListener('popstate', () => openFromUrl(true));

  /** Shows the search the URL describes, as on opening a shared link. */
  function openFromUrl(fromHistory: boolean): void {
    const params = new URLSearchParams(location.search);
    // A shared range reaching past the archive would leave a month field the form cannot send.
    const search = withinArchive(parseSearchState(params, knownProjects), bounds);
    // A search opened with filters keeps them folded, their number in the summary: open, they would
    // push its results below the screen, on a phone or a desktop. Opened before this code came, they count.
    dispatch({ type: 'filters', open: filters.open });
    dispatch({ type: 'open', state: search, hasQuery: params.has(searchParams.query), fromHistory });
  }

  // What the reader did before this code came: Enter (held); filters changed, searched with the
  // rest of the address's search; or typing, which the address would otherwise replace (an input
  // method still composing searches what it commits).
  const typed = input.value;
  if (held) dispatch({ type: 'submit', state: readForm() });
  else {
    openFromUrl(false);
    kept = new Set();
    const ownText = typed && !new URLSearchParams(location.search).has(searchParams.query);
    if (ownText && !composing(input)) input.value = typed;
    if (changed.size) dispatch({ type: 'submit', state: readForm() });
    else if (ownText) dispatch(composing(input) ? { type: 'composing' } : { type: 'typed', text: typed });
  }
  if (document.activeElement === input) dispatch({ type: 'focused' });
}
