/**
 * npm run search:recall -- --site <built-site> [--corpus <legacy-dir> | --issues <issues-dir>]
 *                          [--locale zh-CN|en] [--per-kind <n>] [--cost]
 *
 * Measures the search of an already built site (it builds nothing): builds the query set from the
 * archive's own text (default: ../shared/corpus, imported in memory), types every query into the
 * site's search page in Chromium and reports recall@10 per kind of query. With --cost, also the
 * bytes a first search fetches and the time to its results, cold, for three queries.
 */
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { isLocale, type Locale } from '../src/i18n/locales.ts';
import { serveStatic } from '../tests/helpers/static-server.ts';
import { launchChromium, openSearchPage, searchIssues, waitForAnswer } from './lib/search-browser.ts';
import { readIssuesCorpus, readLegacyCorpus, registryNames } from './lib/recall-corpus.ts';
import { buildQuerySet } from './lib/search-queries.ts';
import { formatRecallReport, measureRecall } from './lib/recall.ts';
import { readCommandLine } from './lib/command-line.ts';

const usage =
  'usage: npm run search:recall -- --site <built-site> [--corpus <legacy-dir> | --issues <issues-dir>] [--locale zh-CN|en] [--per-kind <n>] [--cost]';
const { values } = readCommandLine(usage, {
  options: {
    site: { type: 'string' },
    corpus: { type: 'string' },
    issues: { type: 'string' },
    locale: { type: 'string', default: 'zh-CN' },
    'per-kind': { type: 'string', default: '30' },
    cost: { type: 'boolean', default: false },
  },
});
const locale = values.locale;
if (!values.site || !isLocale(locale)) {
  console.error(usage);
  process.exit(2);
}

const corpus = values.issues
  ? await readIssuesCorpus(values.issues)
  : await readLegacyCorpus(values.corpus ?? path.resolve(import.meta.dirname, '../../shared/corpus'));
const texts = corpus.textsIn(locale);
const queries = buildQuerySet(texts, { perKind: Number(values['per-kind']), names: await registryNames() });
const server = await serveStatic(path.resolve(values.site));
const browser = await launchChromium();
try {
  const page = await browser.newPage();
  await openSearchPage(page, server.url, locale);
  const outcomes = await measureRecall(queries, (query) => searchIssues(page, query));
  console.log(`Search recall, ${locale} search page of ${values.site}, ${texts.length} issues, ${outcomes.length} queries\n`);
  console.log(formatRecallReport(outcomes));
  if (values.cost) console.log(`\n${await measureCost(browser, server.url, locale)}`);
} finally {
  await browser.close();
  await server.close();
}

/** Bytes and time of a first search (cold cache, fresh context) and of a second one, per query. */
async function measureCost(chromium: Browser, baseUrl: string, pageLocale: Locale): Promise<string> {
  const rows = [
    '| query | page load (bytes) | first search fetches (bytes) | to first results (ms) | next query (ms) |',
    '| --- | --- | --- | --- | --- |',
  ];
  for (const [query, next] of [
    ['健康检查', '数据库'],
    ['nova-scheduler', 'Keystone V3'],
    ['Rackspace', 'migration'],
  ] as const) {
    const context = await chromium.newContext();
    const page = await context.newPage();
    let bytes = 0;
    page.on('response', (response) => {
      void response.body().then(
        (body) => (bytes += body.length),
        () => undefined,
      );
    });
    await openSearchPage(page, baseUrl, pageLocale);
    await page.waitForLoadState('networkidle');
    const pageBytes = bytes;
    bytes = 0;
    const time = async (text: string) => {
      await page.locator('#search-query').fill(text);
      await page.locator('#search-query').press('Enter');
      await waitForAnswer(page, text);
      return page.evaluate(() => Math.round(performance.getEntriesByName('search', 'measure').at(-1)?.duration ?? Number.NaN));
    };
    const first = await time(query);
    await page.waitForLoadState('networkidle');
    const searchBytes = bytes;
    const second = await time(next);
    rows.push(`| ${query} | ${pageBytes} | ${searchBytes} | ${first} | ${second} (${next}) |`);
    await context.close();
  }
  return rows.join('\n');
}
