/**
 * Recall of the search against its query set: for each query, the share of its relevant issues
 * (at most `k`) found among the first `k` results; then per kind and overall. Pure: the search
 * itself comes in as a function.
 */
import type { QueryKind, SearchQuery } from './search-queries.ts';

export interface QueryOutcome {
  query: SearchQuery;
  /** Issue numbers the search listed, in order. */
  found: number[];
  /** Relevant issues among the first `k` results, over min(relevant, k); undefined without relevant issues. */
  recall?: number;
}

export interface RecallSummary {
  kind: QueryKind | 'all';
  queries: number;
  /** Mean recall@k. */
  recall: number;
  /** Queries whose relevant issues are all in the first `k` (or whose first `k` are all relevant). */
  complete: number;
}

/**
 * Recall at `k`: how many of the relevant issues the first `k` results hold, over how many they could hold.
 * @example recallAt([1, 2, 3], [3, 9, 1], 10) // 0.666…
 */
export function recallAt(relevant: readonly number[], found: readonly number[], k = 10): number | undefined {
  if (relevant.length === 0) return undefined;
  const top = new Set(found.slice(0, k));
  return relevant.filter((number) => top.has(number)).length / Math.min(relevant.length, k);
}

/** Runs every query with relevant issues through `search` (one at a time) and scores it. */
export async function measureRecall(
  queries: readonly SearchQuery[],
  search: (query: string) => Promise<number[]>,
  k = 10,
): Promise<QueryOutcome[]> {
  const outcomes: QueryOutcome[] = [];
  for (const query of queries) {
    if (query.relevant.length === 0) continue;
    const found = await search(query.query);
    const recall = recallAt(query.relevant, found, k);
    outcomes.push({ query, found, ...(recall === undefined ? {} : { recall }) });
  }
  return outcomes;
}

/** Recall per kind of query, then over all. */
export function summarizeRecall(outcomes: readonly QueryOutcome[]): RecallSummary[] {
  const scored = outcomes.filter((outcome) => outcome.recall !== undefined);
  const kinds = [...new Set(scored.map((outcome) => outcome.query.kind))];
  const summarize = (kind: QueryKind | 'all', group: readonly QueryOutcome[]): RecallSummary => ({
    kind,
    queries: group.length,
    recall: group.reduce((sum, outcome) => sum + (outcome.recall ?? 0), 0) / Math.max(group.length, 1),
    complete: group.filter((outcome) => outcome.recall === 1).length,
  });
  return [
    ...kinds.map((kind) =>
      summarize(
        kind,
        scored.filter((outcome) => outcome.query.kind === kind),
      ),
    ),
    summarize('all', scored),
  ];
}

/** The summary as a Markdown table, then every query that missed a relevant issue. */
export function formatRecallReport(outcomes: readonly QueryOutcome[], k = 10): string {
  const rows = summarizeRecall(outcomes).map((row) => `| ${row.kind} | ${row.queries} | ${row.recall.toFixed(3)} | ${row.complete} |`);
  const misses = outcomes
    .filter((outcome) => outcome.recall !== undefined && outcome.recall < 1)
    .map(
      (outcome) =>
        `- ${JSON.stringify(outcome.query.query)}: relevant ${outcome.query.relevant.join(', ')}; listed ${outcome.found.slice(0, k).join(', ') || 'nothing'}`,
    );
  return [
    `| queries | count | recall@${k} | all relevant in top ${k} |`,
    '| --- | --- | --- | --- |',
    ...rows,
    '',
    ...(misses.length ? ['Missed:', ...misses] : ['No query missed a relevant issue.']),
  ].join('\n');
}
