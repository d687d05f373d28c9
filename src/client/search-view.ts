/**
 * What the search page shows, built as DOM nodes from text (never HTML, so neither a query nor
 * the archive's text can be read as markup): the status line, messages, result entries with
 * their excerpts, project counts. Labels come from the page (data attributes, the project
 * filters' names) and from record meta.
 */
import { defaultLocale, type Locale } from '../i18n/locales.ts';
import { splitLocale } from '../lib/routes.ts';
import { localeHref, sitePathOf } from '../site/hrefs.ts';
import type { IssueCounts, PagefindFragment, SearchOutcome } from '../lib/search/page/engine.ts';
import { excerptOfMatch, type ExcerptPiece } from '../lib/search/page/excerpt.ts';
import type { QueryForm } from '../lib/search/page/expand.ts';
import type { FocusSpot, FocusTarget } from '../lib/search/page/keyboard.ts';
import { normalizeForMatch } from '../lib/search/page/matcher.ts';
import { MAX_QUERY_LENGTH, type PreparedQuery } from '../lib/search/page/query.ts';
import type { RankedIssue } from '../lib/search/page/rank.ts';
import type { SearchState } from '../lib/search/page/state.ts';
import type { PageEvent } from '../lib/search/page/controller.ts';
import { textDirective } from '../lib/search/page/text-fragment.ts';
import { labelKey } from '../lib/search/contract.ts';
import type { MonthLinks } from './search-months.ts';

export interface SearchViewElements {
  /** Carries the message templates and labels as data attributes. */
  app: HTMLElement;
  status: HTMLElement;
  /** Says what else was looked for, with the switch to the words exactly as typed. */
  forms: HTMLElement;
  list: HTMLOListElement;
  /** What follows the results: the search page's "more" button, the panel's link to the search page. */
  more: HTMLElement;
  /** The chart of matching issues per month (in the filters). */
  months: HTMLElement;
}

export interface SearchViewOptions {
  /** Whether `more` shows beside an outcome: by default, when more issues may follow. */
  showMore?: (outcome: SearchOutcome) => boolean;
}

export type SearchView = ReturnType<typeof createSearchView>;

/** A query the page searched: as typed, and its words. */
type SearchedQuery = Extract<PreparedQuery, { ok: true }>;

/**
 * The page's view, bound to its elements, locale, the names of projects (by id, in that locale)
 * and the links of the month chart.
 */
