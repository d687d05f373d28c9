/**
 * npm run bench [-- --sizes corpus,1000,5000] [--runs 3] [--no-peer] [--out <dir>] [--keep] [--network-only]
 *
 * Builds and measures the real archive and synthetic ones (clean builds, timed, memory of the
 * whole process tree), loads their pages and searches in Chromium, builds the peer (Starlight)
 * beside the 1,000-issue archive, then writes `REPORT.md` and `results.json` and checks the
 * budgets: the exit status is 1 when one fails. A run of every default size with the peer
 * writes `bench/`; a partial run writes `bench/out/` so it never replaces the committed report.
 * `--network-only` builds ours and the peer once each at 1,000 issues and measures only the
 * phone's network (`bench/lib/network.ts`), to try a change to what pages fetch.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { localeCodes, type Locale } from '../src/i18n/locales.ts';
import { archivePath, feedPath, homePath, issuePath, localizePath, projectPath, projectsPath, searchPath } from '../src/lib/routes.ts';
import { issueFileName } from '../scripts/lib/issue-writer.ts';
import { SEARCH_BUNDLE_DIR } from '../src/lib/search/contract.ts';
import { projectRoot } from '../tests/helpers/commands.ts';
import { serveStatic } from '../tests/helpers/static-server.ts';
import { launchChromium, openSearchPage, searchIssues } from '../scripts/lib/search-browser.ts';
import { readIssuesCorpus, registryNames, type RecallCorpus } from '../scripts/lib/recall-corpus.ts';
import { buildQuerySet, type IssueTexts } from '../scripts/lib/search-queries.ts';
import { formatRecallReport, measureRecall, summarizeRecall } from '../scripts/lib/recall.ts';
import { prepareCorpus, prepareSynthetic, type ArchiveFiles } from './lib/archives.ts';
import { anyFailed, checkBudgets, limits } from './lib/budgets.ts';
import { countParses, textsOfArchive } from './lib/parse-count.ts';
import { serveGzip } from './lib/gzip-server.ts';
import { measureOnNetworks, ourDriver, peerDriver, type NetworkFigures } from './lib/network.ts';
import { summarizeBuilds } from './lib/build-summary.ts';
import { BuildError, cleanBuild, type BuildSpec } from './lib/clean-build.ts';
import { markdownTable } from './lib/figures.ts';
import { describeMachine, gitCommit, nodeVersion, packageVersion } from './lib/machine.ts';
import { browserRuns, parseBenchArgs, peerIssues, usage, type BenchOptions, type SizeSpec } from './lib/options.ts';
import { measurePageWeight } from './lib/page-weight.ts';
import { measureDevLoop } from './lib/dev-loop.ts';
import { ensurePeerInstalled, peerBuildSpec, peerIssuePath, peerName, peerRoot, preparePeer } from './lib/peer.ts';
import { formatReport } from './lib/report.ts';
import type { BenchResults, BuildRun, DevLoopResult, PeerResult, RecallFigures, SizeResult } from './lib/results.ts';
import { chooseCostQueries, measureSearchCost } from './lib/search-cost.ts';
import { findTypicalIssue, measureSiteFiles } from './lib/built-site.ts';

if (process.argv.slice(2).some((arg) => arg === '--help' || arg === '-h')) {
  console.log(usage);
  process.exit(0);
}
let options: BenchOptions;
try {
  options = parseBenchArgs(process.argv.slice(2));
} catch (error) {
  console.error(`${(error as Error).message}\n${usage}`);
  process.exit(2);
}

const node = path.join(projectRoot, 'node_modules/.bin/node');
const log = (message: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);
const started = performance.now();
const loadBefore = os.loadavg();
const work = await mkdtemp(path.join(os.tmpdir(), 'digest-bench-'));

/** Issues texts for the query set, as `npm run search:recall` builds them; `limit` takes the oldest issues only. */
function textsOf(corpus: RecallCorpus, locale: Locale, limit = Infinity): IssueTexts[] {
  return corpus
    .textsIn(locale)
    .sort((a, b) => a.number - b.number)
    .slice(0, limit);
}

function failure(error: unknown): string {
  if (error instanceof BuildError)
    return `${error.message}; last lines of its log:\n\n\`\`\`\n${error.log.trim().split('\n').slice(-15).join('\n')}\n\`\`\``;
  return (error as Error).message;
}

