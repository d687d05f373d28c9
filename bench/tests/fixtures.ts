/** Benchmark results to vary in the benchmark's unit tests: plausible figures for three archives and the peer. */
import { networkConditions, type NetworkFigures, type SiteOnNetwork } from '../lib/network.ts';
import type { BenchResults, BuildFigures, DevLoopResult, PageWeight, PeerResult, SearchFigures, SizeResult } from '../lib/results.ts';
import { summarizeBuilds } from '../lib/build-summary.ts';
import { spread } from '../lib/stats.ts';

/** Builds of the given wall times (ms), with proportional memory and a log. */
export function builds(wallMs: number[], extra: Partial<BuildFigures> = {}): BuildFigures {
  const runs = wallMs.map((wall) => ({
    wallMs: wall,
    peakRssBytes: wall * 30_000,
    cpuMs: wall * 1.5,
    otherCpuMs: 100,
    log: { waitedForIndex: false, renderMs: wall * 0.6, indexMs: wall * 0.8, indexed: 100 },
  }));
  return { ...summarizeBuilds(runs), ...extra };
}

/** A page visit of `htmlGzip` bytes of gzip HTML, 3.7 KB of gzip CSS and `jsRaw` bytes of script. */
export function page(path: string, htmlGzip = 5_000, jsRaw = 1_188, extra: Partial<PageWeight> = {}): PageWeight {
  const html = { raw: htmlGzip * 3, gzip: htmlGzip };
  const css = { raw: 14_754, gzip: 3_687 };
  const js = { raw: jsRaw, gzip: Math.round(jsRaw * 0.75) };
  const other = { raw: 0, gzip: 0 };
  return {
    path,
    html,
    css,
    js,
    other,
    total: { raw: html.raw + css.raw + js.raw, gzip: html.gzip + css.gzip + js.gzip },
    files: [{ path, kind: 'html', ...html }],
    searchFiles: [],
    textWithoutJs: 3_000,
    readableWithoutJs: true,
    ...extra,
  };
}

/** Search figures: first searches of `firstMs` each and `bytes` in all, later queries of `laterMs`. */
export function searched(firstMs: number[], bytes: number, laterMs: number[]): SearchFigures {
  const cold = ['门禁测试', 'PTL发布', 'plugin'].map((query, index) => ({
    query,
    kind: ['chinese', 'mixed', 'english'][index] as string,
    page: page('/search/', 5_000, 13_255),
    searchBytes: spread([bytes - 13_255]),
    totalBytes: spread([bytes]),
    firstMs: spread([firstMs[index] ?? 0]),
    completeMs: spread([(firstMs[index] ?? 0) * 1.5]),
    preloadedMs: spread([(firstMs[index] ?? 0) / 2]),
    hits: 40,
    files: [{ path: '/pagefind/pagefind.js', kind: 'js' as const, raw: 47_228, gzip: 15_000 }],
    results: 10,
  }));
  return {
    cold,
    later: { queries: ['a', 'b'], ms: spread(laterMs), completeMs: spread(laterMs.map((ms) => ms * 1.5)), hits: [10, 20] },
    firstMs: spread(firstMs),
    completeMs: spread(firstMs.map((ms) => ms * 1.5)),
  };
}

/** One archive's results; `issues` also names it unless it is the corpus. */
export function sized(label: string, issues: number, wallMs: number[], extra: Partial<SizeResult> = {}): SizeResult {
  return {
    label,
    issues,
    translations: Math.round(issues / 4),
    build: builds(wallMs),
    site: {
      distBytes: issues * 100_000,
      files: issues * 3,
      pages: issues * 2 + 40,
      htmlBytes: issues * 40_000,
      searchIndexBytes: issues * 20_000,
      searchIndexFiles: issues,
    },
    issuePage: { number: 2, pages: [page('/issues/2/'), page('/en/issues/2/')] },
    search: searched([100, 120, 140], 150_000, [10, 12, 20]),
    ...extra,
  };
}

export function peerOf(wallMs: number[]): PeerResult {
  return {
    name: 'Starlight 0.42',
    issues: 1000,
    translations: 250,
    build: builds(wallMs),
    issuePage: { number: 2, pages: [page('/issues/0002/', 20_000, 30_000)] },
  };
}

/** One site's figures on a network, every spread a single sample scaled by `factor`. */
function onNetwork(factor: number): SiteOnNetwork {
  const one = (value: number) => spread([Math.round(value * factor)]);
  return {
    visit: { loadMs: one(2_000), lcpMs: one(1_500), bytes: one(40_000), requests: one(10), chain: one(3) },
    box: { firstMs: one(4_000), fiveMs: one(4_100) },
    header: { firstMs: one(4_000), fiveMs: one(4_100) },
  };
}

/** Ours at `factor` of the peer under every condition. */
export function networkOf(factor: number): NetworkFigures[] {
  return networkConditions.map((condition) => ({ condition, query: '健康检查', issue: 2, ours: onNetwork(factor), peer: onNetwork(1) }));
}

/** `npm run dev` with an edit shown after `editMs` (each time) and pages answered after `pageMs`. */
export function devLoopOf(editMs: number, pageMs: number): DevLoopResult {
  const figures = (edit: number, page: number) => ({
    startMs: 4_000,
    firstResponseMs: spread([page * 2, page * 3]),
    responseMs: spread([page / 2, page]),
    editToPageMs: spread([edit, edit, edit / 2]),
  });
  return { number: 500, ours: figures(editMs, pageMs), peer: figures(editMs * 4, pageMs * 2) };
}

/** A full run in which every budget holds. */
export function passingResults(): BenchResults {
  return {
    date: '2026-11-22T10:00:00.000Z',
    commit: 'abc1234',
    durationMs: 1_200_000,
    options: { sizes: ['corpus', 1000, 5000], runs: 3, peer: true },
    machine: { cpu: 'AMD EPYC', cores: 2, memoryBytes: 24e9, os: 'Debian GNU/Linux 12', loadBefore: [0.1, 0.2, 0.3], loadAfter: [1, 1, 1] },
    versions: { Node: 'v22.23.3', Astro: '7.3.4' },
    sizes: [
      sized('corpus', 14, [3_000, 3_100, 3_200]),
      sized('1000', 1000, [20_000, 21_000, 22_000], {
        parses: { texts: 1_251, parts: 8_760, calls: { markdownToHtml: 1_251, mdxToJs: 2 } },
      }),
      sized('5000', 5000, [90_000, 95_000, 99_000]),
    ],
    peer: peerOf([60_000, 62_000, 64_000]),
    network: networkOf(0.5),
    devLoop: devLoopOf(400, 120),
  };
}
