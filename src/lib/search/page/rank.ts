/**
 * From Pagefind's hits (one per issue text) to the list readers see: one entry per issue, issues
 * that contain the query as typed first, each shown by the part (introduction or section) that
 * answers it. Pagefind ranks by BM25 over the words a query splits into; a query such as `H版`
 * splits into a one-letter prefix and a common character, and issues that merely mention both can
 * outrank the ones holding the string itself. Two signals fix that: matched words at consecutive
 * positions (free, from the hit list), then the text of each part, cut out of the fragments loaded
 * to show excerpts (`search-parts.ts`). The parts also keep a project filter to the projects' own
 * sections, and weed out what Pagefind returns for a word it cannot find (it retries with shorter
 * and shorter prefixes: `abc` finds every `a`), or for words that only meet across sections.
 * Pure: the fragment loader comes in as a function.
 */
import { splitParts, type SearchPart } from '../contract.ts';
import { containsQuery, countQuery } from './matcher.ts';

/** A Pagefind hit: one record (issue text) with its score and the positions of matched words. */
export interface SearchHit<Fragment> {
  id: string;
  score: number;
  /** Positions of matched words in the record. */
  words: readonly number[];
  data(): Promise<Fragment>;
}

/** What ranking needs of a loaded fragment. */
export interface HitFragment {
  /** The record's text: its parts joined. */
  content: string;
  meta: Record<string, string>;
}

/** How a part's text answers a query. */
export type Match = 'exact' | 'all-words' | 'none';

/** A part of an issue that answers the query. */
export interface PartMatch {
  part: SearchPart;
  /** Whether the part holds the query as typed (else it holds every word of it). */
  exact: boolean;
  /** Occurrences of the query as typed when exact, else of its words. */
  count: number;
}

/** One entry of the result list: an issue, the part that represents it and the others that answer. */
export interface RankedIssue<Fragment> {
  issue: string;
  /** Whether the issue's text (a part of it the search looks at) holds the query as typed. */
  exact: boolean;
  hit: SearchHit<Fragment>;
  fragment: Fragment;
  /** The part to show and link to. */
  best: PartMatch;
  /** Other parts that answer, best first. */
  others: PartMatch[];
}

/** What a search looks for in the text. */
export interface TextQuery {
  /** The query as typed. */
  query: string;
  /** The words the query was split into for Pagefind. */
  terms: readonly string[];
  /** Projects whose sections alone count; empty or absent for every part. */
  projects?: readonly string[];
}

export interface RankOptions extends TextQuery {
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
 * The parts of a record that answer the query, best first: those holding the query as typed,
 * then those holding all its words; within each, most occurrences first, then in text order.
 * With `projects`, only those projects' sections are looked at.
 */
export function matchParts(parts: readonly SearchPart[], { query, terms, projects }: TextQuery): PartMatch[] {
  const looked = projects?.length ? parts.filter((part) => part.projectId !== undefined && projects.includes(part.projectId)) : parts;
  const last = terms.length - 1;
  const matches = looked.flatMap((part): PartMatch[] => {
    const match = matchText(part.text, query, terms);
    if (match === 'none') return [];
    const count =
      match === 'exact'
        ? countQuery(part.text, query)
        : terms.reduce((sum, term, index) => sum + countQuery(part.text, term, { wholeWord: index < last }), 0);
    return [{ part, exact: match === 'exact', count }];
  });
  return matches.sort((a, b) => Number(b.exact) - Number(a.exact) || b.count - a.count || a.part.start - b.part.start);
}

/** A loaded hit as a result entry, or undefined when no part it looks at answers the query. */
export function rankHit<Fragment extends HitFragment>(
  hit: SearchHit<Fragment>,
  fragment: Fragment,
  query: TextQuery,
): RankedIssue<Fragment> | undefined {
  const [best, ...others] = matchParts(splitParts(fragment.content, fragment.meta), query);
  if (!best) return undefined;
  return { issue: fragment.meta['issue'] ?? hit.id, exact: best.exact, hit, fragment, best, others };
}

/**
 * Loads fragments, likely phrase matches first, until `limit` issues holding the query as typed are
 * found, or `limit` issues are listed, no likely phrase match is left unread and the last batch
 * held no exact match (or `budget` fragments are read). Then lists issues: those holding the query
 * first, each tier in Pagefind's order; hits where no part holds the query or all its words are dropped.
 */
export async function rankIssues<Fragment extends HitFragment>(
  hits: readonly SearchHit<Fragment>[],
  options: RankOptions,
): Promise<{ issues: RankedIssue<Fragment>[]; unread: number }> {
  const { terms, limit, budget = 5 * limit } = options;
  const rankOf = new Map(hits.map((hit, rank) => [hit, rank]));
  const queue = orderHits(hits, terms.length);
  const likely = queue.filter((hit) => isAdjacent(hit, terms.length)).length;
  const kept = new Map<string, RankedIssue<Fragment>>();
  let exactIssues = 0;
  let lastBatchExact = true;
  let next = 0;
  while (next < queue.length && next < budget) {
    if (exactIssues >= limit || (kept.size >= limit && next >= likely && !lastBatchExact)) break;
    const batch = queue.slice(next, Math.min(next + limit, budget));
    next += batch.length;
    const fragments = await Promise.all(batch.map((hit) => hit.data()));
    lastBatchExact = false;
    batch.forEach((hit, offset) => {
      const entry = rankHit(hit, fragments[offset] as Fragment, options);
      // One record per issue and locale; should an issue come twice, its first entry stands.
      if (!entry || kept.has(entry.issue)) return;
      kept.set(entry.issue, entry);
      if (entry.exact) {
        exactIssues += 1;
        lastBatchExact = true;
      }
    });
  }
  const rank = (entry: RankedIssue<Fragment>) => rankOf.get(entry.hit) ?? 0;
  const issues = [...kept.values()].sort((a, b) => Number(b.exact) - Number(a.exact) || rank(a) - rank(b));
  return { issues, unread: Math.max(0, queue.length - next) };
}
