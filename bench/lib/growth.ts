/**
 * How cost grows with the archive: time per issue, the cost of each added issue between two
 * sizes, bytes per page and per issue, and the weight of the same issue's page as the archive
 * grows. Linear growth means an added issue costs the same at any size and a page does not
 * carry the archive (a list of every issue) with it.
 */
import { formatBytes, formatCount, formatMs, formatRatio } from './figures.ts';
import type { SizeResult } from './results.ts';

export interface GrowthRow {
  label: string;
  issues: number;
  wallMs: number;
  msPerIssue: number;
  /** Build time each issue added since the previous size cost: (T − T₀) / (N − N₀). */
  marginalMsPerIssue?: number;
  distBytesPerIssue?: number;
  htmlBytesPerPage?: number;
  pagesPerIssue?: number;
  searchIndexBytesPerIssue?: number;
  /** The typical issue's Chinese page, raw HTML bytes, and its number. */
  issuePageHtml?: number;
  issueNumber?: number;
  firstSearchBytes?: number;
  /** The search page before searching, raw HTML bytes. */
  searchPageHtml?: number;
  /** Pagefind's metadata file, which every first search downloads whole. */
  searchMetaBytes?: number;
}

/** A marginal cost may rise this much from one step to the next and still count as linear (noise of a shared machine). */
export const linearTolerance = 0.25;
/** The same page may differ this much between sizes (neighbour links, longer numbers) and still count as constant. */
export const pageTolerance = 0.02;

/** One row per built archive, smallest first. */
export function growthRows(sizes: readonly SizeResult[]): GrowthRow[] {
  const built = sizes.filter((size) => !size.build.error).sort((a, b) => a.issues - b.issues);
  return built.map((size, index) => {
    const previous = built[index - 1];
    const wallMs = size.build.wallMs.median;
    const page = size.issuePage?.pages[0];
    const firstSearch = size.search?.cold.map((cold) => cold.totalBytes.median);
    const searchPage = size.search?.cold[0]?.page.html.raw;
    const meta = size.search?.cold[0]?.files.find((file) => file.path.endsWith('.pf_meta'))?.raw;
    return {
      label: size.label,
      issues: size.issues,
      wallMs,
      msPerIssue: wallMs / size.issues,
      ...(previous && size.issues > previous.issues
        ? { marginalMsPerIssue: (wallMs - previous.build.wallMs.median) / (size.issues - previous.issues) }
        : {}),
      ...(size.site
        ? {
            distBytesPerIssue: size.site.distBytes / size.issues,
            htmlBytesPerPage: size.site.htmlBytes / size.site.pages,
            pagesPerIssue: size.site.pages / size.issues,
            searchIndexBytesPerIssue: size.site.searchIndexBytes / size.issues,
          }
        : {}),
      ...(page && size.issuePage ? { issuePageHtml: page.html.raw, issueNumber: size.issuePage.number } : {}),
      ...(firstSearch?.length ? { firstSearchBytes: Math.max(...firstSearch) } : {}),
      ...(searchPage === undefined ? {} : { searchPageHtml: searchPage }),
      ...(meta === undefined ? {} : { searchMetaBytes: meta }),
    };
  });
}

export interface GrowthVerdict {
  /** Build time grows linearly (or better); undefined with fewer than three sizes. */
  linearTime?: boolean;
  /** Pages keep their weight as the archive grows; undefined without two synthetic sizes. */
  constantPages?: boolean;
  /** The search page and a first search keep their weight as the archive grows; undefined without two synthetic sizes. */
  constantSearch?: boolean;
  sentences: string[];
}

