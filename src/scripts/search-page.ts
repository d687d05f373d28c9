/**
 * The search page in the browser: keeps the form and the URL in step (push on a new search or
 * filter, replace while typing, follow the back button), loads Pagefind on first use and renders
 * results as DOM nodes (text, never HTML). Logic lives in `src/lib/search-*.ts`.
 */
import { isLocale, defaultLocale, type Locale } from '../i18n/locales.ts';
import { localizePath } from '../lib/routes.ts';
import { runSearch, type PagefindFragment, type PagefindInstance, type SearchOutcome } from '../lib/search-engine.ts';
import { excerptAround, parsePagefindExcerpt, type ExcerptPiece } from '../lib/search-excerpt.ts';
import { MAX_QUERY_LENGTH, prepareQuery, type PreparedQuery } from '../lib/search-query.ts';
import type { RankedIssue } from '../lib/search-rank.ts';
import { labelKey, SEARCH_BUNDLE_DIR } from '../lib/search-records.ts';
import { monthsOfState, parseSearchState, serializeSearchState, type SearchState } from '../lib/search-state.ts';

const PAGE_SIZE = 10;
const TYPING_DELAY_MS = 200;

const app = document.getElementById('search-app') as HTMLElement;
const form = document.getElementById('search-form') as HTMLFormElement;
const input = document.getElementById('search-query') as HTMLInputElement;
const status = document.getElementById('search-status') as HTMLElement;
const list = document.getElementById('search-results') as HTMLOListElement;
const more = document.getElementById('search-more') as HTMLButtonElement;
const filters = document.getElementById('search-filters') as HTMLDetailsElement;
const filterCount = filters.querySelector('[data-filter-count]') as HTMLElement;
const field = <T extends Element>(name: string) => [...document.querySelectorAll<T>(`[form="search-form"][name="${name}"]`)];
const projectBoxes = field<HTMLInputElement>('project');
const [fromSelect, toSelect] = [field<HTMLSelectElement>('from')[0], field<HTMLSelectElement>('to')[0]];
const sortSelect = field<HTMLSelectElement>('sort')[0];
const lang = document.documentElement.lang;
const locale: Locale = isLocale(lang) ? lang : defaultLocale;
const knownProjects = projectBoxes.map((box) => box.value);
const bounds: [string, string] = [app.dataset['firstMonth'] ?? '', app.dataset['lastMonth'] ?? ''];
const numbers = new Intl.NumberFormat(locale);

let pagefind: Promise<PagefindInstance> | undefined;
let limit = PAGE_SIZE;
let latest = 0;
let typing: ReturnType<typeof setTimeout> | undefined;
/** Whether the URL entry is the one this stretch of typing pushed (later keystrokes replace it). */
let typingEntry = false;

/** Loads Pagefind once, on first use: nothing of search is fetched before. */
function loadPagefind(): Promise<PagefindInstance> {
  pagefind ??= (async () => {
    const url = `${import.meta.env.BASE_URL}${SEARCH_BUNDLE_DIR}/pagefind.js`;
    const module = (await import(/* @vite-ignore */ url)) as { createInstance(options: object): PagefindInstance & { init(): Promise<void> } };
    // No web worker: it would be one more 43 KB download for searches that take milliseconds.
    const instance = module.createInstance({ noWorker: true, excerptLength: 24 });
    await instance.init();
    return instance;
  })();
  pagefind.catch(() => {
    pagefind = undefined;
  });
  return pagefind;
}

function readForm(): SearchState {
  return {
    q: input.value,
    projects: projectBoxes.filter((box) => box.checked).map((box) => box.value),
    ...(fromSelect?.value ? { from: fromSelect.value } : {}),
    ...(toSelect?.value ? { to: toSelect.value } : {}),
    order: sortSelect?.value === 'newest' ? 'newest' : 'relevance',
  };
}

