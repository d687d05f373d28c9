/**
 * The shape of `bench/results.json`: every raw figure the report is made from, so the report
 * can be written again (`node bench/rewrite-report.ts`) and checked against the numbers.
 */
import type { RecallSummary } from '../../scripts/lib/recall.ts';
import type { DevLoopFigures } from './dev-loop.ts';
import type { NetworkFigures } from './network.ts';
import type { Spread } from './stats.ts';

/** What Astro's (and Starlight's) build log says about where the time went. */
export interface BuildLogFigures {
  /** "[types] Generated": content sync and types, before bundling. */
  syncMs?: number;
  /** "generating static routes … ✓ Completed in": page rendering. */
  renderMs?: number;
  /** Search index: ours from the start of the build (it runs alongside rendering), the peer's its own duration (after rendering). */
  indexMs?: number;
  /** Records indexed (ours) or HTML files indexed (the peer). */
  indexed?: number;
  /** Ours only: the gzip and Brotli copies written after everything else, for the hosts. */
  precompressMs?: number;
  /** "[build] N page(s) built in": Astro's own total, from after the content sync. */
  pagesBuilt?: number;
  astroTotalMs?: number;
  /** Astro logged that it waited for the search index after rendering. */
  waitedForIndex: boolean;
}

/** One clean build. */
export interface BuildRun {
  wallMs: number;
  /** Highest sum of the resident memory of the build process and all its descendants. */
  peakRssBytes: number;
  /** CPU time (user + system) of the process tree, and of everything else on the machine meanwhile. */
  cpuMs: number;
  otherCpuMs: number;
  log: BuildLogFigures;
}

/** Several clean builds of one site. */
export interface BuildFigures {
  runs: BuildRun[];
  wallMs: Spread;
  peakRssBytes: Spread;
  renderMs?: Spread;
  indexMs?: Spread;
  precompressMs?: Spread;
  /** Set when a build failed; no other figure of the site then exists. */
  error?: string;
}

/** The built site on disk. */
export interface SiteFigures {
  distBytes: number;
  files: number;
  /** HTML files (pages). */
  pages: number;
  htmlBytes: number;
  searchIndexBytes: number;
  searchIndexFiles: number;
}

export interface Transfer {
  raw: number;
  gzip: number;
}

/** One response a page received. */
export interface FetchedFile {
  path: string;
  kind: 'html' | 'css' | 'js' | 'other';
  raw: number;
  gzip: number;
}

/** A page's first visit in Chromium (cold cache). */
export interface PageWeight {
  path: string;
  html: Transfer;
  css: Transfer;
  js: Transfer;
  other: Transfer;
  total: Transfer;
  files: FetchedFile[];
  /** Search files (the Pagefind bundle) the visit fetched; there should be none. */
  searchFiles: string[];
  /** Characters of the main content with JavaScript off, and whether it equals the text with JavaScript on. */
  textWithoutJs?: number;
  readableWithoutJs?: boolean;
}

/** A first search, cold: opening the search page, then focusing the box, typing the query and pressing Enter. */
export interface ColdSearch {
  query: string;
  kind: string;
  /** The search page's own load (no query): HTML, CSS and script. */
  page: PageWeight;
  /** Bytes fetched from focusing the box until the results and everything they load are in. */
  searchBytes: Spread;
  /** Scripts of the search page plus `searchBytes`: all search code and data a first search costs. */
  totalBytes: Spread;
  /** From Enter to the first results on screen, as the page measures it (`performance.measure('search')`), Enter pressed right after focusing the box. */
  firstMs: Spread;
  /** From Enter to the whole first page of results (the first few show while the rest load). */
  completeMs: Spread;
  /** The same as `firstMs`, Enter pressed once what focusing the box started loading is in (as when a reader takes time to type). */
  preloadedMs: Spread;
  /** Records Pagefind matched for the query, before any filter (what its search and ranking work through). */
  hits: number;
  /** Files the first search fetched (first run), for the report's detail. */
  files: FetchedFile[];
  /** Issues listed on the first page of results. */
  results: number;
}

export interface SearchFigures {
  cold: ColdSearch[];
  /** Later queries on a page that already searched once: each query's time, every run, and Pagefind's unfiltered hits per query. */
  later: { queries: string[]; ms: Spread; completeMs: Spread; hits: number[] };
  /** Every cold first search, all queries and runs together: to first results, and to the whole first page. */
  firstMs: Spread;
  completeMs: Spread;
}

export interface RecallFigures {
  locale: string;
  summary: RecallSummary[];
  /** Queries that missed a relevant issue, as `formatRecallReport` lists them. */
  misses: string[];
}

/** The Markdown parses of one build, against the texts it renders. */
export interface ParseCount {
  /** Texts the pipeline renders: issue and translation bodies, credit statements. */
  texts: number;
  /** Their parts (introductions and sections). */
  parts: number;
  /** Calls of each of satteri's entry points during the build (the site's maintainers' MDX pages included). */
  calls: Record<string, number>;
}

/** Everything measured on one archive. */
export interface SizeResult {
  label: string;
  issues: number;
  translations: number;
  build: BuildFigures;
  site?: SiteFigures;
  /** The typical issue page: the issue of median HTML size (among the first 1,000, so 1,000 and 5,000 measure the same issue). */
  issuePage?: { number: number; pages: PageWeight[] };
  search?: SearchFigures;
  recall?: RecallFigures[];
  /** Markdown parses of one (untimed) build. */
  parses?: ParseCount;
  /** Set when measuring the built site in the browser failed. */
  measureError?: string;
}

/** The peer, built side by side with the synthetic archive of the same size. */
export interface PeerResult {
  name: string;
  issues: number;
  translations: number;
  build: BuildFigures;
  site?: SiteFigures;
  issuePage?: { number: number; pages: PageWeight[] };
  measureError?: string;
}

export interface MachineInfo {
  cpu: string;
  cores: number;
  memoryBytes: number;
  os: string;
  /** 1, 5 and 15 minute load averages when the bench started and ended. */
  loadBefore: number[];
  loadAfter: number[];
}

export interface BenchResults {
  date: string;
  commit: string;
  durationMs: number;
  options: { sizes: (string | number)[]; runs: number; peer: boolean };
  machine: MachineInfo;
  versions: Record<string, string>;
  sizes: SizeResult[];
  peer?: PeerResult;
  /** Ours and the peer on a phone's network, beside the archive the peer builds. */
  network?: NetworkFigures[];
  /** `npm run dev` on the archive the peer builds: ours and the peer's, one issue edited in each. */
  devLoop?: DevLoopResult;
}

export interface DevLoopResult {
  /** The issue edited. */
  number: number;
  ours: DevLoopFigures;
  peer?: DevLoopFigures;
}
