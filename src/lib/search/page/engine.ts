/**
 * One search as the search page runs it: filters from the request, Pagefind queried for the hits
 * (one per issue text), hits turned into a list of issues, each shown by the part that answers
 * (relevance, or newest first by walking the month filter), and on request per-project counts.
 * A project filter works in two steps: Pagefind's `project` filter keeps the issues covering a
 * chosen project, then only those projects' sections are checked for the query. Pure apart from
 * the Pagefind instance it is given.
 */
import type { Locale } from '../../../i18n/locales.ts';
import { searchFilters } from '../contract.ts';
import { rankHit, rankIssues, type HitFragment, type RankedIssue, type SearchHit } from './rank.ts';

/** What the page needs of a loaded Pagefind fragment. */
export interface PagefindFragment extends HitFragment {
  /** The record's URL: the issue page of the locale that first shows the text. */
  url: string;
}

type Filters = Record<string, unknown>;

/** Issues per page of results. */
export const PAGE_SIZE = 10;

/**
 * Issues a new search shows first, while the rest of its page loads: each issue listed needs its
 * own Pagefind fragment, and in Chromium each request has a cost of its own, in parallel or not
 * (see bench/REPORT.md). Five, more than a first screen holds (two or three at 1280 × 720), show in
 * about half the time of ten.
 */
export const FIRST_WAVE = 5;

