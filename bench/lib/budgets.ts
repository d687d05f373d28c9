/**
 * The budgets of the performance issue, checked against the measured figures: the build beside
 * its peer, the issue page's weight, search's cost, and scale. A budget whose figures were not
 * measured in this run (say, `--sizes corpus`) is reported as such, neither passed nor failed.
 */
import { formatBytes, formatMs, formatRatio, KB } from './figures.ts';
import { peerIssues } from './options.ts';
import type { BenchResults, SizeResult } from './results.ts';

export type BudgetStatus = 'pass' | 'fail' | 'not measured';

export interface BudgetCheck {
  id: string;
  budget: string;
  limit: string;
  measured: string;
  status: BudgetStatus;
}

/** The limits, in one place. */
export const limits = {
  /** Our build time over the peer's, same content, same machine. */
  buildRatio: 0.35,
  /** Markdown parses of the content per text rendered (every text read and rendered once). */
  parsesPerText: 1,
  /** HTML + CSS of an issue page's first visit, gzip. */
  pageHtmlCssGzip: 15 * KB,
  /** Script an issue page fetches before any search, raw (uncompressed). */
  pageScriptRaw: 2 * KB,
  /** Everything a first search fetches, search code included, uncompressed. */
  firstSearchBytes: 200 * KB,
  firstSearchMs: 150,
  laterSearchMs: 30,
  /** The archive the search and build budgets are checked at, and the one the scale budget compares with. */
  atIssues: peerIssues,
  scaleIssues: 5000,
  /** On a phone's network, ours over the peer: an issue page's load event and largest paint, a first search to its first result. */
  network: { load: 0.7, lcp: 0.6, firstResult: 0.6 },
  /** `npm run dev` at `atIssues` issues: an edit saved until its page shows it (median), any page asked for again (slowest). */
  devEditMs: 1000,
  devPageMs: 300,
} as const;

const check = (id: string, budget: string, limit: string, measured: string, ok: boolean | undefined): BudgetCheck => ({
  id,
  budget,
  limit,
  measured,
  status: ok === undefined ? 'not measured' : ok ? 'pass' : 'fail',
});

const unmeasured = (id: string, budget: string, limit: string, why: string) => check(id, budget, limit, why, undefined);

