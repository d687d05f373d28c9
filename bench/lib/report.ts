/**
 * `bench/REPORT.md` from the raw figures of `bench/results.json`: machine and versions, the
 * budgets, how cost grows, one table per archive, the peer side by side, and how each figure is
 * measured. Pure: the same results give the same report.
 */
import { checkBudgets, limits, type BudgetCheck } from './budgets.ts';
import { formatBytes, formatCount, formatMs, formatRatio, formatSpread, markdownTable } from './figures.ts';
import { growthRows, judgeGrowth } from './growth.ts';
import type { BenchResults, BuildFigures, DevLoopResult, PageWeight, PeerResult, SizeResult, Transfer } from './results.ts';
import { networkConditions, type NetworkCondition, type NetworkFigures } from './network.ts';
import { spread, type Spread } from './stats.ts';

const STATUS: Record<BudgetCheck['status'], string> = { pass: '✅ pass', fail: '❌ fail', 'not measured': '— not measured' };

/** An archive's name in headings: `corpus` is the real one. */
export function archiveName(size: Pick<SizeResult, 'label' | 'issues' | 'translations'>): string {
  const what = size.label === 'corpus' ? 'the real archive (../shared/corpus, imported)' : 'synthetic archive';
  return `${what}: ${formatCount(size.issues)} issues, ${formatCount(size.translations)} English translations`;
}

const transfer = (value: Transfer) => `${formatBytes(value.raw)} (${formatBytes(value.gzip)} gzip)`;

function buildRows(build: BuildFigures, issues: number): string[][] {
  const runs = build.runs.length;
  const cpu = spread(build.runs.map((run) => run.cpuMs));
  const other = spread(build.runs.map((run) => run.otherCpuMs));
  const sync = build.runs.flatMap((run) => (run.log.syncMs === undefined ? [] : [run.log.syncMs]));
  const indexed = build.runs.find((run) => run.log.indexed !== undefined)?.log.indexed;
  const waited = build.runs.filter((run) => run.log.waitedForIndex).length;
  return [
    [`Build wall time, median (min–max) of ${runs} clean build${runs > 1 ? 's' : ''}`, formatSpread(build.wallMs, formatMs)],
    ['Time per issue', formatMs(build.wallMs.median / issues)],
    ['Peak memory, whole process tree (sum of RSS)', formatSpread(build.peakRssBytes, formatBytes)],
    ['CPU time of the build / of other processes meanwhile', `${formatSpread(cpu, formatMs)} / ${formatSpread(other, formatMs)}`],
    ...(sync.length ? [['Content sync and types (`[types] Generated`)', formatSpread(spread(sync), formatMs)]] : []),
    ...(build.renderMs
      ? [['Astro page rendering (`generating static routes … Completed in`)', formatSpread(build.renderMs, formatMs)]]
      : []),
    ...(build.indexMs ? [['Search index (Pagefind)', formatSpread(build.indexMs, formatMs)]] : []),
    ...(build.precompressMs
      ? [
          [
            "Gzip and Brotli copies for the hosts: the build's wait for them after the last page (made while pages render)",
            formatSpread(build.precompressMs, formatMs),
          ],
        ]
      : []),
    ...(indexed !== undefined ? [['Search index input (records, or HTML files for the peer)', formatCount(indexed)]] : []),
    ['Astro waited for the search index after rendering', `${waited} of ${runs} builds`],
  ];
}

function pageRows(label: string, page: PageWeight): string[][] {
  return [
    [`${label}: HTML`, transfer(page.html)],
    [`${label}: CSS`, transfer(page.css)],
    [`${label}: script`, transfer(page.js)],
    [`${label}: HTML + CSS`, `${formatBytes(page.html.raw + page.css.raw)} (${formatBytes(page.html.gzip + page.css.gzip)} gzip)`],
    [`${label}: everything (${page.files.length} files)`, transfer(page.total)],
    ...(page.readableWithoutJs === undefined
      ? []
      : [
          [
            `${label}: readable with JavaScript off`,
            page.readableWithoutJs ? `yes (same ${formatCount(page.textWithoutJs ?? 0)} characters of main text)` : 'NO',
          ],
        ]),
    [`${label}: search files fetched`, page.searchFiles.length ? page.searchFiles.join(', ') : 'none'],
  ];
}

