/**
 * The search page in the browser: keeps the form and the URL in step (push on a new search or
 * filter, replace while typing, follow the back button), loads Pagefind on first use, runs the
 * search (`src/lib/search-engine.ts`) and hands the outcome to the view (`search-view.ts`).
 */
import { isLocale, defaultLocale, type Locale } from '../i18n/locales.ts';
import {
  countProjects,
  FIRST_WAVE,
  PAGE_SIZE,
  preloadTerms,
  runSearch,
  warmUp,
  type PagefindInstance,
  type SearchOutcome,
  type SearchRequest,
} from '../lib/search/page/engine.ts';
import { entryFile, startupFiles } from '../lib/search/page/startup.ts';
import { prepareQuery } from '../lib/search/page/query.ts';
import { SEARCH_BUNDLE_DIR } from '../lib/search/contract.ts';
import { monthsOfState, parseSearchState, serializeSearchState, type SearchState } from '../lib/search/page/state.ts';
import { createSearchView } from './search-view.ts';

const TYPING_DELAY_MS = 200;

const app = document.getElementById('search-app') as HTMLElement;
const form = document.getElementById('search-form') as HTMLFormElement;
const input = document.getElementById('search-query') as HTMLInputElement;
const list = document.getElementById('search-results') as HTMLOListElement;
const more = document.getElementById('search-more') as HTMLButtonElement;
const filters = document.getElementById('search-filters') as HTMLDetailsElement;
const filterCount = filters.querySelector('[data-filter-count]') as HTMLElement;
const field = <T extends Element>(name: string) => [...document.querySelectorAll<T>(`[form="search-form"][name="${name}"]`)];
const projectBoxes = field<HTMLInputElement>('project');
const [fromMonth, toMonth] = [field<HTMLInputElement>('from')[0], field<HTMLInputElement>('to')[0]];
const sortSelect = field<HTMLSelectElement>('sort')[0];
const lang = document.documentElement.lang;
const locale: Locale = isLocale(lang) ? lang : defaultLocale;
const knownProjects = projectBoxes.map((box) => box.value);
const bounds: [string, string] = [app.dataset['firstMonth'] ?? '', app.dataset['lastMonth'] ?? ''];
const numbers = new Intl.NumberFormat(locale);
const projectNames = new Map(projectBoxes.map((box) => [box.value, box.dataset['name'] ?? box.value]));
const view = createSearchView({ app, status: document.getElementById('search-status') as HTMLElement, list, more }, locale, projectNames);

let pagefind: Promise<PagefindInstance> | undefined;
let limit = PAGE_SIZE;
let latest = 0;
/** Whether a search has been asked for since the page opened (then Pagefind needs no warming up). */
let searched = false;
let typing: ReturnType<typeof setTimeout> | undefined;
/** Whether the URL entry is the one this stretch of typing pushed (later keystrokes replace it). */
let typingEntry = false;
/** The search whose results are shown, and whether its issues were counted per project. */
let onScreen: { request: SearchRequest; listed: number; counted: boolean } | undefined;

/** Asks the browser for a file a `fetch()` of this page will want soon; that fetch then takes it. */
function preloadFile(url: string): void {
  const link = document.createElement('link');
  link.rel = 'preload';
  link.as = 'fetch';
  link.crossOrigin = 'anonymous';
  link.href = url;
  document.head.append(link);
}

/**
 * Starts Pagefind's start-up downloads beside its script: its entry file under the cache tag
 * Pagefind will use, and once the page has read that file, the metadata and WebAssembly it
 * names (`pagefind-startup.ts`). A first search typed the instant the box is focused then waits
 * one round of requests less. Should anything fail here, Pagefind fetches the files itself.
 */
function preloadStartup(bundle: string, cacheTag: string): void {
  const entry = `${bundle}${entryFile(cacheTag)}`;
  // The page's own read goes first: made after the preload, it would take the preload from Pagefind.
  void fetch(entry)
    .then((response) => response.json())
    .then((read: unknown) => startupFiles(read).forEach((file) => preloadFile(`${bundle}${file}`)))
    .catch(() => undefined);
  preloadFile(entry);
}