/** Runs `runs` clean builds of our site, each followed by one of the peer when given. */
async function buildSideBySide(ours: BuildSpec, peer: BuildSpec | undefined, label: string) {
  const runs: BuildRun[] = [];
  const peerRuns: BuildRun[] = [];
  let error: string | undefined;
  let peerError: string | undefined;
  for (let run = 1; run <= options.runs; run++) {
    if (error === undefined) {
      log(`${label}: clean build ${run} of ${options.runs}`);
      try {
        const { run: figures } = await cleanBuild(ours);
        runs.push(figures);
        log(`${label}: built in ${(figures.wallMs / 1000).toFixed(1)} s, peak ${(figures.peakRssBytes / 1e6).toFixed(0)} MB`);
      } catch (caught) {
        error = failure(caught);
        log(`${label}: build failed: ${(caught as Error).message}`);
      }
    }
    if (peer && peerError === undefined) {
      log(`peer (${peerName}): clean build ${run} of ${options.runs}`);
      try {
        const { run: figures } = await cleanBuild(peer);
        peerRuns.push(figures);
        log(`peer: built in ${(figures.wallMs / 1000).toFixed(1)} s, peak ${(figures.peakRssBytes / 1e6).toFixed(0)} MB`);
      } catch (caught) {
        peerError = failure(caught);
        log(`peer: build failed: ${(caught as Error).message}`);
      }
    }
  }
  return { build: summarizeBuilds(runs, error), peerBuild: summarizeBuilds(peerRuns, peerError) };
}

/** Recall@10 of the search page per locale, on the real archive. */
async function measureRecallFigures(browser: Browser, baseUrl: string, corpus: RecallCorpus): Promise<RecallFigures[]> {
  const figures: RecallFigures[] = [];
  for (const locale of localeCodes) {
    const queries = buildQuerySet(textsOf(corpus, locale), { names: await registryNames() });
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await openSearchPage(page, baseUrl, locale);
      const outcomes = await measureRecall(queries, (query) => searchIssues(page, query));
      const misses = formatRecallReport(outcomes)
        .split('\n')
        .filter((line) => line.startsWith('- '));
      figures.push({ locale, summary: summarizeRecall(outcomes), misses });
    } finally {
      await context.close();
    }
  }
  return figures;
}

/** Queries from the oldest 100 issues, which every synthetic archive shares: the same queries at every size. */
async function costQueries(archive: ArchiveFiles) {
  const corpus = await readIssuesCorpus(archive.issuesDir);
  return chooseCostQueries(buildQuerySet(textsOf(corpus, 'zh-CN', 100), { perKind: 9, maxRelevant: Number.POSITIVE_INFINITY }));
}

/** The issue page and the query the network section uses, as a full run picks them (the typical issue, the first cold query). */
async function networkSubject(archive: ArchiveFiles, distDir: string): Promise<{ number: number; query: string }> {
  const number = await findTypicalIssue(distDir, archive.numbers, (issue) => path.join(issuePath(issue), 'index.html'));
  const query = (await costQueries(archive)).cold[0]?.query;
  if (!query) throw new Error('network: no query found in the archive');
  return { number, query };
}