/** What the rows say about growth, in sentences for the report. */
export function judgeGrowth(rows: readonly GrowthRow[]): GrowthVerdict {
  const sentences: string[] = [];
  if (rows.length === 0) return { sentences: ['No archive was built.'] };
  sentences.push(
    `Time per issue: ${rows.map((row) => `${formatMs(row.msPerIssue)} at ${formatCount(row.issues)}`).join(', ')} (the smallest archive carries the build's fixed start-up cost, so its time per issue is high).`,
  );
  const steps = rows.filter((row) => row.marginalMsPerIssue !== undefined);
  let linearTime: boolean | undefined;
  if (steps.length) {
    const from = (row: GrowthRow) => (rows[rows.indexOf(row) - 1] ?? row).issues;
    sentences.push(
      `Each added issue cost ${steps.map((row) => `${formatMs(row.marginalMsPerIssue ?? 0)} from ${formatCount(from(row))} to ${formatCount(row.issues)}`).join(', then ')}.`,
    );
  }
  if (steps.length >= 2) {
    const [before, last] = [steps.at(-2)?.marginalMsPerIssue ?? 0, steps.at(-1)?.marginalMsPerIssue ?? 0];
    linearTime = last <= before * (1 + linearTolerance);
    sentences.push(
      linearTime
        ? `The last step cost ${formatRatio(last / before)}× the previous one per issue: build time grows linearly (within ${linearTolerance * 100}%).`
        : `The last step cost ${formatRatio(last / before)}× the previous one per issue: build time grows faster than linearly.`,
    );
  }
  // The same issue's page at two synthetic sizes: the typical issue is chosen among the first 1,000, which every synthetic archive shares.
  const synthetic = rows.filter((row) => row.label !== 'corpus' && row.issuePageHtml !== undefined);
  let constantPages: boolean | undefined;
  const [small, large] = [synthetic[0], synthetic.at(-1)];
  if (small && large && small !== large && small.issueNumber === large.issueNumber) {
    const change = (large.issuePageHtml ?? 0) / (small.issuePageHtml ?? 1) - 1;
    const perPage = (large.htmlBytesPerPage ?? 0) / (small.htmlBytesPerPage ?? 1) - 1;
    constantPages = Math.abs(change) <= pageTolerance;
    sentences.push(
      `The same page (issue ${small.issueNumber}) weighs ${formatBytes(small.issuePageHtml ?? 0)} of HTML at ${formatCount(small.issues)} issues and ${formatBytes(large.issuePageHtml ?? 0)} at ${formatCount(large.issues)} (${signed(change)}): ${constantPages ? 'an issue page does not grow with the archive' : 'an issue page grows with the archive'}. The average page goes from ${formatBytes(small.htmlBytesPerPage ?? 0)} to ${formatBytes(large.htmlBytesPerPage ?? 0)} of HTML (${signed(perPage)}), the site from ${formatBytes(small.distBytesPerIssue ?? 0)} to ${formatBytes(large.distBytesPerIssue ?? 0)} per issue.`,
    );
  }
  const indexed = rows.filter((row) => row.searchIndexBytesPerIssue !== undefined && row.label !== 'corpus');
  if (indexed.length >= 2)
    sentences.push(
      `The search index takes ${indexed.map((row) => `${formatBytes(row.searchIndexBytesPerIssue ?? 0)} per issue at ${formatCount(row.issues)}`).join(', ')}.`,
    );
  // What one reader downloads to search should not grow with the archive either.
  const searched = synthetic.filter((row) => row.firstSearchBytes !== undefined && row.searchPageHtml !== undefined);
  const [fewest, most] = [searched[0], searched.at(-1)];
  let constantSearch: boolean | undefined;
  if (fewest && most && fewest !== most) {
    const pageChange = (most.searchPageHtml ?? 0) / (fewest.searchPageHtml ?? 1) - 1;
    const searchChange = (most.firstSearchBytes ?? 0) / (fewest.firstSearchBytes ?? 1) - 1;
    constantSearch = Math.abs(pageChange) <= pageTolerance && searchChange <= linearTolerance;
    const at = (row: GrowthRow, value: number | undefined) => `${formatBytes(value ?? 0)} at ${formatCount(row.issues)}`;
    sentences.push(
      `The search page (before searching) weighs ${at(fewest, fewest.searchPageHtml)} and ${at(most, most.searchPageHtml)} of HTML (${signed(pageChange)}); a first search fetches ${at(fewest, fewest.firstSearchBytes)} and ${at(most, most.firstSearchBytes)} (${signed(searchChange)}, the heaviest of the three queries, search code included)` +
        (fewest.searchMetaBytes !== undefined && most.searchMetaBytes !== undefined
          ? `, of which Pagefind's metadata, downloaded whole by every first search, is ${at(fewest, fewest.searchMetaBytes)} and ${at(most, most.searchMetaBytes)}`
          : '') +
        `: ${constantSearch ? 'searching costs a reader the same at any size' : 'what a reader downloads to search grows with the archive'}.`,
    );
  }
  return {
    ...(linearTime === undefined ? {} : { linearTime }),
    ...(constantPages === undefined ? {} : { constantPages }),
    ...(constantSearch === undefined ? {} : { constantSearch }),
    sentences,
  };
}

function signed(change: number): string {
  return `${change >= 0 ? '+' : '−'}${Math.abs(change * 100).toFixed(1)}%`;
}
