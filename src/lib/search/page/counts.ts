/**
 * Issue counts of a search, per project and per month, for the search filters (loaded when the
 * filters are first opened, so a first search downloads none of it): the issues whose text answers
 * the query as the list checks it, or, past a budget of fragments to read, Pagefind's counts for
 * the query's words plus those of records found only by other names of what the query names.
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
import { rankHit, type TextQuery } from './rank.ts';

/** Fragments read at most to count issues: beyond it, Pagefind's counts stand in for the checked ones. */
const COUNT_BUDGET = 50;

/**
 * Issues per value of `key` among `hits`, from their fragments: only hits whose text answers the
 * query (as the list checks it, in `projects`' sections alone when given), each issue once.
 */
async function countAnswering(hits: readonly Hit[], key: string, query: TextQuery): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  const seen = new Set<string>();
  const fragments = await Promise.all(hits.map((hit) => hit.data()));
  hits.forEach((hit, index) => {
    const fragment = fragments[index];
    const answer = fragment && rankHit(hit, fragment, query);
    if (!answer || seen.has(answer.issue)) return;
    seen.add(answer.issue);
    for (const value of fragment.filters?.[key] ?? []) counts[value] = (counts[value] ?? 0) + 1;
  });
  return counts;
}

/**
 * Issues per value of a filter. Few enough hits are each read and checked as the list checks
 * them, so a count is what choosing that value would list: Pagefind also answers with records
 * holding only a shorter prefix of a word, or a word's parts apart, which the list drops. Past the
 * budget, Pagefind's counts for the query's words, plus the records found only by other names
 * (read and checked, up to the budget).
 */
async function countFilter(
  pagefind: PagefindInstance,
  forms: readonly QueryForm[],
  key: string,
  filters: Filters,
  projects: readonly string[],
) {
  const [typed, ...others] = forms;
  const query = { forms, projects };
  const filtered = { ...filters, [key]: { none: [] } };
  const own = await pagefind.search(pagefindTerm(typed?.terms ?? []), { filters: filtered });
  const found = new Set(own.results.map((hit) => hit.id));
  const extra = others.length
    ? mergeHits(await Promise.all(others.map(async (form) => (await pagefind.search(termOf(form), { filters })).results))).filter(
        (hit) => !found.has(hit.id),
      )
    : [];
  if (own.results.length + extra.length <= COUNT_BUDGET) return countAnswering([...own.results, ...extra], key, query);
  const counts = { ...own.filters[key] };
  const added = await countAnswering(extra.slice(0, COUNT_BUDGET), key, query);
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
  // A project's count holds the issues covering it with the words anywhere (choosing it then
  // checks its own section); a month's, the issues the list would show in that month.
  const [projects, months] = await Promise.all([
    countFilter(pagefind, forms, searchFilters.project, baseFilters(request), []),
    countFilter(pagefind, forms, searchFilters.month, scoped, request.projects),
  ]);
  return { projects, months };
}
