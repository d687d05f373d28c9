/**
 * The header's search box, searching in place: the search page's controller and view in a panel
 * under the box, without history, filters or counts. Enter, or a pause in typing, shows the first
 * issues that answer (five, one round of fragments), and a link to the search page for all of them
 * with filters. Up and Down walk the results as on the search page; Escape, a click elsewhere or
 * focus leaving the search closes the panel (Escape returns focus to the box). The panel arrives
 * when the box is first focused (`search-loader.ts`), this code after the search code's first file
 * (`search.ts`), which hands it the Pagefind loader it started; without JavaScript, the form goes
 * to the search page.
 */
import { defaultLocale, isLocale, type Locale } from '../i18n/locales.ts';
import { createSearchController, type PageEffect, type PageEvent } from '../lib/search/page/controller.ts';
import { FIRST_WAVE } from '../lib/search/page/engine.ts';
import { arrowTarget } from '../lib/search/page/keyboard.ts';
import { serializeSearchState, type SearchState } from '../lib/search/page/state.ts';
import type { PagefindLoader } from './pagefind.ts';
import { createSearchEffects } from './search-effects.ts';
import { composing, createSearchView, listenForTyping } from './search-view.ts';

/** Runs the panel of the header's search form, with the loader its first code started. */
export function startSearchPanel(form: HTMLFormElement, pagefind: PagefindLoader): void {
  const input = form.querySelector('input[data-search-input]') as HTMLInputElement;
  const panel = form.querySelector('[data-search-panel-body]') as HTMLElement;
  const status = panel.querySelector('[role="status"]') as HTMLElement;
  const list = panel.querySelector('ol') as HTMLOListElement;
  const all = panel.querySelector('a[data-search-all]') as HTMLAnchorElement;
  const lang = document.documentElement.lang;
  const locale: Locale = isLocale(lang) ? lang : defaultLocale;
  const projectNames = new Map(Object.entries(JSON.parse(panel.dataset['projectNames'] ?? '{}') as Record<string, string>));
  // The link to the search page follows every answer, so all results and the filters are one step away.
  // The panel has no filters: nothing shows what else was looked for or the month chart (their
  // elements stay out of the page), and a month links to the search page.
  const view = createSearchView(
    { app: panel, status, forms: document.createElement('p'), list, more: all, months: document.createElement('figure') },
    locale,
    projectNames,
    { hrefFor: (month) => searchPageHref({ ...boxState(), from: month, to: month }), range: () => ({}) },
    { showMore: () => true },
  );
  const controller = createSearchController({ locale, bounds: ['', ''], pageSize: FIRST_WAVE });

  let state = controller.initial;

  /** The box as a search: its query, no filters. */
  function boxState(): SearchState {
    return { q: input.value, projects: [], order: 'relevance' };
  }
  /** The search page's address for a search. */
  function searchPageHref(search: SearchState): string {
    return `${form.getAttribute('action') ?? ''}${serializeSearchState(search)}`;
  }

  const open = () => {
    panel.hidden = false;
  };
  const close = () => {
    panel.hidden = true;
  };
  /** Whether the panel has something to show again (a search ran). */
  const hasAnswer = () => list.children.length > 0 || status.textContent !== '';

  const shared = createSearchEffects({ pagefind, locale, dispatch, typed: boxState });

  function dispatch(event: PageEvent): void {
    const step = controller.update(state, event);
    state = step.state;
    for (const effect of step.effects) carryOut(effect);
  }

  function carryOut(effect: PageEffect): void {
    // The link to the search page follows every search.
    if (effect.type === 'run') all.href = searchPageHref({ ...boxState(), q: effect.request.text });
    if (shared(effect)) return;
    switch (effect.type) {
      case 'show-problem':
        // An emptied box closes the panel; any other problem is said there.
        if (effect.prepared.problem === 'empty') {
          view.clear();
          view.empty();
          close();
        } else {
          view.problem(effect.prepared);
          open();
        }
        return;
      case 'show-busy':
        view.busy(effect.busy);
        return;
      case 'show-searching':
        view.searching();
        open();
        return;
      case 'show-first-results':
        view.firstResults(effect.outcome, effect.query);
        open();
        return;
      case 'show-results':
        view.results(effect.outcome, effect.query, effect.focusFrom);
        open();
        return;
      case 'show-failed':
        view.failed(effect.query);
        open();
        return;
      case 'show-again':
        // Should Escape have closed the panel meanwhile, it shows that answer again.
        if (hasAnswer()) open();
        return;
      // The others are the search page's own: its address, form, filters and counts.
    }
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    dispatch({ type: 'submit', state: boxState() });
  });
  listenForTyping(input, dispatch, boxState);
  // Back in the box from elsewhere on the page, the reader finds the answer again (not when focus
  // comes back from the panel: Escape closed it).
  input.addEventListener('focus', (event) => {
    if (hasAnswer() && input.value && !form.contains(event.relatedTarget as Node | null)) open();
  });
  form.addEventListener('keydown', (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey || event.isComposing) return;
    if (event.key === 'Escape' && !panel.hidden) {
      // Closes the panel, and keeps what was typed (a search box's Escape would clear it).
      event.preventDefault();
      close();
      input.focus();
      return;
    }
    const target = arrowTarget(event.key, view.focusSpot(document.activeElement, input), view.shown());
    if (!target) return;
    event.preventDefault();
    open();
    view.focus(target, input);
  });
  form.addEventListener('focusout', (event) => {
    const next = event.relatedTarget as Node | null;
    if (next && !form.contains(next)) close();
  });
  document.addEventListener('pointerdown', (event) => {
    if (!form.contains(event.target as Node)) close();
  });

  input.setAttribute('aria-controls', panel.id);
  // Pagefind is on its way since the box was focused: warm it up, and answer what came meanwhile
  // (Enter, which the loader held, or typing; an input method still composing searches what it
  // commits).
  const held = form.dataset['search'] === 'held';
  form.dataset['search'] = 'ready';
  dispatch({ type: 'focused' });
  if (held) dispatch({ type: 'submit', state: boxState() });
  else if (composing(input)) dispatch({ type: 'composing' });
  else if (input.value) dispatch({ type: 'typed', text: input.value });
}