function writeForm(state: SearchState): void {
  input.value = state.q;
  for (const box of projectBoxes) box.checked = state.projects.includes(box.value);
  if (fromSelect) fromSelect.value = state.from ?? '';
  if (toSelect) toSelect.value = state.to ?? '';
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

/** Records the state in the address bar; `push` makes a new back-button step. */
function commit(state: SearchState, mode: 'push' | 'replace'): void {
  const url = urlOf(state);
  if (url !== `${location.pathname}${location.search}`) {
    if (mode === 'push') history.pushState(null, '', url);
    else history.replaceState(null, '', url);
  }
  // The language switch leads to the same search in the other language.
  for (const link of document.querySelectorAll<HTMLAnchorElement>('a[data-language-switch]')) {
    const target = new URL(link.href);
    target.search = serializeSearchState(state);
    link.href = target.href;
  }
}

/** Fills a message template; `{{query}}` becomes a quoted text node, numbers are formatted. */
function message(name: string, values: Record<string, string | number> = {}): DocumentFragment {
  const fragment = document.createDocumentFragment();
  const template = app.dataset[name] ?? '';
  for (const [index, part] of template.split(/\{\{(\w+)\}\}/).entries()) {
    if (index % 2 === 0) {
      fragment.append(part);
      continue;
    }
    const value = values[part] ?? '';
    if (part === 'query') {
      const quote = document.createElement('q');
      quote.className = 'search-page__query';
      quote.textContent = String(value);
      fragment.append(quote);
    } else {
      fragment.append(typeof value === 'number' ? numbers.format(value) : value);
    }
  }
  return fragment;
}

function showStatus(content: DocumentFragment | string, kind: 'info' | 'problem' = 'info'): void {
  status.replaceChildren(content);
  status.classList.toggle('search-page__status--problem', kind === 'problem');
}

function clearResults(): void {
  list.replaceChildren();
  more.hidden = true;
  for (const count of document.querySelectorAll<HTMLElement>('[data-project-count]')) count.textContent = '';
}

/** Marks which query the page now shows (results or a message), for whoever waits on it. */
function markShown(query: string): void {
  list.dataset['query'] = query;
}

function showProblem(prepared: Extract<PreparedQuery, { ok: false }>): void {
  clearResults();
  markShown(prepared.text);
  const shown = [...prepared.text];
  const query = shown.length > 120 ? `${shown.slice(0, 120).join('')}…` : prepared.text;
  if (prepared.problem === 'empty') showStatus(message('msgEmpty'), 'problem');
  else if (prepared.problem === 'too-long') showStatus(message('msgTooLong', { length: shown.length, max: MAX_QUERY_LENGTH, query }), 'problem');
  else showStatus(message('msgNoWords', { query }), 'problem');
}

/** Runs the search the state describes and shows it; older searches still running are dropped. */
async function search(state: SearchState, focusFrom?: number): Promise<void> {
  const id = ++latest;
  // User Timing marks: how long a search takes, for the benchmark and for anyone profiling.
  performance.mark('search-start');
  const prepared = prepareQuery(state.q);
  if (!prepared.ok) {
    showProblem(prepared);
    return;
  }
  list.setAttribute('aria-busy', 'true');
  delete list.dataset['query'];
  const slow = setTimeout(() => id === latest && showStatus(message('msgSearching')), 150);
  try {
    const instance = await loadPagefind();
    const months = monthsOfState(state, bounds);
    const outcome = await runSearch(instance, {
      text: prepared.text,
      terms: prepared.terms,
      projects: state.projects,
      ...(months ? { months } : {}),
      order: state.order,
      locale,
      limit,
    });
    if (id !== latest) return;
    render(outcome, prepared.text, focusFrom);
    performance.measure('search', 'search-start');
  } catch {
    if (id !== latest) return;
    clearResults();
    markShown(prepared.text);
    showStatus(message('msgFailed'), 'problem');
  } finally {
    clearTimeout(slow);
    if (id === latest) list.removeAttribute('aria-busy');
  }
}

function render(outcome: SearchOutcome, query: string, focusFrom?: number): void {
  for (const count of document.querySelectorAll<HTMLElement>('[data-project-count]')) {
    const value = outcome.projectCounts[count.dataset['projectCount'] ?? ''] ?? 0;
    count.textContent = numbers.format(value);
    count.closest('label')?.classList.toggle('search-filters__empty', value === 0);
  }
  list.replaceChildren(...outcome.issues.map((entry) => renderIssue(entry, query)));
  markShown(query);
  more.hidden = !outcome.more;
  const found = numbers.format(outcome.issues.length);
  showStatus(outcome.issues.length ? message('msgResults', { total: outcome.more ? `${found}+` : found }) : message('msgNone', { query }));
  if (focusFrom !== undefined) list.children[focusFrom]?.querySelector('a')?.focus();
}

function renderIssue(entry: RankedIssue<PagefindFragment>, query: string): HTMLLIElement {
  const { fragment } = entry.best;
  const meta = fragment.meta;
  const label = (name: 'issue' | 'period' | 'project') => meta[labelKey(name, locale)] ?? '';
  const item = document.createElement('li');
  item.className = 'search-result';
  item.dataset['issue'] = entry.issue;
  const title = element('h2', 'search-result__title');
  const link = element('a', 'search-result__link');
  link.href = hrefOf(fragment);
  link.append(element('span', 'search-result__issue', label('issue')), ' ', element('span', 'search-result__section', sectionName(fragment)));
  title.append(link);
  const details = element('p', 'search-result__meta', label('period'));
  if (meta['lang'] && meta['lang'] !== locale) {
    details.append(' ', element('span', 'search-result__language', app.dataset['labelOriginal'] ?? ''));
  }
  const excerpt = element('p', 'search-result__excerpt');
  if (meta['lang']) excerpt.lang = meta['lang'];
  excerpt.append(...renderPieces(excerptAround(fragment.content, query) ?? parsePagefindExcerpt(fragment.excerpt)));
  item.append(title, details, excerpt);
  if (entry.others.length) {
    const others = element('p', 'search-result__others', `${app.dataset['labelAlsoIn'] ?? ''} `);
    entry.others.forEach(({ fragment: other }, index) => {
      const otherLink = element('a', '', sectionName(other));
      otherLink.href = hrefOf(other);
      others.append(...(index ? [' · '] : []), otherLink);
    });
    item.append(others);
  }
  return item;
}

function sectionName(fragment: PagefindFragment): string {
  return fragment.meta[labelKey('project', locale)] ?? app.dataset['labelIntroduction'] ?? '';
}

function hrefOf(fragment: PagefindFragment): string {
  const path = new URL(fragment.url, location.origin);
  return localizePath(`${path.pathname}${path.hash}`, locale);
}

function renderPieces(pieces: readonly ExcerptPiece[]): Node[] {
  return pieces.map((piece) => (piece.mark ? element('mark', '', piece.text) : document.createTextNode(piece.text)));
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** A new search from the form: a new back-button step unless it only refines what is being typed. */
function searchFromForm(mode: 'push' | 'typing'): void {
  clearTimeout(typing);
  limit = PAGE_SIZE;
  const state = readForm();
  showActiveFilters(state);
  commit(state, mode === 'typing' && typingEntry ? 'replace' : 'push');
  typingEntry = mode === 'typing';
  void search(state);
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  searchFromForm('push');
});
input.addEventListener('input', () => {
  clearTimeout(typing);
  typing = setTimeout(() => searchFromForm('typing'), TYPING_DELAY_MS);
});
// Focusing the box starts loading Pagefind, so the first results come sooner.
input.addEventListener('focus', () => void loadPagefind().catch(() => undefined), { once: true });
for (const control of [...projectBoxes, fromSelect, toSelect, sortSelect]) {
  control?.addEventListener('change', () => searchFromForm('push'));
}
more.addEventListener('click', () => {
  limit += PAGE_SIZE;
  void search(readForm(), list.children.length);
});
window.addEventListener('popstate', () => {
  typingEntry = false;
  limit = PAGE_SIZE;
  openFromUrl();
});

/** Shows the search the URL describes, as on opening a shared link. */
function openFromUrl(): void {
  const params = new URLSearchParams(location.search);
  const state = parseSearchState(params, knownProjects);
  writeForm(state);
  commit(state, 'replace');
  if (params.has('q')) void search(state);
  else {
    latest += 1;
    clearResults();
    showStatus('');
  }
}

openFromUrl();
