/**
 * One search as the search page runs it: the query's forms (`expand.ts`: folded, and other names
 * of a release or project it names), filters from the request, Pagefind queried for the hits (one
 * per issue text), hits turned into a list of issues, each shown by the part that answers
 * (relevance, or newest first by walking the month filter), and on request issue counts per
 * project and per month. A project filter works in two steps: Pagefind's `project` filter keeps
 * the issues covering a chosen project, then only those projects' sections are checked for the
 * query. Pure apart from the Pagefind instance it is given.
 */
import type { Locale } from '../../../i18n/locales.ts';
import { searchFilters } from '../contract.ts';
import { formsOf, noVocabulary, type QueryForm, type QueryVocabulary } from './expand.ts';
import { pagefindTerm } from './query.ts';
import { rankIssues, type HitFragment, type RankedIssue, type SearchHit } from './rank.ts';

/** What the page needs of a loaded Pagefind fragment. */
export interface PagefindFragment extends HitFragment {
  /** The record's URL: the issue page of the locale that first shows the text. */
  url: string;
  /** The record's filter values (`month`, `project`), for counting issues found by other names. */
  filters?: Record<string, string[]>;
}

export type Filters = Record<string, unknown>;

/** Issues per page of results. */
export const PAGE_SIZE = 10;

/**
 * Issues a new search shows first, while the rest of its page loads: each issue listed needs its
 * own Pagefind fragment, and in Chromium each request has a cost of its own, in parallel or not
 * (see bench/REPORT.md). Five, more than a first screen holds (two or three at 1280 × 720), show
 * well before ten would; the report has the times of both.
 */
export const FIRST_WAVE = 5;

export type Hit = SearchHit<PagefindFragment>;

/** The part of Pagefind's instance API a search uses. */
export interface PagefindInstance {
  /** `null`: every record the filters keep, no words searched. */
  search(
    term: string | null,
    options: { filters: Filters },
  ): Promise<{
    results: Hit[];
    filters: Record<string, Record<string, number>>;
  }>;
  /** Downloads the index and filter chunks a search for `term` would need, without searching. */
  preload(term: string, options: { filters: Filters }): Promise<void>;
}

export type SearchOrder = 'relevance' | 'newest';

export interface SearchRequest {
  /** The query as typed (checked). */
  text: string;
  /** Its words, as given to Pagefind. */
  terms: string[];
  /** Whether to look for the words exactly as typed, without other names of what they name. */
  exact?: boolean;
  /** Projects whose sections to search; empty for every part. */
  projects: string[];
  /** Months the issue's period must touch; undefined for any. */
  months?: string[];
  order: SearchOrder;
  /** The locale of the page: only texts its pages show are searched. */
  locale: Locale;
  /** Issues wanted. */
  limit: number;
  /** Whether to count issues per project and month too (it costs those filters' downloads). */
  counts?: boolean;
}

/**
 * Pagefind's counts of issues whose text has the query's words (anywhere in the issue), plus
 * those found by other names of what it names: per project (issues with a section on it, under
 * the request's filters) and per month (issues whose period touches it, under every filter but
 * the months). Not checked section by section.
 */
export interface IssueCounts {
  projects: Record<string, number>;
  months: Record<string, number>;
}

export interface SearchOutcome {
  issues: RankedIssue<PagefindFragment>[];
  /** What was looked for: the query itself first, then other names (`expand.ts`). */
  forms: QueryForm[];
  /** The other names of what the query names, looked for unless `exact`. */
  others: QueryForm[];
  /** Whether the words were looked for exactly as typed. */
  exact: boolean;
  /** Pagefind's hits (issue texts), before the text is checked. */
  hits: number;
  /** When the request asked for them. */
  counts?: IssueCounts;
  /** Whether more issues may follow the ones listed. */
  more: boolean;
}

/** Pagefind's term for a form of the query: its words, or quoted for a phrase. */
export function termOf(form: QueryForm): string {
  return form.phrase ? `"${pagefindTerm(form.terms)}"` : pagefindTerm(form.terms);
}

/**
 * A month filter value no record has: what a range of months outside the archive (`?from=2099-01`)
 * asks for, since Pagefind reads an empty `any` as no filter at all and would list every issue.
 */
const NO_MONTH = 'none';