export function createSearchView(
  { app, status, forms, list, more, months }: SearchViewElements,
  locale: Locale,
  projectNames: ReadonlyMap<string, string>,
  monthLinks: MonthLinks,
  { showMore = (outcome) => outcome.more }: SearchViewOptions = {},
) {
  const numbers = new Intl.NumberFormat(locale);
  const counts = () => document.querySelectorAll<HTMLElement>('[data-project-count]');
  // The chart's code is loaded when there are first months to show: a first search downloads none of it.
  let monthChart: Promise<{ show(counts: Readonly<Record<string, number>> | undefined): void }> | undefined;
  function showMonths(monthCounts: Readonly<Record<string, number>> | undefined): void {
    if (!monthCounts && !monthChart) return;
    monthChart ??= import('./search-months.ts').then(({ createMonthChart }) => createMonthChart(months, locale, message, monthLinks));
    void monthChart.then((chart) => chart.show(monthCounts));
  }

  /**
   * Fills a message template; `{{query}}` becomes a quoted text node, numbers are formatted. On a
   * page in another language, a value holding Chinese (a query, `I版`) is marked as Chinese, for
   * the voice a screen reader reads it in.
   */
  function message(name: string, values: Record<string, string | number> = {}): DocumentFragment {
    const fragment = document.createDocumentFragment();
    for (const [index, part] of (app.dataset[name] ?? '').split(/\{\{(\w+)\}\}/).entries()) {
      const value = values[part] ?? '';
      if (index % 2 === 0) fragment.append(part);
      else if (typeof value === 'number') fragment.append(numbers.format(value));
      else {
        const node = element(part === 'query' ? 'q' : 'span', part === 'query' ? 'search-page__query' : '', value);
        if (locale !== defaultLocale && /\p{Script=Han}/u.test(value)) node.lang = defaultLocale;
        fragment.append(node);
      }
    }
    return fragment;
  }

  /** Writes the status line; announced at once unless `firstResults` marks it busy. */
  function showStatus(content: DocumentFragment | string, kind: 'info' | 'problem' = 'info'): void {
    status.removeAttribute('aria-busy');
    status.replaceChildren(content);
    status.classList.toggle('search-page__status--problem', kind === 'problem');
  }

  /** Marks which query the page now shows (results or a message), for whoever waits on it. */
  function markShown(query: string | undefined): void {
    if (query === undefined) delete list.dataset['query'];
    else {
      list.dataset['query'] = query;
      dim(false);
    }
  }

  /** Dims the results of the previous search, shown while a slow one runs. */
  function dim(on: boolean): void {
    list.classList.toggle('search-results--stale', on);
  }

  /** Shows the issues counted per project and month (or nothing): the numbers, and for assistive technology what they count. */
  function showCounts(issueCounts?: IssueCounts): void {
    showMonths(issueCounts?.months);
    const projectCounts = issueCounts?.projects;
    for (const count of counts()) {
      const id = count.dataset['projectCount'] ?? '';
      const value = projectCounts?.[id] ?? 0;
      const label = document.querySelector<HTMLElement>(`[data-project-count-label="${CSS.escape(id)}"]`);
      count.textContent = projectCounts ? numbers.format(value) : '';
      label?.replaceChildren(projectCounts ? message('msgProjectCount', { issues: value }) : '');
      count.closest('label')?.classList.toggle('search-filters__empty', !!projectCounts && value === 0);
    }
  }

  /** Says which other names were looked for, or that they were not, with the switch between the two. */
  function showForms(outcome: SearchOutcome): void {
    const others = outcome.others.map((form) => form.text);
    forms.hidden = others.length === 0;
    if (!others.length) return forms.replaceChildren();
    const names = others.join(app.dataset['labelSeparator'] ?? ', ');
    const toggle = element('button', 'search-page__exact', app.dataset[outcome.exact ? 'labelWiden' : 'labelExact']);
    toggle.type = 'button';
    toggle.dataset['exact'] = outcome.exact ? '' : '1';
    // Pressed, the switch is replaced by its opposite: the focus goes with it, not to the page's start.
    const pressed = forms.contains(document.activeElement);
    forms.replaceChildren(message(outcome.exact ? 'msgExact' : 'msgWidened', { names }), ' ', toggle);
    if (pressed) toggle.focus();
  }

  function showResults(outcome: SearchOutcome, query: SearchedQuery): void {
    showCounts(outcome.counts);
    showForms(outcome);
    list.replaceChildren(...outcome.issues.map((entry) => renderIssue(entry, outcome.forms, query)));
    markShown(query.text);
    more.hidden = !showMore(outcome);
    const found = numbers.format(outcome.issues.length);
    showStatus(
      outcome.issues.length
        ? message('msgResults', { total: outcome.more ? `${found}+` : found })
        : message('msgNone', { query: query.text }),
    );
  }

  function clear(): void {
    list.replaceChildren();
    more.hidden = true;
    forms.hidden = true;
    showCounts(undefined);
  }

  function sectionName(projectId: string | undefined): string {
    if (projectId === undefined) return app.dataset['labelIntroduction'] ?? '';
    return projectNames.get(projectId) ?? projectId;
  }

  /**
   * The issue page in the reader's locale (Pagefind puts the record's address under the site's base
   * path), at the section's anchor, and at the words marked when there are some.
   */
  function hrefOf(fragment: PagefindFragment, projectId: string | undefined, directive = ''): string {
    const url = new URL(fragment.url, location.origin);
    const anchor = projectId ?? '';
    return `${localeHref(splitLocale(sitePathOf(url.pathname)).path, locale)}${anchor || directive ? `#${anchor}${directive}` : ''}`;
  }

  const bare = (text: string) => normalizeForMatch(text).replace(/[^\p{L}\p{N}]/gu, '');

  /** What the entry says of how it answers: another name it was found by, or words in different sections. */
  function howFound(
    entry: RankedIssue<PagefindFragment>,
    formsSearched: readonly QueryForm[],
    marked: string | undefined,
    query: SearchedQuery,
  ) {
    if (entry.apart) return app.dataset['labelApart'];
    const form = formsSearched[entry.form];
    if (!form) return '';
    // Words alone: quotes and punctuation typed, or folded away, are no other form.
    const typed = bare(query.text);
    // The other name as the section writes it, unless what is marked there is a word typed (`heat` of `H版 heat`).
    if (entry.form > 0) return message('msgFoundAs', { form: marked && !typed.includes(bare(marked)) ? marked : (form.name ?? form.text) });
    // The query as the archive writes it (simplified characters), when it is not what was typed.
    return bare(form.text) === typed ? '' : message('msgFoundAs', { form: form.text });
  }

  function renderIssue(entry: RankedIssue<PagefindFragment>, formsSearched: readonly QueryForm[], query: SearchedQuery): HTMLLIElement {
    const { fragment, best } = entry;
    const { meta } = fragment;
    const label = (name: 'issue' | 'period') => meta[labelKey(name, locale)];
    const excerpt = excerptOfMatch(best, formsSearched, entry.apart);
    const item = element('li', 'search-result');
    item.dataset['issue'] = entry.issue;
    const link = element('a', 'search-result__link');
    // The words marked in the section's own text, after its heading (the browser looks for them there).
    const bodyStart = best.part.bodyStart ?? 0;
    const marks = excerpt.marks.flatMap((mark) =>
      mark.start >= bodyStart ? [{ start: mark.start - bodyStart, end: mark.end - bodyStart }] : [],
    );
    const breaks = (best.part.breaks ?? []).flatMap((offset) => (offset > bodyStart ? [offset - bodyStart] : []));
    link.href = hrefOf(fragment, best.part.projectId, textDirective(best.part.text.slice(bodyStart), marks, breaks));
    link.append(
      element('span', 'search-result__issue', label('issue')),
      ' ',
      element('span', 'search-result__section', sectionName(best.part.projectId)),
    );
    const title = element('h2', 'search-result__title');
    title.append(link);
    const details = element('p', 'search-result__meta', label('period'));
    // A text in another language, or a translation possibly out of date, says so as its page does.
    const note = meta['lang'] !== locale ? app.dataset['labelOriginal'] : meta['stale'] && app.dataset['labelStale'];
    if (note) details.append(' ', element('span', 'search-result__language', note));
    const marked = excerpt.marks[0] ? best.part.text.slice(excerpt.marks[0].start, excerpt.marks[0].end) : undefined;
    const how = howFound(entry, formsSearched, marked, query);
    if (how) {
      const note = element('span', 'search-result__found');
      note.append(how);
      details.append(' ', note);
    }
    const shown = element('p', 'search-result__excerpt');
    if (meta['lang']) shown.lang = meta['lang'];
    shown.append(...renderPieces(excerpt.pieces));
    item.append(title, details, shown);
    if (entry.others.length) {
      const others = element('p', 'search-result__others', app.dataset['labelAlsoIn']);
      entry.others.forEach(({ part }, index) => {
        const otherLink = element('a', '', sectionName(part.projectId));
        otherLink.href = hrefOf(fragment, part.projectId);
        others.append(index ? ' · ' : ' ', otherLink);
      });
      item.append(others);
    }
    return item;
  }

  const titleLinks = () => [...list.querySelectorAll<HTMLAnchorElement>(':scope > li .search-result__link')];

  return {
    markShown,
    clear,
    /** Where focus is, in the terms of the arrow keys (`keyboard.ts`); `box` is the query box. */
    focusSpot(active: Element | null, box: HTMLElement): FocusSpot {
      if (active === box) return { kind: 'box' };
      if (active === more) return { kind: 'more' };
      const item = active?.closest('li');
      if (!item || !active || item.parentElement !== list) return { kind: 'elsewhere' };
      return { kind: 'result', index: [...list.children].indexOf(item), onTitle: active.matches('.search-result__link') };
    },
    /** How many results are listed, and whether the "more" button shows. */
    shown(): { results: number; more: boolean } {
      return { results: list.children.length, more: !more.hidden };
    },
    /** Moves focus to an arrow key's target, keeping it in view. */
    focus(target: FocusTarget, box: HTMLInputElement): void {
      if (target.kind === 'box') {
        box.focus();
        box.setSelectionRange(box.value.length, box.value.length);
      } else if (target.kind === 'more') more.focus();
      else titleLinks()[target.index]?.focus();
    },
    /**
     * A search is running: the list is busy (for assistive technology, and for whoever waits on
     * the answer) until the whole answer is shown; dimmed only if it is slow (`searching`), until
     * its first results show.
     */
    busy(on: boolean): void {
      if (on) {
        list.setAttribute('aria-busy', 'true');
        markShown(undefined);
      } else {
        list.removeAttribute('aria-busy');
        dim(false);
      }
    },
    /**
     * The search is taking a while: say so, and dim what it will replace. Not done at once, so a
     * search answered within moments does not flash the list.
     */
    searching(): void {
      showStatus(message('msgSearching'));
      dim(true);
    },
    empty(): void {
      showStatus('');
    },
    failed(query: string): void {
      clear();
      markShown(query);
      showStatus(message('msgFailed'), 'problem');
    },
    /** Why a query is not searched, with the query shown (shortened when very long). */
    problem(prepared: Extract<PreparedQuery, { ok: false }>): void {
      clear();
      markShown(prepared.text);
      const characters = [...prepared.text];
      const query = characters.length > 120 ? `${characters.slice(0, 120).join('')}…` : prepared.text;
      if (prepared.problem === 'empty') showStatus(message('msgEmpty'), 'problem');
      else if (prepared.problem === 'too-long')
        showStatus(message('msgTooLong', { length: characters.length, max: MAX_QUERY_LENGTH, query }), 'problem');
      else showStatus(message('msgNoWords', { query }), 'problem');
    },
    /** Shows issue counts per project beside the project filters, and per month in their chart. */
    counts(issueCounts: IssueCounts): void {
      showCounts(issueCounts);
    },
    /** Shows an outcome (its counts, if it has them); `focusFrom` moves focus to the first new entry (after "more"). */
    results(outcome: SearchOutcome, query: SearchedQuery, focusFrom?: number): void {
      showResults(outcome, query);
      if (focusFrom !== undefined) list.children[focusFrom]?.querySelector('a')?.focus();
    },
    /**
     * Shows the first results while the rest of the page loads. The status line shows their
     * count but is busy, so a screen reader announces only the final one, not "5+" then "10+".
     */
    firstResults(outcome: SearchOutcome, query: SearchedQuery): void {
      showResults(outcome, query);
      status.setAttribute('aria-busy', 'true');
    },
  };
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

/** Input that brings text in at once, however long: pasted, dropped, or a suggestion taken. */
const WHOLE_INPUTS = new Set(['insertFromPaste', 'insertFromDrop', 'insertReplacementText']);

/**
 * Tells the search what the reader types into a box, and the form's search (`read`) when the
 * text came whole. A Chinese input method shows the pinyin in the box while the reader picks
 * characters (often for longer than the typing pause): only the text it commits is a query, and
 * what it commits came whole.
 */
export function listenForTyping(input: HTMLInputElement, dispatch: (event: PageEvent) => void, read: () => SearchState): void {
  input.addEventListener('input', (event) => {
    const { isComposing, data, inputType } = event as InputEvent;
    if (isComposing) return;
    const whole = (data?.length ?? 0) > 1 || WHOLE_INPUTS.has(inputType);
    dispatch({ type: 'typed', text: input.value, ...(whole ? { whole: read() } : {}) });
  });
  input.addEventListener('compositionstart', () => dispatch({ type: 'composing' }));
  input.addEventListener('compositionend', () => dispatch({ type: 'typed', text: input.value, whole: read() }));
}

/**
 * Whether an input method is composing in the box, as the inlined loader (`search-loader.ts`)
 * marks it from the box's first focus, before this code came.
 */
export const composing = (input: HTMLInputElement): boolean => 'composing' in input.dataset;