/** Everything measured in the browser on one built archive. */
async function measureInBrowser(result: SizeResult, archive: ArchiveFiles, distDir: string, withRecall: boolean): Promise<void> {
  const corpus = await readIssuesCorpus(archive.issuesDir);
  const queries = await costQueries(archive);
  const number = await findTypicalIssue(distDir, archive.numbers, (issue) => path.join(issuePath(issue), 'index.html'));
  const server = await serveStatic(distDir);
  const browser = await launchChromium({ full: true });
  try {
    log(`${result.label}: issue ${number} in Chromium`);
    const pages = [];
    for (const locale of localeCodes)
      pages.push(
        await measurePageWeight(browser, new URL(localizePath(issuePath(number), locale), server.url).href, { checkWithoutJs: true }),
      );
    result.issuePage = { number, pages };
    log(`${result.label}: searching ${queries.cold.map((entry) => entry.query).join(', ')}`);
    // Searched as the shipped nginx block serves the site (see "How each figure is measured").
    const hosted = await serveGzip(distDir);
    try {
      result.search = await measureSearchCost(browser, hosted.url, queries, browserRuns(options.runs));
    } finally {
      await hosted.close();
    }
    if (withRecall) {
      log(`${result.label}: search recall`);
      result.recall = await measureRecallFigures(browser, server.url, corpus);
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

/** The peer's site figures and its page of the same issue. */
async function measurePeer(peer: PeerResult, distDir: string, number: number | undefined): Promise<void> {
  peer.site = await measureSiteFiles(distDir, 'pagefind');
  if (number === undefined) return;
  const server = await serveStatic(distDir);
  const browser = await launchChromium({ full: true });
  try {
    const pages = [];
    for (const locale of localeCodes)
      pages.push(
        await measurePageWeight(browser, new URL(localizePath(peerIssuePath(number), locale), server.url).href, { searchDir: 'pagefind' }),
      );
    peer.issuePage = { number, pages };
  } finally {
    await browser.close();
    await server.close();
  }
}

/** Ours and the peer, both behind the same gzip server, on a phone's network. */
async function measureNetwork(oursDist: string, peerDist: string, number: number, query: string): Promise<NetworkFigures[]> {
  const ours = await serveGzip(oursDist);
  const theirs = await serveGzip(peerDist);
  const browser = await launchChromium({ full: true });
  try {
    const drivers = { ours: ourDriver(ours.url, issuePath(number)), peer: peerDriver(theirs.url, peerIssuePath(number)) };
    return await measureOnNetworks(browser, drivers, query, number, browserRuns(options.runs), log);
  } finally {
    await browser.close();
    await ours.close();
    await theirs.close();
  }
}

/** `npm run dev` on the archive, ours and then the peer's on its copy of the same issues, one issue edited in each. */
async function measureDevLoops(issuesDir: string, numbers: readonly number[], withPeer: boolean): Promise<DevLoopResult> {
  const number = numbers[Math.floor(numbers.length / 2)] as number;
  const page = issuePath(number);
  log(`dev loop: ours, issue ${number} edited`);
  // Started means the home page answers: Vite answers files seconds before Astro has loaded the content.
  const ours = await measureDevLoop({
    env: { DIGEST_CONTENT_DIR: issuesDir },
    readyPath: homePath,
    pages: [homePath, page, localizePath(page, 'en'), archivePath, projectsPath, projectPath('nova'), searchPath, feedPath],
    editedFile: path.join(issuesDir, 'zh-CN', issueFileName(number)),
    editedPage: page,
  });
  if (!withPeer) return { number, ours };
  log(`dev loop: the peer, issue ${number} edited`);
  const peer = await measureDevLoop({
    root: peerRoot,
    readyPath: '/',
    pages: ['/', peerIssuePath(number), localizePath(peerIssuePath(number), 'en')],
    editedFile: path.join(peerRoot, 'src/content/docs/issues', issueFileName(number)),
    editedPage: peerIssuePath(number),
  });
  return { number, ours, peer };
}

async function measureSize(
  size: SizeSpec,
): Promise<{ result: SizeResult; peer?: PeerResult; network?: NetworkFigures[]; devLoop?: DevLoopResult }> {
  const label = String(size);
  const issuesDir = path.join(work, `issues-${label}`);
  log(`${label}: writing the archive`);
  const archive = size === 'corpus' ? await prepareCorpus(issuesDir) : await prepareSynthetic(size, issuesDir);
  const withPeer = options.peer && size === peerIssues;
  const peerCounts = withPeer ? await preparePeer(issuesDir) : undefined;
  const distDir = path.join(work, `dist-${label}`);
  const peerDist = path.join(work, 'dist-peer');
  // Ours through its `npm run build` (what the README runs, npm's start-up included); the peer's
  // script is a plain `astro build`, run directly.
  const ours: BuildSpec = { root: projectRoot, node, outDir: distDir, npmScript: 'build', env: { DIGEST_CONTENT_DIR: issuesDir } };
  const { build, peerBuild } = await buildSideBySide(ours, withPeer ? peerBuildSpec(node, peerDist) : undefined, label);
  const result: SizeResult = { label, issues: archive.numbers.length, translations: archive.translations, build };
  if (options.networkOnly) {
    let network: NetworkFigures[] | undefined;
    if (!build.error && !peerBuild.error && peerCounts) {
      const { number, query } = await networkSubject(archive, distDir);
      network = await measureNetwork(distDir, peerDist, number, query);
    }
    if (!options.keep) await Promise.all([distDir, peerDist, issuesDir].map((dir) => rm(dir, { recursive: true, force: true })));
    return { result, ...(network ? { network } : {}) };
  }
  if (!build.error && size !== limits.scaleIssues) {
    log(`${label}: one more build, its Markdown parses counted`);
    const calls = await countParses(ours, work);
    result.parses = { ...textsOfArchive((await readIssuesCorpus(issuesDir)).archive), calls };
  }
  if (!build.error) {
    result.site = await measureSiteFiles(distDir, SEARCH_BUNDLE_DIR);
    try {
      await measureInBrowser(result, archive, distDir, size === 'corpus');
    } catch (error) {
      // Keep what was measured and write the report: a broken measurement must not cost the builds.
      result.measureError = (error as Error).message;
      log(`${label}: measuring in Chromium failed: ${result.measureError}`);
    }
  }
  let peer: PeerResult | undefined;
  let network: NetworkFigures[] | undefined;
  if (peerCounts) {
    peer = { name: peerName, issues: peerCounts.issues, translations: peerCounts.translations, build: peerBuild };
    if (!peerBuild.error) {
      try {
        await measurePeer(peer, peerDist, result.issuePage?.number);
      } catch (error) {
        peer.measureError = (error as Error).message;
        log(`peer: measuring failed: ${peer.measureError}`);
      }
      const number = result.issuePage?.number;
      const query = result.search?.cold[0]?.query;
      if (!build.error && number !== undefined && query) {
        try {
          network = await measureNetwork(distDir, peerDist, number, query);
        } catch (error) {
          log(`network: measuring failed: ${(error as Error).message}`);
        }
      }
    }
  }
  let devLoop: DevLoopResult | undefined;
  if (size === peerIssues) {
    try {
      devLoop = await measureDevLoops(issuesDir, archive.numbers, peerCounts !== undefined);
    } catch (error) {
      log(`dev loop: measuring failed: ${(error as Error).message}`);
    }
  }
  if (!options.keep) {
    await rm(distDir, { recursive: true, force: true });
    await rm(peerDist, { recursive: true, force: true });
    await rm(issuesDir, { recursive: true, force: true });
  }
  return { result, ...(peer ? { peer } : {}), ...(network ? { network } : {}), ...(devLoop ? { devLoop } : {}) };
}

const sizes: SizeResult[] = [];
let peer: PeerResult | undefined;
let network: NetworkFigures[] | undefined;
let devLoop: DevLoopResult | undefined;
let browserVersion: string;
try {
  if (options.peer) {
    if (options.sizes.includes(peerIssues)) ensurePeerInstalled();
    else log(`the peer is built beside the ${peerIssues}-issue archive, which --sizes leaves out: no peer this time`);
  }
  const browser = await launchChromium({ full: true });
  browserVersion = browser.version();
  await browser.close();
  for (const size of options.sizes) {
    const measured = await measureSize(size);
    sizes.push(measured.result);
    if (measured.peer) peer = measured.peer;
    if (measured.network) network = measured.network;
    if (measured.devLoop) devLoop = measured.devLoop;
  }
} finally {
  if (options.keep) log(`kept the work folder ${work}`);
  else await rm(work, { recursive: true, force: true });
}

const versions: Record<string, string> = {
  Node: nodeVersion(node),
  Astro: packageVersion(projectRoot, 'astro') ?? '?',
  Pagefind: packageVersion(projectRoot, 'pagefind') ?? '?',
  Chromium: browserVersion,
  'playwright-core': packageVersion(projectRoot, 'playwright-core') ?? '?',
};
if (peer) {
  versions['Starlight (peer)'] = packageVersion(peerRoot, '@astrojs/starlight') ?? '?';
  versions['Astro (peer)'] = packageVersion(peerRoot, 'astro') ?? '?';
  versions['Pagefind (peer)'] = packageVersion(peerRoot, 'pagefind') ?? '?';
}
const results: BenchResults = {
  date: new Date().toISOString(),
  commit: gitCommit(projectRoot),
  durationMs: Math.round(performance.now() - started),
  options: { sizes: options.sizes, runs: options.runs, peer: options.peer },
  machine: describeMachine(loadBefore),
  versions,
  sizes,
  ...(peer ? { peer } : {}),
  ...(network ? { network } : {}),
  ...(devLoop ? { devLoop } : {}),
};
const outDir = path.resolve(projectRoot, options.outDir);
await mkdir(outDir, { recursive: true });
await writeFile(path.join(outDir, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
await writeFile(path.join(outDir, 'REPORT.md'), formatReport(results));
const budgets = checkBudgets(results);
console.log(
  `\n${markdownTable(
    ['budget', 'limit', 'measured', 'result'],
    budgets.map((entry) => [entry.budget, entry.limit, entry.measured, entry.status]),
  )}\n`,
);
log(`wrote ${path.relative(projectRoot, path.join(outDir, 'REPORT.md'))} and results.json`);
process.exitCode = anyFailed(budgets) || sizes.some((size) => size.build.error || size.measureError) ? 1 : 0;