function sizeSection(size: SizeResult): string {
  const heading = `### ${size.label === 'corpus' ? 'corpus' : formatCount(size.issues)}: ${archiveName(size)}`;
  if (size.build.error) return [heading, '', `The build failed: ${size.build.error}`].join('\n');
  const rows = buildRows(size.build, size.issues);
  if (size.site) {
    rows.push(
      ['Pages (HTML files) / all files', `${formatCount(size.site.pages)} / ${formatCount(size.site.files)}`],
      ['Site size (dist)', formatBytes(size.site.distBytes)],
      ['HTML in all', formatBytes(size.site.htmlBytes)],
      ['Search index', `${formatBytes(size.site.searchIndexBytes)} in ${formatCount(size.site.searchIndexFiles)} files`],
    );
  }
  if (size.parses) {
    const { texts, parts, calls } = size.parses;
    const counted = Object.entries(calls).map(([name, count]) => `${name} ${formatCount(count)}`);
    rows.push([
      'Markdown parses in one build (satteri calls, counted in an extra untimed build)',
      `${counted.join(', ') || 'none'}, for ${formatCount(texts)} texts (bodies and credit statements) of ${formatCount(parts)} parts`,
    ]);
  }
  if (size.issuePage) {
    rows.push(['Typical issue page (median HTML size)', `issue ${size.issuePage.number}`]);
    for (const page of size.issuePage.pages) rows.push(...pageRows(`\`${page.path}\``, page));
  }
  const search = size.search;
  if (search) {
    const page = search.cold[0]?.page;
    if (page)
      rows.push([
        `Search page \`${page.path}\` before searching: HTML / CSS / script`,
        `${transfer(page.html)} / ${transfer(page.css)} / ${transfer(page.js)}`,
      ]);
    for (const cold of search.cold) {
      rows.push([
        `First search, cold: \`${cold.query}\` (${cold.kind}, ${cold.results} issue${cold.results === 1 ? '' : 's'} listed)`,
        `${formatBytes(cold.searchBytes.median)} fetched from focusing the box; ${formatBytes(cold.totalBytes.median)} with the page's scripts; first results in ${formatSpread(cold.firstMs, formatMs)} (${formatSpread(cold.preloadedMs, formatMs)} once focusing has loaded and warmed up Pagefind), the whole first page in ${formatSpread(cold.completeMs, formatMs)}; Pagefind matched ${formatCount(cold.hits)} records`,
      ]);
    }
    rows.push([
      'First search, all queries and runs: Enter to first results / to the whole first page',
      `${formatSpread(search.firstMs, formatMs)} / ${formatSpread(search.completeMs, formatMs)}, median of ${search.firstMs.samples.length}`,
    ]);
    rows.push([
      `Later queries (${search.later.queries.map((query) => `\`${query}\``).join(', ')})`,
      `first results in ${formatSpread(search.later.ms, formatMs)}, the whole first page in ${formatSpread(search.later.completeMs, formatMs)}, median of ${search.later.ms.samples.length}; Pagefind matched ${search.later.hits.map(formatCount).join(', ')} records`,
    ]);
  }
  const parts = [heading, '', markdownTable(['figure', 'value'], rows)];
  if (size.measureError) parts.push('', `Measuring the site in Chromium failed: ${size.measureError}`);
  const firstFiles = search?.cold[0];
  if (firstFiles) {
    parts.push(
      '',
      `<details><summary>Files the first search for <code>${firstFiles.query}</code> fetched</summary>`,
      '',
      markdownTable(
        ['file', 'bytes'],
        firstFiles.files.map((file) => [`\`${file.path}\``, formatCount(file.raw)]),
      ),
      '',
      '</details>',
    );
  }
  for (const recall of size.recall ?? []) {
    parts.push('', `Search recall@10 on the ${recall.locale} search page (\`npm run search:recall\` modules):`, '');
    parts.push(
      markdownTable(
        ['queries', 'count', 'recall@10', 'all relevant in top 10'],
        recall.summary.map((row) => [row.kind, String(row.queries), row.recall.toFixed(3), String(row.complete)]),
      ),
    );
    parts.push('', recall.misses.length ? ['Missed:', ...recall.misses].join('\n') : 'No query missed a relevant issue.');
  }
  return parts.join('\n');
}

