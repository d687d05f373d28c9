/**
 * From Pagefind's hits (one per issue text) to the list readers see: one entry per issue, issues
 * that contain the query as typed first, each shown by the part (introduction or section) that
 * answers it. Pagefind ranks by BM25 over the words a query splits into; a query such as `H版`
 * splits into a one-letter prefix and a common character, and issues that merely mention both can
 * outrank the ones holding the string itself. Two signals fix that: matched words at consecutive
 * positions (free, from the hit list), then the text of each part, cut out of the fragments loaded
 * to show excerpts. The parts also keep a project filter to the projects' own sections, and weed
 * out what Pagefind returns for a word it cannot find (it retries with shorter and shorter
 * prefixes: `abc` finds every `a`). Issues answering only another name of a release or project
 * the query names (`expand.ts`) come after those answering the query itself, and issues holding
 * its words only in different sections come last. Pure: the fragment loader comes in as a function.
 */
import { splitParts, type SearchPart } from '../contract.ts';
import type { QueryForm } from './expand.ts';
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

/** How a part's text answers a form of the query. */
export type Match = 'exact' | 'all-words' | 'none';

/** A part of an issue that answers the query. */
export interface PartMatch {
  part: SearchPart;
  /** Which form of the query it holds (0: the query itself; then other names, `expand.ts`). */
  form: number;
  /** Whether the part holds that form whole (else it holds every word of it). */
  exact: boolean;
  /** Occurrences of the form when exact, else of its words. */
  count: number;
  /** Whether the part's heading (its project's name, its subtitle) holds the form: a section about it. */
  heading?: boolean;
}

/**
 * One entry of the result list: an issue, the part that represents it and the others that answer.
 * Entries rank by `tier`: the query as typed in one part (0), its words in one part (1), then each
 * other name of a release or project it names likewise (2, 3, …), then words that meet only
 * across parts, last; within a tier, sections about the project the query names come first.
 */
export interface RankedIssue<Fragment> {
  issue: string;
  tier: number;
  /** Whether a part (one the search looks at) holds the query as typed: tier 0. */
  exact: boolean;
  /** The form of the query the issue answers (0: the query itself). */
  form: number;
  /** Whether the query's words are in the issue only in different parts. */
  apart: boolean;
  /** Whether the part shown is a section about the project the query names (its heading holds the query). */
  about: boolean;
  hit: SearchHit<Fragment>;
  fragment: Fragment;
  /** The part to show and link to. */
  best: PartMatch;
  /** Other parts that answer, best first. */
  others: PartMatch[];
}

