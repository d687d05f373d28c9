/**
 * Newest first, loaded when first asked for (a first search, by relevance, downloads none of it).
 */
import { searchFilters } from '../contract.ts';
import { mergeHits, termOf, type Filters, type PagefindFragment, type PagefindInstance, type SearchRequest } from './engine.ts';
import type { QueryForm } from './expand.ts';
import { pagefindTerm } from './query.ts';
import { rankHit, type RankedIssue } from './rank.ts';

/**
 * Newest first without a Pagefind sort: the months of the range that hold hits, newest first, each
 * searched on its own, until `limit` issues are listed. An issue in the range touches one of its
 * months, and is listed under the newest of them; periods never overlap, so ordering each month's
 * new issues by start day orders the whole list.
 */
export async function listNewestFirst(pagefind: PagefindInstance, request: SearchRequest, filters: Filters, forms: QueryForm[]) {
  const { limit } = request;
  const query = { forms, projects: request.projects };
  const terms = forms.map((form, index) => (index === 0 ? pagefindTerm(form.terms) : termOf(form)));
  const counted = { ...filters, [searchFilters.month]: filters[searchFilters.month] ?? { none: [] } };
  const all = await Promise.all(terms.map((term) => pagefind.search(term, { filters: counted })));
  const inRange = (month: string) => !request.months || request.months.includes(month);
  const months = [
    ...new Set(
      all.flatMap((search) =>
        Object.entries(search.filters[searchFilters.month] ?? {}).flatMap(([month, count]) => (count > 0 ? [month] : [])),
      ),
    ),
  ]
    .filter(inRange)
    .sort()
    .reverse();
  const listed = new Map<string, RankedIssue<PagefindFragment>>();
  let remaining = false;
  for (const month of months) {
    if (listed.size >= limit) {
      remaining = true;
      break;
    }
    // The month alone: it lies in the range, so an issue touching it does too.
    const monthFilters = { ...filters, [searchFilters.month]: month };
    const results = mergeHits(
      (await Promise.all(terms.map((term) => pagefind.search(term, { filters: monthFilters })))).map((search) => search.results),
    );
    const fragments = await Promise.all(results.map((hit) => hit.data()));
    const fresh = results.flatMap((hit, index) => {
      const entry = rankHit(hit, fragments[index] as PagefindFragment, query);
      return entry && !listed.has(entry.issue) ? [entry] : [];
    });
    const dateOf = (entry: RankedIssue<PagefindFragment>) => entry.fragment.meta['date'] ?? '';
    for (const entry of fresh.sort((a, b) => dateOf(b).localeCompare(dateOf(a)))) listed.set(entry.issue, entry);
  }
  const issues = [...listed.values()];
  return {
    issues: issues.slice(0, limit),
    hits: mergeHits(all.map((search) => search.results)).length,
    more: remaining || issues.length > limit,
  };
}
