/**
 * Issue counts of a search, per project and per month, for the search filters (loaded when the
 * filters are first opened, so a first search downloads none of it): Pagefind's counts for the
 * query's words, plus those of records found only by other names of what the query names.
 */
import { searchFilters } from '../contract.ts';
import {
  baseFilters,
  mergeHits,
  termOf,
  type Filters,
  type Hit,
  type IssueCounts,
  type PagefindInstance,
  type SearchRequest,
} from './engine.ts';
import { formsOf, noVocabulary, type QueryForm, type QueryVocabulary } from './expand.ts';
import { pagefindTerm } from './query.ts';

/** Fragments read at most to count issues found only by other names of what the query names. */
const COUNT_BUDGET = 50;

/** Counts of every value of `key` over records, from their fragments. */
async function countFromFragments(hits: readonly Hit[], key: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const fragment of await Promise.all(hits.map((hit) => hit.data()))) {
    for (const value of fragment.filters?.[key] ?? []) counts[value] = (counts[value] ?? 0) + 1;
  }
  return counts;
}

/**
 * Issues per value of a filter: Pagefind's counts for the query's words, plus, for records found
 * only by other names, their own values (read from their fragments, up to a budget).
 */
async function countFilter(pagefind: PagefindInstance, forms: readonly QueryForm[], key: string, filters: Filters) {
  const [typed, ...others] = forms;
  const filtered = { ...filters, [key]: { none: [] } };
  const own = await pagefind.search(pagefindTerm(typed?.terms ?? []), { filters: filtered });
  const counts = { ...own.filters[key] };
  if (!others.length) return counts;
  const found = new Set(own.results.map((hit) => hit.id));
  const extra = mergeHits(await Promise.all(others.map(async (form) => (await pagefind.search(termOf(form), { filters })).results)));
  const added = await countFromFragments(extra.filter((hit) => !found.has(hit.id)).slice(0, COUNT_BUDGET), key);
  for (const [value, count] of Object.entries(added)) counts[value] = (counts[value] ?? 0) + count;
  return counts;
}

/**
 * Issue counts for a request whose search listed `listed` issues. Pagefind answers a word it cannot
 * find with hits for shorter prefixes of it, which the text check drops; when that leaves nothing
 * listed (and no project was chosen), its counts are of those hits too, and mean nothing: then
 * none are given.
 */
export async function countIssues(
  pagefind: PagefindInstance,
  request: SearchRequest,
  listed: number,
  vocabulary: QueryVocabulary = noVocabulary,
): Promise<IssueCounts> {
  if (listed === 0 && request.projects.length === 0) return { projects: {}, months: {} };
  const forms = formsOf(request, vocabulary);
  // Per project: under the other filters. Per month: under every filter but the months, so the
  // chart shows where else the words are.
  const unranged = baseFilters({ locale: request.locale });
  const scoped = request.projects.length ? { ...unranged, [searchFilters.project]: { any: request.projects } } : unranged;
  const [projects, months] = await Promise.all([
    countFilter(pagefind, forms, searchFilters.project, baseFilters(request)),
    countFilter(pagefind, forms, searchFilters.month, scoped),
  ]);
  return { projects, months };
}