/** What a search looks for in the text. */
export interface TextQuery {
  /** The forms of the query, the query itself first (`expandQuery`). */
  forms: readonly QueryForm[];
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
 * Whether a text holds a form of the query whole, or at least every word of it: whole words, but
 * for the last, which may still be being typed (so `H版` does not count every `html` and `版本`).
 * @example matchText('keystone的v2版本认证', { text: 'keystone v2 认证', words: ['keystone', 'v2', '认证'] }) // 'all-words'
 */
export function matchText(text: string, form: Pick<QueryForm, 'text' | 'words'>): Match {
  if (containsQuery(text, form.text)) return 'exact';
  return holdsWords(text, form.words) ? 'all-words' : 'none';
}

function holdsWords(text: string, words: readonly string[]): boolean {
  const last = words.length - 1;
  return last >= 0 && words.every((word, index) => containsQuery(text, word, { wholeWord: index < last }));
}

/**
 * The length of the longest run of near-consecutive positions: one position apart, or two, as
 * punctuation between words (`nova-scheduler`) takes a position of its own.
 * @example longestRun([3, 9, 10, 12, 20]) // 3
 */
export function longestRun(positions: readonly number[]): number {
  // A typed array sorts numbers without a comparator: this runs for every hit of every query.
  const sorted = Float64Array.from(positions).sort();
  let best = sorted.length ? 1 : 0;
  let run = 1;
  for (let index = 1; index < sorted.length; index += 1) {
    const gap = (sorted[index] ?? 0) - (sorted[index - 1] ?? 0);
    if (gap === 0) continue;
    run = gap <= 2 ? run + 1 : 1;
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
  return partitionHits(hits, terms).queue;
}

/** The hits, likely phrase matches first, each part in Pagefind's order; and how many are likely. */
function partitionHits<Fragment>(hits: readonly SearchHit<Fragment>[], terms: number) {
  const likely: SearchHit<Fragment>[] = [];
  const rest: SearchHit<Fragment>[] = [];
  for (const hit of hits) (isAdjacent(hit, terms) ? likely : rest).push(hit);
  return { queue: [...likely, ...rest], likely: likely.length };
}

/** The parts the search looks at: with `projects`, only those projects' sections. */
function lookedAt(parts: readonly SearchPart[], projects: readonly string[] | undefined): SearchPart[] {
  return projects?.length ? parts.filter((part) => part.projectId !== undefined && projects.includes(part.projectId)) : [...parts];
}

/**
 * The parts of a record that answer the query, best first: by the form they hold (the query
 * itself before other names), whole before word by word; then most occurrences first, then in
 * text order. With `projects`, only those projects' sections are looked at.
 */
export function matchParts(parts: readonly SearchPart[], { forms, projects }: TextQuery): PartMatch[] {
  const matches = lookedAt(parts, projects).flatMap((part): PartMatch[] => {
    for (const [form, query] of forms.entries()) {
      const match = matchText(part.text, query);
      if (match === 'none') continue;
      const last = query.words.length - 1;
      const count =
        match === 'exact'
          ? countQuery(part.text, query.text)
          : query.words.reduce((sum, word, index) => sum + countQuery(part.text, word, { wholeWord: index < last }), 0);
      const heading = !!part.bodyStart && containsQuery(part.text.slice(0, part.bodyStart), query.text);
      return [{ part, form, exact: match === 'exact', count, ...(heading ? { heading } : {}) }];
    }
    return [];
  });
  return matches.sort(
    (a, b) => tierOf(a) - tierOf(b) || Number(!!b.heading) - Number(!!a.heading) || b.count - a.count || a.part.start - b.part.start,
  );
}

const tierOf = (match: Pick<PartMatch, 'form' | 'exact'>) => 2 * match.form + (match.exact ? 0 : 1);

/**
 * When no part holds a form of the query, the parts that hold its space-separated words between
 * them, the part holding most of them first; none when some word is nowhere.
 */
export function matchApart(parts: readonly SearchPart[], { forms, projects }: TextQuery): PartMatch[] {
  const looked = lookedAt(parts, projects);
  for (const [form, query] of forms.entries()) {
    const words = query.apart;
    if (words.length < 2) continue;
    const last = words.length - 1;
    const held = looked.map((part) => ({
      part,
      words: words.filter((word, index) => containsQuery(part.text, word, { wholeWord: index < last })).length,
    }));
    const all = words.every((word, index) => looked.some((part) => containsQuery(part.text, word, { wholeWord: index < last })));
    if (!all) continue;
    return held
      .filter((entry) => entry.words > 0)
      .sort((a, b) => b.words - a.words || a.part.start - b.part.start)
      .map(({ part, words: count }) => ({ part, form, exact: false, count }));
  }
  return [];
}

/** A loaded hit as a result entry, or undefined when no part it looks at answers the query. */
export function rankHit<Fragment extends HitFragment>(
  hit: SearchHit<Fragment>,
  fragment: Fragment,
  query: TextQuery,
): RankedIssue<Fragment> | undefined {
  const parts = splitParts(fragment.content, fragment.meta);
  const together = matchParts(parts, query);
  const apart = together.length ? [] : matchApart(parts, query);
  const [best, ...others] = together.length ? together : apart;
  if (!best) return undefined;
  const tier = together.length ? tierOf(best) : 2 * query.forms.length + best.form;
  return {
    issue: fragment.meta['issue'] ?? hit.id,
    tier,
    exact: tier === 0,
    form: best.form,
    apart: !together.length,
    about: !!best.heading,
    hit,
    fragment,
    best,
    others,
  };
}

/**
 * Loads fragments, likely phrase matches first, until `limit` issues holding the query as typed are
 * found, or `limit` issues are listed, no likely phrase match is left unread and the last batch
 * held no exact match (or `budget` fragments are read). Then lists issues by tier (`RankedIssue`),
 * each tier in Pagefind's order; hits whose text holds no form of the query nor its words are dropped.
 */
export async function rankIssues<Fragment extends HitFragment>(
  hits: readonly SearchHit<Fragment>[],
  options: RankOptions,
): Promise<{ issues: RankedIssue<Fragment>[]; unread: number }> {
  const { limit, budget = 5 * limit } = options;
  const terms = options.forms[0]?.terms ?? [];
  const rankOf = new Map(hits.map((hit, rank) => [hit, rank]));
  const { queue, likely } = partitionHits(hits, terms.length);
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
  const issues = [...kept.values()].sort((a, b) => a.tier - b.tier || Number(b.about) - Number(a.about) || rank(a) - rank(b));
  return { issues, unread: Math.max(0, queue.length - next) };
}