/** Loads Pagefind once, on first use: nothing of search is fetched before. */
function loadPagefind(): Promise<PagefindInstance> {
  pagefind ??= (async () => {
    const bundle = `${import.meta.env.BASE_URL}${SEARCH_BUNDLE_DIR}/`;
    // Pagefind's own cache tag (the time: each visit reads the current index), chosen here.
    const cacheTag = String(Date.now());
    preloadStartup(bundle, cacheTag);
    // A plain variable: given a template string, Vite wraps the import in its 1.3 KB preload helper.
    const script = `${bundle}pagefind.js`;
    const module = (await import(/* @vite-ignore */ script)) as {
      createInstance(options: object): PagefindInstance & { init(): Promise<void> };
    };
    // No web worker: it would be one more 43 KB download for searches that take milliseconds.
    // Excerpts are made by the page from the part that answered: Pagefind's are not shown.
    const instance = module.createInstance({ noWorker: true, excerptLength: 8, metaCacheTag: cacheTag });
    await instance.init();
    return instance;
  })();
  pagefind.catch(() => {
    pagefind = undefined;
  });
  return pagefind;
}

/** The form's state, read as the URL would carry it (so months not written YYYY-MM are dropped). */
function readForm(): SearchState {
  const fields = [...new FormData(form)].map(([name, value]): [string, string] => [name, String(value)]);
  return parseSearchState(new URLSearchParams(fields), knownProjects);
}

function writeForm(state: SearchState): void {
  input.value = state.q;
  for (const box of projectBoxes) box.checked = state.projects.includes(box.value);
  if (fromMonth) fromMonth.value = state.from ?? '';
  if (toMonth) toMonth.value = state.to ?? '';
  if (sortSelect) sortSelect.value = state.order === 'newest' ? 'newest' : '';
  showActiveFilters(state);
  // A search opened with filters shows them.
  if (activeFilters(state) > 0) filters.open = true;
}

function activeFilters(state: SearchState): number {
  return state.projects.length + (state.from ? 1 : 0) + (state.to ? 1 : 0) + (state.order === 'newest' ? 1 : 0);
}

function showActiveFilters(state: SearchState): void {
  const active = activeFilters(state);
  filterCount.textContent = active ? `(${numbers.format(active)})` : '';
}

function urlOf(state: SearchState): string {
  return `${location.pathname}${serializeSearchState(state)}`;
}

type HistoryMode = 'push' | 'replace';

/**
 * The history entry of the search being run, written once its first results are shown (or it
 * ends). A new entry makes Chromium fetch and decode the page's icon again: written at once, that
 * work competed with the search (first results of a first search 12-21 ms later, of later queries
 * 3 ms; medians of 24 and 144).
 */
let pendingEntry: { state: SearchState; mode: HistoryMode } | undefined;

/** Records the state in the address bar; `push` makes a new back-button step. */
function writeHistory(state: SearchState, mode: HistoryMode): void {
  const url = urlOf(state);
  if (url === `${location.pathname}${location.search}`) return;
  if (mode === 'push') history.pushState(null, '', url);
  else history.replaceState(null, '', url);
}

function writePendingEntry(): void {
  const entry = pendingEntry;
  pendingEntry = undefined;
  if (entry) writeHistory(entry.state, entry.mode);
}

/** The language switch leads to the same search in the other language. */
function followLanguageSwitch(state: SearchState): void {
  for (const link of document.querySelectorAll<HTMLAnchorElement>('a[data-language-switch]')) {
    const target = new URL(link.href);
    target.search = serializeSearchState(state);
    link.href = target.href;
  }
}