function peerSection(peer: PeerResult, ours: SizeResult | undefined): string {
  const heading = `### Side by side: ${peer.name}, ${formatCount(peer.issues)} issues (${formatCount(peer.translations)} translated)`;
  if (peer.build.error) return [heading, '', `The peer's build failed: ${peer.build.error}`].join('\n');
  const both = (label: string, mine: number | undefined, theirs: number | undefined, format: (value: number) => string) => [
    label,
    mine === undefined ? '—' : format(mine),
    theirs === undefined ? '—' : format(theirs),
    mine !== undefined && theirs ? formatRatio(mine / theirs) : '—',
  ];
  const ourPage = ours?.issuePage?.pages[0];
  const theirPage = peer.issuePage?.pages[0];
  const rows = [
    both('Build wall time (median)', ours?.build.wallMs.median, peer.build.wallMs.median, formatMs),
    both('Build wall time (min)', ours?.build.wallMs.min, peer.build.wallMs.min, formatMs),
    both('Build wall time (max)', ours?.build.wallMs.max, peer.build.wallMs.max, formatMs),
    both('Peak memory (median)', ours?.build.peakRssBytes.median, peer.build.peakRssBytes.median, formatBytes),
    both('Page rendering (median)', ours?.build.renderMs?.median, peer.build.renderMs?.median, formatMs),
    both(
      'Search index (median; ours alongside rendering, the peer after it)',
      ours?.build.indexMs?.median,
      peer.build.indexMs?.median,
      formatMs,
    ),
    both('Pages', ours?.site?.pages, peer.site?.pages, formatCount),
    both('Site size', ours?.site?.distBytes, peer.site?.distBytes, formatBytes),
    both('Search index size', ours?.site?.searchIndexBytes, peer.site?.searchIndexBytes, formatBytes),
    both(
      'Issue page HTML + CSS, gzip',
      ourPage && ourPage.html.gzip + ourPage.css.gzip,
      theirPage && theirPage.html.gzip + theirPage.css.gzip,
      formatBytes,
    ),
    both('Issue page script, raw', ourPage?.js.raw, theirPage?.js.raw, formatBytes),
    both('Issue page, everything, gzip', ourPage?.total.gzip, theirPage?.total.gzip, formatBytes),
  ];
  const runs = peer.build.runs.map((run) => formatMs(run.wallMs)).join(', ');
  return [
    heading,
    '',
    `Built from the same synthetic archive, converted by \`bench/lib/starlight-docs.ts\` (Chinese at the root locale, translations under \`en/\`, Starlight's fallback pages for the rest; default sidebar, built-in Pagefind), alternating with our builds, each clean. Peer builds: ${runs}. Typical issue page: ${theirPage ? `\`${theirPage.path}\`` : '—'}.`,
    '',
    markdownTable(['figure', `ours (${formatCount(peer.issues)})`, 'Starlight', 'ours / Starlight'], rows),
    ...(peer.measureError ? ['', `Measuring the peer's site failed: ${peer.measureError}`] : []),
  ].join('\n');
}

/** `npm run dev` on the same archive, ours and the peer's: medians (min–max), and the ratio. */
function devLoopSection(devLoop: DevLoopResult): string {
  const { ours, peer } = devLoop;
  const row = (figure: string, mine: Spread, theirs: Spread | undefined) => [
    figure,
    formatSpread(mine, formatMs),
    theirs ? formatSpread(theirs, formatMs) : '—',
    theirs ? formatRatio(mine.median / theirs.median) : '—',
  ];
  const single = (value: number) => ({ median: value, min: value, max: value, samples: [value] });
  return [
    "### The editors' loop: `npm run dev`, side by side",
    '',
    `The 1,000-issue archive in each dev server, issue ${devLoop.number} edited five times (a new sentence at its end, the page asked for every 10 ms until its response holds it); ours opens eight pages, the peer its three (home, the issue in both languages).`,
    '',
    markdownTable(
      ['figure', 'ours', 'peer', 'ratio'],
      [
        row('start, until the home page answers', single(ours.startMs), peer ? single(peer.startMs) : undefined),
        row("a page's first response", ours.firstResponseMs, peer?.firstResponseMs),
        row('a page asked for again', ours.responseMs, peer?.responseMs),
        row("an edit saved → the page's response holds it", ours.editToPageMs, peer?.editToPageMs),
      ],
    ),
  ].join('\n');
}

