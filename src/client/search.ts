/**
 * The search code's first file, for both places search runs: the search page, which loads it with
 * the page, and the header's panel on every other page, whose box brings it in when first focused
 * (`search-loader.ts`). It is small, so that in the header it arrives with the search vocabulary,
 * in the round of requests that focusing the box started. It starts Pagefind, asks at once for the
 * index chunks of what the box holds (pasted, held by Enter, or the search page's address), and
 * brings in the page's or the panel's own code, which then arrives with those chunks rather than
 * before them. Enter pressed before that code runs (or, on the search page, a filter changed) is
 * held for it, on the search page here and in the header by the loader; should it fail to load,
 * Enter sends the form to the search page as it does without JavaScript.
 */
import { parseSearchState } from '../lib/search/page/state.ts';
import { createPagefindLoader } from './pagefind.ts';

/** The search page: its code follows; Enter, or a filter changed, is held for it meanwhile. */
async function startPage(app: HTMLElement): Promise<void> {
  const form = document.getElementById('search-form') as HTMLFormElement;
  const input = document.getElementById('search-query') as HTMLInputElement;
  const pagefind = createPagefindLoader(input);
  let entered = false;
  const changed = new Set<Element>();
  const hold = (event: SubmitEvent) => {
    event.preventDefault();
    entered = true;
    pagefind.askForChunks({ text: input.value });
  };
  form.addEventListener('submit', hold);
  // A filter changed is a search, as it will be once the code is here (the filters are the form's
  // by their `form` attribute, outside it: heard on the document).
  const change = (event: Event) => {
    const field = event.target as HTMLInputElement | HTMLSelectElement;
    if (field.form === form && field !== input) changed.add(field);
  };
  document.addEventListener('change', change);
  // Focusing the box starts Pagefind, as the page's code will (which then warms it up).
  const load = () => void pagefind.load().catch(() => undefined);
  input.addEventListener('focus', load, { once: true });
  // A shared link: its search runs as soon as the page's code is here.
  const { q, exact } = parseSearchState(new URLSearchParams(location.search));
  if (q.trim()) {
    pagefind.askForChunks({ text: q, exact: exact ?? false });
    load();
  }
  const code = await import('./search-ui.ts').catch(() => undefined);
  form.removeEventListener('submit', hold);
  document.removeEventListener('change', change);
  if (code) code.startSearchPage(app, pagefind, { held: entered, changed });
  else if (entered) form.submit();
}

/** The header's panel: its code follows; the loader holds Enter for it meanwhile. */
async function startPanel(form: HTMLFormElement): Promise<void> {
  const input = form.querySelector('input[data-search-input]') as HTMLInputElement;
  const pagefind = createPagefindLoader(input);
  if (input.value.trim()) pagefind.askForChunks({ text: input.value });
  // A failure is the panel's to say, when it asks again.
  pagefind.load().catch(() => undefined);
  const code = await import('./search-ui.ts').catch(() => undefined);
  if (code) code.startSearchPanel(form, pagefind);
  else {
    if (form.dataset['search'] === 'held') form.submit();
    form.dataset['search'] = 'failed';
  }
}

const app = document.getElementById('search-app');
const panelForm = document.querySelector<HTMLFormElement>('form[data-search-panel-form]');
if (app) void startPage(app);
else if (panelForm) void startPanel(panelForm);