/** Runs the search the state describes and shows it; older searches still running are dropped. */
async function search(state: SearchState, focusFrom?: number): Promise<void> {
  const id = ++latest;
  searched = true;
  // User Timing marks: how long a search takes, for the benchmark and for anyone profiling.
  performance.mark('search-start');
  const prepared = prepareQuery(state.q);
  onScreen = undefined;
  if (!prepared.ok) {
    view.problem(prepared);
    writePendingEntry();
    return;
  }
  view.busy(true);
  const slow = setTimeout(() => id === latest && view.searching(), 150);
  try {
    const instance = await loadPagefind();
    const months = monthsOfState(state, bounds);
    const request: SearchRequest = {
      text: prepared.text,
      terms: prepared.terms,
      projects: state.projects,
      ...(months ? { months } : {}),
      order: state.order,
      locale,
      limit,
      // Counts are shown in the filters: counted only while they are open (or once opened).
      counts: filters.open,
    };
    let outcome: SearchOutcome | undefined;
    let shown = false;
    if (focusFrom === undefined && limit > FIRST_WAVE) {
      const first = await runSearch(instance, { ...request, limit: FIRST_WAVE, counts: false });
      if (id !== latest) return;
      if (first.more) {
        clearTimeout(slow);
        view.firstResults(first, prepared);
        performance.measure('search', 'search-start');
        shown = true;
        writePendingEntry();
      } else {
        // Nothing beyond the first few: they are the whole answer.
        outcome = request.counts ? { ...first, projectCounts: await countProjects(instance, request, first.issues.length) } : first;
      }
    }
    outcome ??= await runSearch(instance, request);
    if (id !== latest) return;
    view.results(outcome, prepared, focusFrom);
    // `search`: Enter to the first results shown; `search-complete`: to the whole page of them.
    if (!shown) performance.measure('search', 'search-start');
    performance.measure('search-complete', 'search-start');
    onScreen = { request, listed: outcome.issues.length, counted: !!outcome.projectCounts };
    void countOnScreen();
  } catch {
    if (id === latest) view.failed(prepared.text);
  } finally {
    clearTimeout(slow);
    if (id === latest) {
      writePendingEntry();
      view.busy(false);
    }
  }
}

/** Counts the issues of the search on screen per project, if the filters are open and it has not been. */
async function countOnScreen(): Promise<void> {
  const current = onScreen;
  if (!current || current.counted || !filters.open) return;
  current.counted = true;
  try {
    const counts = await countProjects(await loadPagefind(), current.request, current.listed);
    if (onScreen === current) view.counts(counts);
  } catch {
    current.counted = false;
  }
}

/** Starts loading the index chunks of the words typed so far, once Pagefind is on its way. */
function preloadTyped(): void {
  const prepared = prepareQuery(input.value);
  if (!pagefind || !prepared.ok) return;
  void pagefind.then((instance) => preloadTerms(instance, prepared.terms, locale)).catch(() => undefined);
}

/** A new search from the form: a new back-button step unless it only refines what is being typed. */
function searchFromForm(mode: 'push' | 'typing'): void {
  clearTimeout(typing);
  limit = PAGE_SIZE;
  const state = readForm();
  showActiveFilters(state);
  // Entries are written in the order searches start, whenever each shows its results.
  writePendingEntry();
  pendingEntry = { state, mode: mode === 'typing' && typingEntry ? 'replace' : 'push' };
  followLanguageSwitch(state);
  typingEntry = mode === 'typing';
  void search(state);
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  searchFromForm('push');
});
/** The reader typed: search once typing pauses, and start loading the words' index chunks now. */
function typed(): void {
  clearTimeout(typing);
  typing = setTimeout(() => searchFromForm('typing'), TYPING_DELAY_MS);
  preloadTyped();
}
// A Chinese input method shows the pinyin in the box while the reader picks characters (often
// for longer than the typing pause): only the text it commits is a query.
input.addEventListener('input', (event) => {
  if (!(event as InputEvent).isComposing) typed();
});
input.addEventListener('compositionstart', () => clearTimeout(typing));
input.addEventListener('compositionend', typed);
filters.addEventListener('toggle', () => void countOnScreen());
// Focusing the box starts loading Pagefind, and warms it up unless a search got there first.
input.addEventListener(
  'focus',
  () => {
    void loadPagefind()
      .then((instance) => (searched ? undefined : warmUp(instance, locale)))
      .catch(() => undefined);
  },
  { once: true },
);
for (const control of [...projectBoxes, fromMonth, toMonth, sortSelect]) {
  control?.addEventListener('change', () => searchFromForm('push'));
}
more.addEventListener('click', () => {
  limit += PAGE_SIZE;
  void search(readForm(), list.children.length);
});
window.addEventListener('popstate', () => {
  // The reader went back or forward during a search: its entry is not to be written over theirs.
  pendingEntry = undefined;
  typingEntry = false;
  limit = PAGE_SIZE;
  openFromUrl();
});

/** Shows the search the URL describes, as on opening a shared link. */
function openFromUrl(): void {
  const params = new URLSearchParams(location.search);
  const state = parseSearchState(params, knownProjects);
  writeForm(state);
  writeHistory(state, 'replace');
  followLanguageSwitch(state);
  if (params.has('q')) void search(state);
  else {
    latest += 1;
    onScreen = undefined;
    view.clear();
    view.empty();
  }
}

openFromUrl();