/** Every budget, checked. */
export function checkBudgets(results: Pick<BenchResults, 'sizes' | 'peer' | 'network' | 'devLoop'>): BudgetCheck[] {
  const at = (issues: number) => results.sizes.find((size) => size.label === String(issues) && !size.build.error);
  const measured = results.sizes.filter((size) => size.issuePage);
  const pages = measured.flatMap((size) => (size.issuePage?.pages ?? []).map((page) => ({ size, page })));
  const checks: BudgetCheck[] = [];

  const ours = at(limits.atIssues);
  const peer = results.peer && !results.peer.build.error ? results.peer : undefined;
  const buildBudget = `Build of ${limits.atIssues.toLocaleString('en-US')} issues, both languages, beside Starlight 0.42 on the same content`;
  const buildLimit = `≤ ${limits.buildRatio} × the peer's time`;
  if (ours && peer) {
    const ratio = ours.build.wallMs.median / peer.build.wallMs.median;
    checks.push(
      check(
        'build-vs-peer',
        buildBudget,
        buildLimit,
        `${formatMs(ours.build.wallMs.median)} / ${formatMs(peer.build.wallMs.median)} = ${formatRatio(ratio)}`,
        ratio <= limits.buildRatio,
      ),
    );
  } else checks.push(unmeasured('build-vs-peer', buildBudget, buildLimit, `needs the ${limits.atIssues}-issue archive and the peer`));

  const parseBudget = `Markdown parses in a build of ${limits.atIssues.toLocaleString('en-US')} issues`;
  const parseLimit = `≤ ${limits.parsesPerText} per text rendered (issue and translation bodies, credit statements)`;
  const parses = ours?.parses;
  if (parses) {
    // Content is rendered with markdownToHtml alone; the site's two MDX pages (mdxToJs) are maintainers' code, not content.
    const content = Object.entries(parses.calls).reduce((sum, [name, count]) => sum + (name.startsWith('mdx') ? 0 : count), 0);
    checks.push(
      check(
        'parses-per-text',
        parseBudget,
        parseLimit,
        `${content.toLocaleString('en-US')} parses for ${parses.texts.toLocaleString('en-US')} texts (${parses.parts.toLocaleString('en-US')} parts)`,
        content <= limits.parsesPerText * parses.texts,
      ),
    );
  } else checks.push(unmeasured('parses-per-text', parseBudget, parseLimit, `needs the ${limits.atIssues}-issue archive`));

  const pageSizes = `(${measured.map((size) => size.label).join(', ') || 'no archive'})`;
  if (pages.length) {
    const unreadable = pages.filter(({ page }) => !page.readableWithoutJs);
    checks.push(
      check(
        'page-no-js',
        'Issue page readable with zero JavaScript',
        'same text with JavaScript off',
        unreadable.length
          ? `not on ${unreadable.map(({ size, page }) => `${size.label} ${page.path}`).join(', ')}`
          : `yes, every archive ${pageSizes}`,
        unreadable.length === 0,
      ),
    );
    const heaviest = pages.reduce((worst, entry) =>
      entry.page.html.gzip + entry.page.css.gzip > worst.page.html.gzip + worst.page.css.gzip ? entry : worst,
    );
    const htmlCss = heaviest.page.html.gzip + heaviest.page.css.gzip;
    checks.push(
      check(
        'page-html-css',
        'Issue page, first visit: HTML + CSS',
        `≤ ${formatBytes(limits.pageHtmlCssGzip)} gzip`,
        `${formatBytes(htmlCss)} (heaviest: ${heaviest.size.label} ${heaviest.page.path})`,
        htmlCss <= limits.pageHtmlCssGzip,
      ),
    );
    const scripted = pages.reduce((worst, entry) => (entry.page.js.raw > worst.page.js.raw ? entry : worst));
    checks.push(
      check(
        'page-script',
        'Issue page, first visit: script before any search',
        `≤ ${formatBytes(limits.pageScriptRaw)} uncompressed`,
        `${formatBytes(scripted.page.js.raw)} (${formatBytes(scripted.page.js.gzip)} gzip; heaviest: ${scripted.size.label} ${scripted.page.path})`,
        scripted.page.js.raw <= limits.pageScriptRaw,
      ),
    );
  } else {
    checks.push(
      unmeasured('page-no-js', 'Issue page readable with zero JavaScript', 'same text with JavaScript off', 'no archive measured'),
    );
    checks.push(
      unmeasured(
        'page-html-css',
        'Issue page, first visit: HTML + CSS',
        `≤ ${formatBytes(limits.pageHtmlCssGzip)} gzip`,
        'no archive measured',
      ),
    );
    checks.push(
      unmeasured(
        'page-script',
        'Issue page, first visit: script before any search',
        `≤ ${formatBytes(limits.pageScriptRaw)} uncompressed`,
        'no archive measured',
      ),
    );
  }

  const searched = results.sizes.filter((size) => size.search);
  const early = [
    ...pages.flatMap(({ size, page }) => page.searchFiles.map((file) => `${size.label} ${page.path}: ${file}`)),
    ...searched.flatMap((size) =>
      (size.search?.cold ?? []).flatMap((cold) => cold.page.searchFiles.map((file) => `${size.label} search page: ${file}`)),
    ),
  ];
  const lazyBudget = 'Nothing of search fetched until the reader starts searching';
  if (pages.length || searched.length)
    checks.push(
      check(
        'search-lazy',
        lazyBudget,
        'no Pagefind file on an issue page, nor on the search page before its box is focused',
        early.length ? early.slice(0, 3).join('; ') : `none fetched ${pageSizes}`,
        early.length === 0,
      ),
    );
  else checks.push(unmeasured('search-lazy', lazyBudget, 'nothing fetched', 'no archive measured'));

  const search = ours?.search;
  const searchAt = `at ${limits.atIssues.toLocaleString('en-US')} issues`;
  const bytesBudget = [
    `First search ${searchAt}: bytes fetched in all, search code included`,
    `≤ ${formatBytes(limits.firstSearchBytes)} uncompressed`,
  ] as const;
  const firstBudget = [
    `First search ${searchAt}: Enter to first results, cold cache, localhost`,
    `median ≤ ${limits.firstSearchMs} ms`,
  ] as const;
  const laterBudget = [`Later queries ${searchAt}, same page: Enter to first results`, `median ≤ ${limits.laterSearchMs} ms`] as const;
  if (search) {
    const heaviest = search.cold.reduce((worst, cold) => (cold.totalBytes.max > worst.totalBytes.max ? cold : worst));
    checks.push(
      check(
        'search-bytes',
        ...bytesBudget,
        `${formatBytes(heaviest.totalBytes.max)} (heaviest of ${search.cold.length} queries: ${heaviest.query})`,
        search.cold.every((cold) => cold.totalBytes.max <= limits.firstSearchBytes),
      ),
    );
    checks.push(
      check(
        'search-first-ms',
        ...firstBudget,
        `${formatMs(search.firstMs.median)} median of ${search.firstMs.samples.length}`,
        search.firstMs.median <= limits.firstSearchMs,
      ),
    );
    checks.push(
      check(
        'search-later-ms',
        ...laterBudget,
        `${formatMs(search.later.ms.median)} median of ${search.later.ms.samples.length}`,
        search.later.ms.median <= limits.laterSearchMs,
      ),
    );
  } else {
    const missing = `needs the ${limits.atIssues}-issue archive`;
    checks.push(unmeasured('search-bytes', ...bytesBudget, missing));
    checks.push(unmeasured('search-first-ms', ...firstBudget, missing));
    checks.push(unmeasured('search-later-ms', ...laterBudget, missing));
  }

  const large = results.sizes.find((size) => size.label === String(limits.scaleIssues));
  const scaleBudget = `${limits.scaleIssues.toLocaleString('en-US')} issues build`;
  if (large)
    checks.push(
      check(
        'scale-builds',
        scaleBudget,
        'the build succeeds',
        large.build.error ? `failed: ${large.build.error}` : `built in ${formatMs(large.build.wallMs.median)}`,
        !large.build.error,
      ),
    );
  else checks.push(unmeasured('scale-builds', scaleBudget, 'the build succeeds', `needs the ${limits.scaleIssues}-issue archive`));
  const perIssue = (size: SizeResult) => size.build.wallMs.median / size.issues;
  const perIssueBudget = `Time per issue at ${limits.scaleIssues.toLocaleString('en-US')} issues`;
  const perIssueLimit = `≤ time per issue at ${limits.atIssues.toLocaleString('en-US')}`;
  if (large && !large.build.error && ours) {
    checks.push(
      check(
        'scale-per-issue',
        perIssueBudget,
        perIssueLimit,
        `${formatMs(perIssue(large))} vs ${formatMs(perIssue(ours))}`,
        perIssue(large) <= perIssue(ours),
      ),
    );
  } else
    checks.push(
      unmeasured(
        'scale-per-issue',
        perIssueBudget,
        perIssueLimit,
        `needs the ${limits.atIssues}- and ${limits.scaleIssues}-issue archives`,
      ),
    );
  checks.push(...networkChecks(results.network), ...devLoopChecks(results.devLoop));
  return checks;
}

