/**
 * npm run links [-- --all] [--max-age <days>] [--concurrency <n>] [--per-host <n>] [--timeout <ms>] [--retries <n>]
 *
 * Checks every outside link of the issues over the network and records what it found in
 * `<issues>/link-health.yaml`, which later builds read offline: a link known dead sends readers to
 * its archived copy first, a permanent redirect is shown as a move. A run checks only addresses
 * never checked or checked --max-age days ago or more (--all: every one); it writes the file as
 * results come in, so an interrupted run (Ctrl-C) keeps what it had checked. The steps live in
 * `scripts/lib/linkcheck/`; one report at the end: the links to look at, then a summary per issue.
 */
import { localDay, toIsoDay } from '../src/lib/dates.ts';
import { loadContentFiles } from '../src/pipeline/content-files.ts';
import { linkHealthFile, readLinkData } from '../src/pipeline/link-data.ts';
import { displayPath, getIssuesDir } from '../src/pipeline/paths.ts';
import { formatProblems } from '../src/pipeline/problems.ts';
import type { LinkCheck } from '../src/schemas/links.ts';
import { collectLinkUses } from './lib/linkcheck/collect.ts';
import { createFailureGate } from './lib/linkcheck/failure-gate.ts';
import { writeHealthFile } from './lib/linkcheck/health-file.ts';
import { checkAddress } from './lib/linkcheck/http-check.ts';
import { runPool } from './lib/linkcheck/pool.ts';
import { formatReport, summarize } from './lib/linkcheck/report.ts';
import { selectAddresses } from './lib/linkcheck/select.ts';
import { readCommandLine, readSiteUrl } from './lib/command-line.ts';
import { readRegistries } from './lib/registries.ts';

const usage = 'usage: npm run links -- [--all] [--max-age <days>] [--concurrency <n>] [--per-host <n>] [--timeout <ms>] [--retries <n>]';
const { values } = readCommandLine(usage, {
  options: {
    all: { type: 'boolean', default: false },
    'max-age': { type: 'string', default: '30' },
    concurrency: { type: 'string', default: '8' },
    'per-host': { type: 'string', default: '2' },
    timeout: { type: 'string', default: '10000' },
    retries: { type: 'string', default: '1' },
  },
});
const numbers = Object.fromEntries(
  (['max-age', 'concurrency', 'per-host', 'timeout', 'retries'] as const).map((name) => {
    const value = Number(values[name]);
    const least = name === 'retries' || name === 'max-age' ? 0 : 1;
    // Node's timers hold at most 2^31 - 1 ms; a longer --timeout would fire at once, recording every address as timed out.
    const most = name === 'timeout' ? 2 ** 31 - 1 : Number.MAX_SAFE_INTEGER;
    if (!Number.isInteger(value) || value < least || value > most) {
      const range = most === Number.MAX_SAFE_INTEGER ? `of at least ${least}` : `from ${least} to ${most}`;
      console.error(`--${name} must be a whole number ${range} (got ${values[name]}).\n${usage}`);
      process.exit(2);
    }
    return [name, value];
  }),
) as Record<'max-age' | 'concurrency' | 'per-host' | 'timeout' | 'retries', number>;

// Step 1: the outside links of the issues folder, as the site links them.
const issuesDir = getIssuesDir();
const content = await loadContentFiles(issuesDir, { registry: readRegistries().projects, site: readSiteUrl() });
if (content.problems.length > 0) {
  console.error(`${formatProblems(content.problems)}\nFix these first: npm run check lists the same problems.`);
  process.exit(1);
}
const uses = await collectLinkUses(content);
const linked = new Set(uses.map((use) => use.address));

// Step 2: what is new or old enough, given the checks already recorded.
const healthFile = linkHealthFile(issuesDir);
const checks = new Map((await readLinkData(issuesDir)).rules.checks);
const today = localDay(new Date());
const pending = selectAddresses(linked, checks, { today, maxAgeDays: numbers['max-age'], all: values.all });
const dropped = [...checks.keys()].filter((address) => !linked.has(address)).length;
console.log(
  `${linked.size} outside addresses in ${displayPath(issuesDir)}; checking ${pending.length}` +
    (values.all ? '' : ` (never checked, or checked ${numbers['max-age']} days ago or more)`) +
    (dropped ? `; dropping ${dropped} no longer linked` : ''),
);

// Step 3: check them, a bounded number at a time, writing the file as results come in.
const stop = new AbortController();
const interrupt = () => stop.abort();
process.once('SIGINT', interrupt);
process.once('SIGTERM', interrupt);
let writing = Promise.resolve();
const save = () => {
  const kept = [...checks.values()].filter((check) => linked.has(check.address));
  writing = writing.then(() => writeHealthFile(healthFile, kept));
  return writing;
};
let done = 0;
const gate = createFailureGate();
await runPool(
  pending,
  (address) => new URL(address).host,
  { concurrency: numbers.concurrency, perHost: numbers['per-host'] },
  async (address) => {
    const options = { timeoutMs: numbers.timeout, retries: numbers.retries, retryDelayMs: 1000, maxRedirects: 10, signal: stop.signal };
    const result = await checkAddress(address, options).catch((error: unknown) => {
      if (stop.signal.aborted) return undefined;
      throw error;
    });
    if (!result) return;
    const admitted = gate.admit({ ...result, checked: toIsoDay(today) } satisfies LinkCheck);
    for (const check of admitted) checks.set(check.address, check);
    done += admitted.length;
    if (admitted.length) await save();
  },
  stop.signal,
);
await save();
process.off('SIGINT', interrupt);
process.off('SIGTERM', interrupt);

// Step 4: one report.
const { records, issues } = summarize(uses, checks);
console.log(`\n${formatReport(records, issues)}\n`);
const unanswered = gate.held();
if (stop.signal.aborted) {
  console.log(`Interrupted: ${done} of ${pending.length} checked and kept in ${displayPath(healthFile)}; run again to check the rest.`);
  process.exitCode = 130;
} else if (unanswered.length) {
  const failures = [...new Set(unanswered.map(({ status }) => status))].join(', ');
  console.error(
    `No server answered any of the ${unanswered.length} addresses checked (${failures}): this machine seems to have no network, ` +
      `so none of them was recorded. Run npm run links again once it is online.`,
  );
  process.exitCode = 1;
} else {
  console.log(`${done} checked; ${displayPath(healthFile)} updated.`);
}
