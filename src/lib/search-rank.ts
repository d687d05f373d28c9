/**
 * From Pagefind's section hits to the list readers see: one entry per issue, issues that
 * contain the query as typed first. Pagefind ranks by BM25 over the words a query splits into;
 * a query such as `H版` splits into a one-letter prefix and a common character, and sections that
 * merely mention both can outrank the ones holding the string itself. Two signals fix that:
 * matched words at consecutive positions (free, from the hit list), then the section's own text
 * (from the fragments loaded to show excerpts). The text also weeds out what Pagefind returns for
 * a word it cannot find (it retries with shorter and shorter prefixes: `abc` finds every `a`).
 * Pure: the fragment loader comes in as a function.
 */
import { containsQuery } from './search-text.ts';

/** A Pagefind hit: one record (issue part) with its score and the positions of matched words. */
export interface SearchHit<Fragment> {
  id: string;
  score: number;
  /** Positions of matched words in the record. */
  words: readonly number[];
  data(): Promise<Fragment>;
}

/** What ranking needs of a loaded fragment. */
export interface HitFragment {
  /** The record's text. */
  content: string;
  meta: Record<string, string>;
}

/** How a section's text answers a query. */
export type Match = 'exact' | 'all-words' | 'none';

/** A loaded hit. */
export interface LoadedHit<Fragment> {
  hit: SearchHit<Fragment>;
  fragment: Fragment;
}

/** One entry of the result list: an issue, the hit that represents it and the others in it. */
export interface RankedIssue<Fragment> {
  issue: string;
  /** Whether the issue's text holds the query as typed. */
  exact: boolean;
  /** The hit to show and link to: the best exact hit, else the best hit. */
  best: LoadedHit<Fragment>;
  /** Other matching hits of the same issue, best first. */
  others: LoadedHit<Fragment>[];
}

export interface RankOptions {
  /** The query as typed. */
  query: string;
  /** The words the query was split into for Pagefind. */
  terms: readonly string[];
  /** Issues wanted. */
  limit: number;
  /** Fragments loaded at most (default: five times `limit`). */
  budget?: number;
}

/**
 * Whether a text holds the query as typed, or at least every word of it: whole words, but for
 * the last, which may still be being typed (so `H版` does not count every `html` and `版本`).
 * @example matchText('keystone的v2版本认证', 'keystone v2 认证', ['keystone', 'v2', '认证']) // 'all-words'
 */
export function matchText(text: string, query: string, terms: readonly string[]): Match {
  if (containsQuery(text, query)) return 'exact';
  const last = terms.length - 1;
  return last >= 0 && terms.every((term, index) => containsQuery(text, term, { wholeWord: index < last })) ? 'all-words' : 'none';
}

/**
 * The length of the longest run of near-consecutive positions: one position apart, or two, as
 * punctuation between words (`nova-scheduler`) takes a position of its own.
 * @example longestRun([3, 9, 10, 12, 20]) // 3
 */
export function longestRun(positions: readonly number[]): number {
  const sorted = [...new Set(positions)].sort((a, b) => a - b);
  let best = sorted.length ? 1 : 0;
  let run = 1;
  for (let index = 1; index < sorted.length; index += 1) {
    run = (sorted[index] ?? 0) - (sorted[index - 1] ?? 0) <= 2 ? run + 1 : 1;
    best = Math.max(best, run);
  }
  return best;
}

/** Whether a hit's matched words include a run as long as the query: a likely phrase match. */
function isAdjacent(hit: SearchHit<unknown>, terms: number): boolean {
  return terms >= 2 && longestRun(hit.words) >= terms;
}

/**
 * Orders hits so that likely phrase matches (all query words at consecutive positions) come first,
 * Pagefind's order otherwise. Stable.
 */
export function orderHits<Fragment>(hits: readonly SearchHit<Fragment>[], terms: number): SearchHit<Fragment>[] {
  return [...hits.filter((hit) => isAdjacent(hit, terms)), ...hits.filter((hit) => !isAdjacent(hit, terms))];
}

/**
 * Loads fragments, likely phrase matches first, until `limit` issues holding the query as typed are
 * found, or `limit` issues are listed, no likely phrase match is left unread and the last batch
 * held no exact match (or `budget` fragments are read). Then lists issues: those holding the query
 * first, each tier in Pagefind's order; hits holding neither the query nor all its words are dropped.
 */
export async function rankIssues<Fragment extends HitFragment>(hits: readonly SearchHit<Fragment>[], options: RankOptions): Promise<{ issues: RankedIssue<Fragment>[]; unread: number }> {
  const { query, terms, limit, budget = 5 * limit } = options;
  const rankOf = new Map(hits.map((hit, rank) => [hit, rank]));
  const queue = orderHits(hits, terms.length);
  const likely = queue.filter((hit) => isAdjacent(hit, terms.length)).length;
  const kept: (LoadedHit<Fragment> & { exact: boolean; rank: number })[] = [];
  const exactIssues = new Set<string>();
  const issues = new Set<string>();
  let lastBatchExact = true;
  let next = 0;
  for (; next < queue.length && next < budget; next += limit) {
    if (exactIssues.size >= limit || (issues.size >= limit && next >= likely && !lastBatchExact)) break;
    const batch = queue.slice(next, next + limit);
    const fragments = await Promise.all(batch.map((hit) => hit.data()));
    lastBatchExact = false;
    batch.forEach((hit, offset) => {
      const fragment = fragments[offset] as Fragment;
      const match = matchText(fragment.content, query, terms);
      if (match === 'none') return;
      const issue = issueOf(hit, fragment);
      issues.add(issue);
      if (match === 'exact') {
        exactIssues.add(issue);
        lastBatchExact = true;
      }
      kept.push({ hit, fragment, exact: match === 'exact', rank: rankOf.get(hit) ?? 0 });
    });
  }
  kept.sort((a, b) => Number(b.exact) - Number(a.exact) || a.rank - b.rank);
  return { issues: groupByIssue(kept), unread: Math.max(0, queue.length - next) };
}

/** Groups hits (best first) into one entry per issue, in order of each issue's best hit. */
export function groupByIssue<Fragment extends HitFragment>(hits: readonly (LoadedHit<Fragment> & { exact: boolean })[]): RankedIssue<Fragment>[] {
  const byIssue = new Map<string, RankedIssue<Fragment>>();
  for (const { hit, fragment, exact } of hits) {
    const issue = issueOf(hit, fragment);
    const existing = byIssue.get(issue);
    if (existing) existing.others.push({ hit, fragment });
    else byIssue.set(issue, { issue, exact, best: { hit, fragment }, others: [] });
  }
  return [...byIssue.values()];
}

function issueOf(hit: SearchHit<unknown>, fragment: HitFragment): string {
  return fragment.meta['issue'] ?? hit.id;
}