/**
 * The presets as the bench applies them: each network once, then the CPU slowdowns.
 * @example presetsText(networkConditions) // '`Network.emulateNetworkConditions`: Fast 4G 165 ms and 1,012,500 B/s down, Slow 4G 562.5 ms and 180,000 B/s down; `Emulation.setCPUThrottlingRate` 4 for the slower CPU'
 */
export function presetsText(conditions: readonly NetworkCondition[]): string {
  // The first condition of each network names it (`Slow 4G`, not `Slow 4G, 4x slower CPU`).
  const named = conditions.filter(
    (condition, index) =>
      conditions.findIndex((other) => other.latency === condition.latency && other.download === condition.download) === index,
  );
  const cpus = [...new Set(conditions.map((condition) => condition.cpu).filter((cpu) => cpu > 1))];
  return [
    `\`Network.emulateNetworkConditions\`: ${named.map((condition) => `${condition.label} ${formatCount(condition.latency)} ms and ${formatCount(condition.download)} B/s down`).join(', ')}`,
    ...(cpus.length ? [`\`Emulation.setCPUThrottlingRate\` ${cpus.join(', ')} for the slower CPU`] : []),
  ].join('; ');
}

/** Ours and the peer on a phone's network: medians per condition, and the ratio. */
function networkSection(network: readonly NetworkFigures[]): string {
  const rows = network.flatMap(({ condition, ours, peer }) => {
    const row = (figure: string, mine: Spread, theirs: Spread, format: (value: number) => string) => [
      condition.label,
      figure,
      formatSpread(mine, format),
      formatSpread(theirs, format),
      formatRatio(mine.median / theirs.median),
    ];
    return [
      row('issue page: load event', ours.visit.loadMs, peer.visit.loadMs, formatMs),
      row('issue page: largest contentful paint', ours.visit.lcpMs, peer.visit.lcpMs, formatMs),
      row('issue page: bytes on the wire', ours.visit.bytes, peer.visit.bytes, formatBytes),
      row('issue page: requests', ours.visit.requests, peer.visit.requests, formatCount),
      row('issue page: longest chain of requests', ours.visit.chain, peer.visit.chain, formatCount),
      row("first search, search page's box: first result", ours.box.firstMs, peer.box.firstMs, formatMs),
      row("first search, search page's box: five results", ours.box.fiveMs, peer.box.fiveMs, formatMs),
      row("first search, issue page's header box: first result", ours.header.firstMs, peer.header.firstMs, formatMs),
      row("first search, issue page's header box: five results", ours.header.fiveMs, peer.header.fiveMs, formatMs),
    ];
  });
  const [first] = network;
  return [
    "### On a phone's network, side by side",
    '',
    first
      ? `Issue ${first.issue} of the 1,000-issue archive and the first search for \`${first.query}\`, ours and the peer alternating, a fresh context each, both behind the same gzip server (HTTP/1.1); medians (min–max) of ${first.ours.visit.lcpMs.samples.length} runs each.`
      : '',
    '',
    markdownTable(['condition', 'figure', 'ours', 'peer', 'ratio'], rows),
  ].join('\n');
}