/** The filters every search of a request applies: the page's locale, and its months. */
export function baseFilters(request: Pick<SearchRequest, 'locale' | 'months'>): Filters {
  const base: Filters = { not: { [searchFilters.hidden]: request.locale } };
  if (request.months) base[searchFilters.month] = { any: request.months.length ? request.months : [NO_MONTH] };
  return base;
}

/** The hits of several searches, each record once, in the order the searches came. */
export function mergeHits(lists: readonly (readonly Hit[])[]): Hit[] {
  const seen = new Set<string>();
  return lists.flat().filter((hit) => !seen.has(hit.id) && seen.add(hit.id));
}

/**
 * Readies Pagefind for a first search while the reader types it. A search by filter alone
 * (every text the page's language shows, no words, so no index chunk to download) runs
 * Pagefind's WebAssembly and result handling once, so the first real search does not pay for
 * that (see bench/REPORT.md).
 */
export async function warmUp(pagefind: PagefindInstance, locale: Locale): Promise<void> {
  await pagefind.search(null, { filters: baseFilters({ locale }) });
}

/**
 * Starts downloading what a search for this query will need (its words, and those of other names
 * of what it names), while the reader is still typing or before Enter: the search then finds its
 * index chunks loaded.
 */
export async function preloadQuery(
  pagefind: PagefindInstance,
  text: string,
  locale: Locale,
  vocabulary: QueryVocabulary = noVocabulary,
): Promise<void> {
  const filters = baseFilters({ locale });
  await Promise.all(formsOf({ text }, vocabulary).map((form) => pagefind.preload(pagefindTerm(form.terms), { filters })));
}

/** Runs a search. */
export async function runSearch(
  pagefind: PagefindInstance,
  request: SearchRequest,
  vocabulary: QueryVocabulary = noVocabulary,
): Promise<SearchOutcome> {
  const [typed, ...others] = formsOf({ text: request.text }, vocabulary) as [QueryForm, ...QueryForm[]];
  const exact = request.exact ?? false;
  const forms = exact ? [typed] : [typed, ...others];
  const base = baseFilters(request);
  const scoped: Filters = request.projects.length ? { ...base, [searchFilters.project]: { any: request.projects } } : base;
  // Newest first and counting are loaded when first asked for: a first search downloads neither.
  const listed =
    request.order === 'newest'
      ? await (await import('./newest.ts')).listNewestFirst(pagefind, request, scoped, forms)
      : await listByRelevance(pagefind, request, scoped, forms);
  const outcome = { ...listed, forms, others, exact };
  if (!request.counts) return outcome;
  const { countIssues } = await import('./counts.ts');
  return { ...outcome, counts: await countIssues(pagefind, request, listed.issues.length, vocabulary) };
}

/**
 * Relevance order. A query of several words is first searched as a phrase (Pagefind's quoted
 * search: the words next to each other), which answers common words far faster than their
 * every co-occurrence; when that lists `limit` issues holding the query as typed, they are the
 * answer. Otherwise every issue holding the words is ranked, with those found by other names.
 */
async function listByRelevance(pagefind: PagefindInstance, request: SearchRequest, filters: Filters, forms: QueryForm[]) {
  const [typed, ...others] = forms as [QueryForm, ...QueryForm[]];
  const term = pagefindTerm(typed.terms);
  const query = { forms, projects: request.projects, limit: request.limit };
  if (typed.terms.length > 1) {
    const phrase = await pagefind.search(`"${term}"`, { filters });
    // Fewer phrase hits than issues wanted cannot fill the list: their texts need not be read first.
    if (phrase.results.length >= request.limit) {
      const exact = (await rankIssues(phrase.results, query)).issues.filter((entry) => entry.exact);
      // More may follow: further phrase hits, issues holding the words apart, other names.
      if (exact.length >= request.limit) return { issues: exact.slice(0, request.limit), hits: phrase.results.length, more: true };
    }
  }
  const searches = await Promise.all([term, ...others.map(termOf)].map((each) => pagefind.search(each, { filters })));
  const hits = mergeHits(searches.map((search) => search.results));
  const { issues, unread } = await rankIssues(hits, query);
  return { issues: issues.slice(0, request.limit), hits: hits.length, more: issues.length > request.limit || unread > 0 };
}