/** The part of Pagefind's instance API a search uses. */
export interface PagefindInstance {
  /** `null`: every record the filters keep, no words searched. */
  search(
    term: string | null,
    options: { filters: Filters },
  ): Promise<{
    results: SearchHit<PagefindFragment>[];
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
  /** Projects whose sections to search; empty for every part. */
  projects: string[];
  /** Months the issue's period must touch; undefined for any. */
  months?: string[];
  order: SearchOrder;
  /** The locale of the page: only texts its pages show are searched. */
  locale: Locale;
  /** Issues wanted. */
  limit: number;
  /** Whether to count issues per project too (it costs the project filter's download). */
  counts?: boolean;
}

/**
 * Per project, Pagefind's count of issues that have a section on it and whose text has the
 * query's words (anywhere in the issue), under the other filters: not checked section by section.
 */
export type ProjectCounts = Record<string, number>;

export interface SearchOutcome {
  issues: RankedIssue<PagefindFragment>[];
  /** Pagefind's hits (issue texts), before the text is checked. */
  hits: number;
  /** When the request asked for them. */
  projectCounts?: ProjectCounts;
  /** Whether more issues may follow the ones listed. */
  more: boolean;
}

/**
 * Pagefind's search term for a query's words. Every search and the preload build it here, so what
 * is preloaded while typing is what the search then asks for.
 * @example pagefindTerm(['keystone', 'v2', '认证']) // 'keystone v2 认证'
 */
export function pagefindTerm(terms: readonly string[]): string {
  return terms.join(' ');
}

function baseFilters(request: Pick<SearchRequest, 'locale' | 'months'>): Filters {
  const base: Filters = { not: { [searchFilters.hidden]: request.locale } };
  if (request.months) base[searchFilters.month] = { any: request.months };
  return base;
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
 * Starts downloading what a search for these words will need, while the reader is still typing
 * or before Enter: the search then finds its index chunks loaded.
 */
export function preloadTerms(pagefind: PagefindInstance, terms: readonly string[], locale: Locale): Promise<void> {
  return pagefind.preload(pagefindTerm(terms), { filters: baseFilters({ locale }) });
}

/** Runs a search. */
export async function runSearch(pagefind: PagefindInstance, request: SearchRequest): Promise<SearchOutcome> {
  const base = baseFilters(request);
  const scoped: Filters = request.projects.length ? { ...base, [searchFilters.project]: { any: request.projects } } : base;
  const listed =
    request.order === 'newest' ? await listNewestFirst(pagefind, request, scoped) : await listByRelevance(pagefind, request, scoped);
  if (!request.counts) return listed;
  return { ...listed, projectCounts: await countProjects(pagefind, request, listed.issues.length) };
}

/**
 * Pagefind's counts per project for a request whose search listed `listed` issues. Pagefind
 * answers a word it cannot find with hits for shorter prefixes of it, which the text check
 * drops; when that leaves nothing listed (and no project was chosen), its counts are of those
 * hits too, and mean nothing: then none are given.
 */
export async function countProjects(pagefind: PagefindInstance, request: SearchRequest, listed: number): Promise<ProjectCounts> {
  if (listed === 0 && request.projects.length === 0) return {};
  // `none: []` filters nothing but makes Pagefind count the values.
  const { filters } = await pagefind.search(pagefindTerm(request.terms), {
    filters: { ...baseFilters(request), [searchFilters.project]: { none: [] } },
  });
  return filters[searchFilters.project] ?? {};
}

/**
 * Relevance order. A query of several words is first searched as a phrase (Pagefind's quoted
 * search: the words next to each other), which answers common words far faster than their
 * every co-occurrence; when that lists `limit` issues holding the query as typed, they are the
 * answer. Otherwise every issue holding the words is ranked.
 */
async function listByRelevance(pagefind: PagefindInstance, request: SearchRequest, filters: Filters) {
  const term = pagefindTerm(request.terms);
  const query = { query: request.text, terms: request.terms, projects: request.projects, limit: request.limit };
  if (request.terms.length > 1) {
    const phrase = await pagefind.search(`"${term}"`, { filters });
    const exact = (await rankIssues(phrase.results, query)).issues.filter((entry) => entry.exact);
    // More may follow: further phrase hits, and issues holding the words apart.
    if (exact.length >= request.limit) return { issues: exact.slice(0, request.limit), hits: phrase.results.length, more: true };
  }
  const { results } = await pagefind.search(term, { filters });
  const { issues, unread } = await rankIssues(results, query);
  return { issues: issues.slice(0, request.limit), hits: results.length, more: issues.length > request.limit || unread > 0 };
}

/**
 * Newest first without a Pagefind sort: the months that hold hits, newest first, each searched
 * on its own, until `limit` issues are listed. Periods never overlap, so ordering each month's new
 * issues by start day orders the whole list.
 */
async function listNewestFirst(pagefind: PagefindInstance, request: SearchRequest, filters: Filters) {
  const { limit } = request;
  const query = { query: request.text, terms: request.terms, projects: request.projects };
  const term = pagefindTerm(request.terms);
  const all = await pagefind.search(term, { filters: { ...filters, [searchFilters.month]: filters[searchFilters.month] ?? { none: [] } } });
  const months = Object.entries(all.filters[searchFilters.month] ?? {})
    .filter(([, count]) => count > 0)
    .map(([month]) => month)
    .sort()
    .reverse();
  const listed = new Map<string, RankedIssue<PagefindFragment>>();
  let remaining = false;
  for (const month of months) {
    if (listed.size >= limit) {
      remaining = true;
      break;
    }
    const { results } = await pagefind.search(term, { filters: { ...filters, [searchFilters.month]: month } });
    const fragments = await Promise.all(results.map((hit) => hit.data()));
    const fresh = results.flatMap((hit, index) => {
      const entry = rankHit(hit, fragments[index] as PagefindFragment, query);
      return entry && !listed.has(entry.issue) ? [entry] : [];
    });
    const dateOf = (entry: RankedIssue<PagefindFragment>) => entry.fragment.meta['date'] ?? '';
    for (const entry of fresh.sort((a, b) => dateOf(b).localeCompare(dateOf(a)))) listed.set(entry.issue, entry);
  }
  const issues = [...listed.values()];
  return { issues: issues.slice(0, limit), hits: all.results.length, more: remaining || issues.length > limit };
}
