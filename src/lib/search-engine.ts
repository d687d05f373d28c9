/**
 * One search as the search page runs it: filters from the request, Pagefind queried for the hits
 * and for per-project counts, hits turned into a list of issues (relevance, or newest first by
 * walking the month filter). Pure apart from the Pagefind instance it is given.
 */
import type { Locale } from '../i18n/locales.ts';
import { searchFilters } from './search-records.ts';
import { groupByIssue, matchText, rankIssues, type HitFragment, type LoadedHit, type RankedIssue, type SearchHit } from './search-rank.ts';

/** What the page needs of a loaded Pagefind fragment. */
export interface PagefindFragment extends HitFragment {
  /** The record's URL: a locale-neutral path, with the section's anchor. */
  url: string;
  /** Pagefind's excerpt: text with `<` and `>` escaped and matched words in `<mark>`. */
  excerpt: string;
}

type Filters = Record<string, unknown>;

/** The part of Pagefind's instance API a search uses. */
export interface PagefindInstance {
  search(term: string, options: { filters: Filters }): Promise<{
    results: SearchHit<PagefindFragment>[];
    filters: Record<string, Record<string, number>>;
  }>;
}

export type SearchOrder = 'relevance' | 'newest';

export interface SearchRequest {
  /** The query as typed (checked). */
  text: string;
  /** Its words, as given to Pagefind. */
  terms: string[];
  /** Projects whose sections to search; empty for everything. */
  projects: string[];
  /** Months the issue's period must touch; undefined for any. */
  months?: string[];
  order: SearchOrder;
  /** The locale of the page: only texts its pages show are searched. */
  locale: Locale;
  /** Issues wanted. */
  limit: number;
}

export interface SearchOutcome {
  issues: RankedIssue<PagefindFragment>[];
  /** Pagefind's hits (sections and introductions), before the text is checked. */
  hits: number;
  /** Issues per project matching the query in that project's section, under the other filters. */
  projectCounts: Record<string, number>;
  /** Whether more issues may follow the ones listed. */
  more: boolean;
}

/** Runs a search. */
export async function runSearch(pagefind: PagefindInstance, request: SearchRequest): Promise<SearchOutcome> {
  const term = request.terms.join(' ');
  const base: Filters = { not: { [searchFilters.hidden]: request.locale } };
  if (request.months) base[searchFilters.month] = { any: request.months };
  // `none: []` filters nothing but makes Pagefind count the values.
  const counted = await pagefind.search(term, { filters: { ...base, [searchFilters.project]: { none: [] } } });
  const projectCounts = counted.filters[searchFilters.project] ?? {};
  const scoped: Filters = request.projects.length ? { ...base, [searchFilters.project]: { any: request.projects } } : base;
  const listed = request.order === 'newest' ? await listNewestFirst(pagefind, request, scoped) : await listByRelevance(pagefind, request, scoped, counted.results);
  // Pagefind answers a word it cannot find with hits for shorter prefixes of it, which the text
  // check drops; then its counts are of those hits too, and mean nothing.
  const meaningless = listed.issues.length === 0 && request.projects.length === 0;
  return { ...listed, projectCounts: meaningless ? {} : projectCounts };
}

async function listByRelevance(pagefind: PagefindInstance, request: SearchRequest, filters: Filters, unscoped: SearchHit<PagefindFragment>[]) {
  const hits = request.projects.length ? (await pagefind.search(request.terms.join(' '), { filters })).results : unscoped;
  const { issues, unread } = await rankIssues(hits, { query: request.text, terms: request.terms, limit: request.limit });
  return { issues: issues.slice(0, request.limit), hits: hits.length, more: issues.length > request.limit || unread > 0 };
}

/**
 * Newest first without a Pagefind sort: the months that hold hits, newest first, each searched
 * on its own, until `limit` issues are listed. Periods never overlap, so ordering each month's new
 * issues by start day orders the whole list.
 */
async function listNewestFirst(pagefind: PagefindInstance, request: SearchRequest, filters: Filters) {
  const { limit, text } = request;
  const term = request.terms.join(' ');
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
    const kept: (LoadedHit<PagefindFragment> & { exact: boolean })[] = [];
    results.forEach((hit, index) => {
      const fragment = fragments[index] as PagefindFragment;
      const match = matchText(fragment.content, text, request.terms);
      if (match !== 'none' && !listed.has(fragment.meta['issue'] ?? hit.id)) kept.push({ hit, fragment, exact: match === 'exact' });
    });
    const dateOf = (entry: RankedIssue<PagefindFragment>) => entry.best.fragment.meta['date'] ?? '';
    const fresh = groupByIssue(kept.sort((a, b) => Number(b.exact) - Number(a.exact)));
    for (const entry of fresh.sort((a, b) => dateOf(b).localeCompare(dateOf(a)))) listed.set(entry.issue, entry);
  }
  const issues = [...listed.values()];
  return { issues: issues.slice(0, limit), hits: all.results.length, more: remaining || issues.length > limit };
}