/** The editors' loop in `npm run dev`: absolute limits (the peer's figures are reported beside them). */
function devLoopChecks(devLoop: BenchResults['devLoop']): BudgetCheck[] {
  const editBudget = `npm run dev at ${limits.atIssues.toLocaleString('en-US')} issues: an edit saved until its page's response holds it`;
  const pageBudget = `npm run dev at ${limits.atIssues.toLocaleString('en-US')} issues: any page, once the server is up`;
  if (!devLoop) {
    return [
      unmeasured('dev-edit', editBudget, `< ${formatMs(limits.devEditMs)}, median`, `needs the ${limits.atIssues}-issue archive`),
      unmeasured('dev-page', pageBudget, `< ${formatMs(limits.devPageMs)}, slowest`, `needs the ${limits.atIssues}-issue archive`),
    ];
  }
  const { editToPageMs, responseMs } = devLoop.ours;
  return [
    check(
      'dev-edit',
      editBudget,
      `< ${formatMs(limits.devEditMs)}, median`,
      `${formatMs(editToPageMs.median)} (${formatMs(editToPageMs.min)}–${formatMs(editToPageMs.max)})`,
      editToPageMs.median < limits.devEditMs,
    ),
    check(
      'dev-page',
      pageBudget,
      `< ${formatMs(limits.devPageMs)}, slowest`,
      `${formatMs(responseMs.max)} (median ${formatMs(responseMs.median)})`,
      responseMs.max < limits.devPageMs,
    ),
  ];
}

/** Per network condition: the issue page's load event and largest paint, and a first search each way, against the peer. */
function networkChecks(network: BenchResults['network']): BudgetCheck[] {
  if (!network?.length) {
    return [
      unmeasured(
        'network',
        "On a phone's network (Fast 4G, Slow 4G, Slow 4G with a 4x slower CPU), beside the peer",
        'see the network budgets',
        'needs the peer',
      ),
    ];
  }
  return network.flatMap(({ condition, ours, peer }) => {
    const against = (id: string, budget: string, limit: number, mine: number, theirs: number) => {
      const value = mine / theirs;
      return check(
        `${id}-${condition.id}`,
        `${budget}, ${condition.label}`,
        `≤ ${limit} × the peer's`,
        `${formatMs(mine)} / ${formatMs(theirs)} = ${formatRatio(value)}`,
        Number.isFinite(value) && value <= limit,
      );
    };
    return [
      against('page-load', 'Issue page, first visit: load event', limits.network.load, ours.visit.loadMs.median, peer.visit.loadMs.median),
      against(
        'page-lcp',
        'Issue page, first visit: largest contentful paint',
        limits.network.lcp,
        ours.visit.lcpMs.median,
        peer.visit.lcpMs.median,
      ),
      against(
        'search-box',
        "First search from the search page's box: to the first result",
        limits.network.firstResult,
        ours.box.firstMs.median,
        peer.box.firstMs.median,
      ),
      against(
        'search-header',
        "First search from an issue page's header box: to the first result",
        limits.network.firstResult,
        ours.header.firstMs.median,
        peer.header.firstMs.median,
      ),
    ];
  });
}

/** Whether any budget failed. */
export function anyFailed(checks: readonly BudgetCheck[]): boolean {
  return checks.some((entry) => entry.status === 'fail');
}
