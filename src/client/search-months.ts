/**
 * The chart of matching issues per month, in the search filters: one bar per month, each month
 * with matches a link that narrows the search to that month, and readable as text (each link says
 * its month and count). Built as DOM nodes from the counts (`month-chart.ts` lays them out); a
 * bar's height is a CSS variable set through the CSSOM, which the Content-Security-Policy allows.
 */
import type { Locale } from '../i18n/locales.ts';
import { monthStart } from '../lib/months.ts';
import { monthBars } from '../lib/search/page/month-chart.ts';

/** Bars beyond which only each year's first month is labelled. */
const LABELLED_BARS = 24;

export interface MonthLinks {
  /** The search page's address for the current search narrowed to one month. */
  hrefFor(month: string): string;
  /** The month range the search is narrowed to. */
  range(): { from?: string; to?: string };
}

type Message = (name: string, values?: Record<string, string | number>) => DocumentFragment;

/** The chart inside `root` (a figure with a caption and a list), hidden while there is nothing to show. */
export function createMonthChart(root: HTMLElement, locale: Locale, message: Message, links: MonthLinks) {
  const bars = root.querySelector('ol') as HTMLOListElement;
  const long = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', timeZone: 'UTC' });
  const short = new Intl.DateTimeFormat(locale, { month: 'short', timeZone: 'UTC' });
  const plural = new Intl.PluralRules(locale);
  const number = new Intl.NumberFormat(locale);

  function bar(entry: ReturnType<typeof monthBars>[number], labelled: boolean): HTMLLIElement {
    const item = document.createElement('li');
    item.className = 'search-months__month';
    item.classList.toggle('search-months__month--chosen', entry.chosen);
    const day = monthStart(entry.month);
    const content = entry.count > 0 ? document.createElement('a') : document.createElement('span');
    content.className = 'search-months__link';
    const count = span('search-months__count', entry.count > 0 ? number.format(entry.count) : '');
    const shape = span('search-months__bar');
    shape.style.setProperty('--share', String(entry.share));
    const label = span('search-months__label', labelled ? short.format(day) : '');
    // The year under its first month: four digits fit a bar's width in any language.
    const year = span('search-months__label', entry.yearStart ? entry.month.slice(0, 4) : '');
    for (const visual of [count, label, year]) visual.setAttribute('aria-hidden', 'true');
    content.append(count, shape, label, year);
    if (content instanceof HTMLAnchorElement) {
      content.href = links.hrefFor(entry.month);
      content.dataset['month'] = entry.month;
      if (entry.chosen) content.setAttribute('aria-current', 'true');
      const name = span('visually-hidden');
      name.append(
        message(plural.select(entry.count) === 'one' ? 'msgMonthOne' : 'msgMonthOther', {
          month: long.format(day),
          count: number.format(entry.count),
        }),
      );
      content.append(name);
    } else {
      item.setAttribute('aria-hidden', 'true');
    }
    item.append(content);
    return item;
  }

  // The months are one stop in the Tab order (over twenty years they would be hundreds), the arrow
  // keys moving between them: the month fields above do the same from the keyboard, and Tab goes on.
  const monthLinks = () => [...bars.querySelectorAll<HTMLAnchorElement>('a[data-month]')];
  function makeStop(link: HTMLAnchorElement | undefined): void {
    for (const other of monthLinks()) other.tabIndex = other === link ? 0 : -1;
  }
  bars.addEventListener('focusin', (event) => makeStop((event.target as Element).closest('a') ?? undefined));
  bars.addEventListener('keydown', (event) => {
    const all = monthLinks();
    const at = all.indexOf(event.target as HTMLAnchorElement);
    const to = { ArrowRight: at + 1, ArrowDown: at + 1, ArrowLeft: at - 1, ArrowUp: at - 1, Home: 0, End: all.length - 1 }[event.key];
    const next = to === undefined || event.altKey || event.ctrlKey || event.metaKey ? undefined : all[to];
    if (at < 0 || !next) return;
    event.preventDefault();
    next.focus();
  });

  return {
    /** Draws the counts (`YYYY-MM` → issues); hides the chart when there are none. */
    show(counts: Readonly<Record<string, number>> | undefined): void {
      const entries = monthBars(counts ?? {}, links.range());
      root.hidden = entries.length === 0;
      const labelled = entries.length <= LABELLED_BARS;
      // A month chosen from the keyboard keeps the focus on its bar, drawn anew.
      const focused = bars.contains(document.activeElement) && (document.activeElement as HTMLElement).dataset['month'];
      bars.replaceChildren(...entries.map((entry) => bar(entry, labelled)));
      const stop =
        bars.querySelector<HTMLAnchorElement>(`a[data-month="${focused}"]`) ?? bars.querySelector<HTMLAnchorElement>('a[aria-current]');
      makeStop(stop ?? monthLinks()[0]);
      if (focused) stop?.focus();
    },
  };
}

function span(className: string, text?: string): HTMLSpanElement {
  const node = document.createElement('span');
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}