/** The whole report. */
export function formatReport(results: BenchResults): string {
  const budgets = checkBudgets(results);
  const rows = growthRows(results.sizes);
  const verdict = judgeGrowth(rows);
  const versions = Object.entries(results.versions)
    .map(([name, version]) => `${name} ${version}`)
    .join(', ');
  const builds = [...results.sizes.map((size) => size.build), ...(results.peer ? [results.peer.build] : [])].flatMap((build) => build.runs);
  const otherShare =
    builds.reduce((sum, run) => sum + run.otherCpuMs, 0) /
    Math.max(
      1,
      builds.reduce((sum, run) => sum + run.wallMs, 0),
    );
  const failed = budgets.filter((entry) => entry.status === 'fail');
  const linear = verdict.linearTime === undefined ? 'not judged (needs three archives)' : verdict.linearTime ? 'yes' : 'no';
  const pagesConstant =
    verdict.constantPages === undefined ? 'not judged (needs two synthetic archives)' : verdict.constantPages ? 'yes' : 'no';
  const searchConstant =
    verdict.constantSearch === undefined ? 'not judged (needs two synthetic archives)' : verdict.constantSearch ? 'yes' : 'no';
  const ours = results.sizes.find((size) => size.label === String(limits.atIssues));
  return [
    '# Performance benchmark',
    '',
    `Written by \`npm run bench\` on ${results.date} (commit \`${results.commit}\`), in ${formatMs(results.durationMs)}; sizes ${results.options.sizes.join(', ')}, ${results.options.runs} clean build${results.options.runs > 1 ? 's' : ''} each${results.options.peer ? ', the peer beside the 1,000-issue archive' : ', no peer'}. The raw figures are in [results.json](results.json); \`node bench/rewrite-report.ts\` writes this file again from them.`,
    '',
    '## Machine',
    '',
    `- ${results.machine.cpu}, ${results.machine.cores} cores, ${formatBytes(results.machine.memoryBytes)} of memory, ${results.machine.os}`,
    `- Load average (1, 5, 15 min) at the start: ${results.machine.loadBefore.map((value) => value.toFixed(2)).join(', ')}; at the end: ${results.machine.loadAfter.map((value) => value.toFixed(2)).join(', ')} (the bench's own builds raise it: their threads keep both cores busy). During the builds, other processes used on average ${otherShare.toFixed(2)} of the ${results.machine.cores} cores (CPU time of everything outside the build's process tree, from /proc/stat).`,
    `- ${versions}`,
    '',
    '## Budgets',
    '',
    failed.length
      ? `${failed.length} of ${budgets.length} budgets failed: ${failed.map((entry) => entry.id).join(', ')}.`
      : `No budget failed (${budgets.filter((entry) => entry.status === 'pass').length} passed, ${budgets.filter((entry) => entry.status === 'not measured').length} not measured).`,
    '',
    markdownTable(
      ['budget', 'limit', 'measured', 'result'],
      budgets.map((entry) => [entry.budget, entry.limit, entry.measured, STATUS[entry.status]]),
    ),
    '',
    '## How cost grows',
    '',
    `Linear build time: **${linear}**. Issue pages independent of the archive's size: **${pagesConstant}**. Search page and first search independent of the archive's size: **${searchConstant}**.`,
    '',
    ...verdict.sentences.map((sentence) => `- ${sentence}`),
    '',
    markdownTable(
      [
        'archive',
        'issues',
        'build (median)',
        'per issue',
        'per added issue',
        'pages per issue',
        'HTML per page',
        'site per issue',
        'index per issue',
        'typical issue page (HTML)',
        'search page (HTML)',
        'first search (heaviest)',
      ],
      rows.map((row) => [
        row.label,
        formatCount(row.issues),
        formatMs(row.wallMs),
        formatMs(row.msPerIssue),
        row.marginalMsPerIssue === undefined ? '—' : formatMs(row.marginalMsPerIssue),
        row.pagesPerIssue === undefined ? '—' : row.pagesPerIssue.toFixed(2),
        row.htmlBytesPerPage === undefined ? '—' : formatBytes(Math.round(row.htmlBytesPerPage)),
        row.distBytesPerIssue === undefined ? '—' : formatBytes(Math.round(row.distBytesPerIssue)),
        row.searchIndexBytesPerIssue === undefined ? '—' : formatBytes(Math.round(row.searchIndexBytesPerIssue)),
        row.issuePageHtml === undefined ? '—' : `${formatBytes(row.issuePageHtml)} (issue ${row.issueNumber})`,
        row.searchPageHtml === undefined ? '—' : formatBytes(row.searchPageHtml),
        row.firstSearchBytes === undefined ? '—' : formatBytes(row.firstSearchBytes),
      ]),
    ),
    '',
    '## Archives',
    '',
    results.sizes.map(sizeSection).join('\n\n'),
    ...(results.peer ? ['', peerSection(results.peer, ours)] : []),
    ...(results.network?.length ? ['', networkSection(results.network)] : []),
    ...(results.devLoop ? ['', devLoopSection(results.devLoop)] : []),
    '',
    '## How each figure is measured',
    '',
    "- **Build**: ours through `npm run build` (the package's build script, so its Node flags and npm's start-up are measured), the peer's `astro build`, both run by the project's Node 22, after removing the output folder, `node_modules/.astro` (Astro's cache and content store) and `.astro/`; wall time from spawning the process to its exit. The synthetic archives come from `scripts/lib/synthetic-archive.ts` (seed 1: the same bytes every time; a larger archive starts with the same issues as a smaller one).",
    '- **Memory**: /proc sampled every 100 ms; the figure is the highest sum of the resident memory (RSS) of the build process and all its descendants (the Pagefind binary, esbuild). Shared pages count once per process.',
    '- **Astro and the search index overlap**: the content loaders hand the search records over as soon as they have read the content, and Pagefind indexes them in its own process while Astro writes its store, bundles and renders, so "page rendering" and "search index" are not parts of a sum. The index time runs from the records\' hand-over to the index being written; when it ends after rendering, Astro logs that it waited for it. The peer builds its index after rendering, from the HTML it wrote.',
    "- **Markdown parses**: one more build per archive (but the largest) with satteri's entry points counted by a module hook preloaded with `--import` (`bench/lib/parse-counter.ts`); not timed.",
    `- **Phone's network**: Chrome DevTools' presets applied through the debugging protocol (${presetsText(networkConditions)}), both sites served by the same Node server (HTTP/1.1, text gzip-compressed once, Pagefind's own gzip files sent as they are but gzip-encoded, as the shipped nginx block sends them, no caching between runs), a fresh context per visit. The issue page's load event is the navigation's \`loadEventStart\`, its largest paint the last \`largest-contentful-paint\` entry; the chain is the longest run of requests each started by the one before (the debugging protocol's initiators). A first search is timed on the pages' clocks (across pages when it navigates) from the query entered to the first result shown and to five: ours from the search page's box (focused, the query pasted, Enter) and from an issue page's header box (focused, pasted, Enter, which opens the search page); the peer has no search page, so both start in its search dialog (from its home page, and from the issue page).`,
    '- **Pages**: HTML files in the output. **Search index**: the `pagefind/` folder.',
    `- **Issue page**: the issue whose Chinese page has the median HTML size among the first ${formatCount(1000)} issues (the synthetic archives share them, so 1,000 and 5,000 load the same issue), in both languages. A fresh Chromium context (cold cache) opens it until the network is idle; every response is recorded and its body counted raw and gzip-compressed with zlib (default level). "Readable with JavaScript off": the text of \`<main>\` with JavaScript disabled equals the text with it on.`,
    "- **Search**: three queries drawn from the archive's own text by `buildQuerySet` (one Chinese, one mixed, one English). The site is served as the shipped nginx block serves it, by the same Node server as the phone's network figures (text gzip-compressed, Pagefind's own gzip files gzip-encoded so the browser unpacks them); Pagefind's files count at their size as stored and sent. For each, a fresh context (cold cache) opens the search page, focuses the box (which starts loading Pagefind and, once loaded, warms it up with a search by filter alone), types the query at once (Playwright's `fill`: one insertion of the whole query, as pasting or an input method's commit makes, which starts loading the words' index chunks and searches the query ahead) and presses Enter. The figure \"once focusing has loaded and warmed up Pagefind\" waits for the network to be idle after focusing, as when a reader takes a moment to type. \"Fetched from focusing the box\" counts every response from then until the network is idle after the results; \"with the page's scripts\" adds the search page's own scripts, so the figure holds all search code and data. The bytes are weighed in runs of their own, which are not timed (reading each response's body through the debugging protocol takes the browser's time). In the timed runs Playwright's waiting is set up in the page before the query is entered (its first `waitForFunction` runs Playwright's own script on the page's main thread, which no figure may include), here and on the phone's network, for ours and the peer alike. The times are the page's own measures from Enter (the `search-start` mark): `performance.measure('search')` to the first results written into the page (the first five issues, when there are more) and `'search-complete'` to the whole first page of ten; the budgets are checked on the first. Later queries are entered the same way into the same page after the first, one after another (each inserted whole, so searched ahead; a query typed key by key is not, and takes longer).",
    "- **Recall**: `buildQuerySet` on the real archive's text and `measureRecall` (the modules of `npm run search:recall`), recall@10 of the search page in Chromium.",
    '- **KB** is 1,000 bytes throughout, budgets included.',
    '',
  ].join('\n');
}
