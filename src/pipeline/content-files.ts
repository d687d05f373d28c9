/**
 * Reads and validates an issues folder: issues in `zh-CN/`, translations in one folder per
 * other locale. The one path the build, `npm run check` and the editor scripts share.
 */
import { readFile, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { defaultLocale, type Locale } from '../i18n/locales.ts';
import { checkIssueSet, toIssueEntry, type ValidIssue } from './issue-validation.ts';
import { formatProblems, type ContentProblem } from './problems.ts';
import { createProjectResolver } from '../lib/projects.ts';
import { checkTranslations, toTranslationEntry, type StaleTranslation, type ValidTranslation } from './translations.ts';
import { createArchive, type Archive } from '../lib/archive.ts';
import { sitemapPath } from '../lib/routes.ts';
import type { IssueEntryData, TranslationEntryData } from '../schemas/entry.ts';
import type { Project } from '../schemas/project.ts';
import { displayPath } from './paths.ts';
import { fileReader, type FileResult, type PassValues, type ReadContext, type ReadPass } from './file-readers.ts';
import { checkFileName, listContentFiles, numberOfFileName, type ContentFile } from './folder.ts';
import { readLinkData } from './link-data.ts';
import { stampOf, writtenSinceNoted } from './read-stamps.ts';
import { startReadPool, type ReadPool } from './read-pool.ts';
import { checkSiteLinks, siteContentsOf, type LinkingText, type SiteContents } from './site-links.ts';
import { readPublicFiles } from './public-files.ts';
import { toIsoDay } from '../lib/dates.ts';

export interface LoadedContent {
  issues: ValidIssue[];
  translations: ValidTranslation[];
  /** Every Markdown file read, valid or not, with the number it says it holds when it gives one. */
  files: ReadFile[];
  /** Everything that must be fixed; the build fails on any. */
  problems: ContentProblem[];
  /** Translations of an older version of their issue; reported, not fatal. */
  stale: StaleTranslation[];
}

/** A file of the folder as read. */
export interface ReadFile extends ContentFile {
  /** The issue number its front matter gives. */
  number?: number;
}

export interface ContentOptions {
  registry: readonly Project[];
  /** The address the site is published at; bodies' relative addresses resolve against their pages there. */
  site: URL;
  /** Threads that read many files at once (`read-pool.ts`), the main thread included: one per core unless given. */
  threads?: number;
}

const inFlight = new Map<string, Promise<LoadedContent>>();
/** Reads that have begun reading the folder. */
const started = new WeakSet<Promise<LoadedContent>>();

/**
 * Validates and renders every file, then checks the rules across files; never stops at the first
 * problem. Concurrent calls for one folder (the issues and translations collections load
 * together) share one read. A `fresh` read (after a change to the folder) must see the folder as it
 * is now, so it does not join a read already under way, which may have read a file before the
 * change: it starts once that read is done. It joins one still waiting to start, which will see
 * the folder as it is then: a checkout of 1,000 files reports 1,000 changes, and they are read by
 * one read more, not by 1,000 one after another.
 */
export function loadContentFiles(issuesDir: string, options: ContentOptions, { fresh = false } = {}): Promise<LoadedContent> {
  const key = `${issuesDir}\0${options.site.href}`;
  const pending = inFlight.get(key);
  if (pending && (!fresh || !started.has(pending))) return pending;
  const read: Promise<LoadedContent> = (pending ?? Promise.resolve())
    .catch(() => undefined)
    .then(() => {
      started.add(read);
      return readContent(issuesDir, options);
    })
    .finally(() => {
      if (inFlight.get(key) === read) inFlight.delete(key);
    });
  inFlight.set(key, read);
  return read;
}

type KnownResults = Map<string, KnownResult>;

interface KnownResult {
  bytes: Buffer;
  result: FileResult<unknown>;
  stamp?: string;
  /** What else the result was made from, as `dependsOn` wrote it then. */
  dependency: string;
}

/**
 * Results of files already read, by what they depend on besides their bytes (the site's address, the
 * registry and the link data files), then by path: a later read (the dev server's, after an edit)
 * validates and renders only the files whose bytes changed, or whose result depended on something
 * else that changed (a translation's archived copies are dated to its issue's day). Only the last
 * of those is kept: a dev server lives through many (`npm run links` rewrites the link checks after
 * every answer), and each holds every file's bytes and rendered parts.
 */
const readBefore = new Map<string, KnownResults>();

/** A file of one pass, as listed and read. */
interface PassFile {
  file: string;
  shown: string;
  locale: Locale;
  read: FileRead;
}

/** Files read afresh in one pass from which the other cores read some of them (`read-pool.ts`). */
export const SHARED_FROM = 64;

/**
 * The results of a pass's files: from the last read when a file's bytes are unchanged and
 * `dependsOn` still says the same of its result, else read afresh, by every core when there are
 * many (`pool()` starts the workers the first time it is asked).
 */
async function readPass<Pass extends ReadPass>(
  files: readonly PassFile[],
  pass: Pass,
  { known, context, pool, dependsOn = () => '' }: PassOptions<Pass>,
): Promise<FileResult<PassValues[Pass['kind']]>[]> {
  type Result = FileResult<PassValues[Pass['kind']]>;
  const results = files.map(({ file, read }) => {
    const before = known.get(file) as (KnownResult & { result: Result }) | undefined;
    if ((before?.bytes === read.bytes || before?.bytes.equals(read.bytes)) && before.dependency === dependsOn(before.result)) {
      before.stamp = read.stamp;
      return before.result;
    }
    return undefined;
  });
  const unread = files.flatMap((file, index) => (results[index] ? [] : [{ index, file }]));
  const jobs = unread.map(({ file: { file, shown, locale, read } }) => ({ file, shown, locale, bytes: read.bytes }));
  const shared = jobs.length >= SHARED_FROM ? pool() : undefined;
  const fresh = shared ? await shared.read(pass, jobs) : jobs.map(fileReader(context, pass));
  unread.forEach(({ index, file: { file, read } }, position) => {
    const result = fresh[position] as Result;
    results[index] = result;
    known.set(file, { bytes: read.bytes, result, stamp: read.stamp, dependency: dependsOn(result) });
  });
  return results as Result[];
}

interface PassOptions<Pass extends ReadPass> {
  known: KnownResults;
  context: ReadContext;
  /** The pool to read many files with, if any. */
  pool: () => ReadPool | undefined;
  /** What else than its bytes a file's result was made from. */
  dependsOn?: (result: FileResult<PassValues[Pass['kind']]>) => string;
}

/**
 * Whether a file read before (an issue, a translation, or a data file read with them: a registry,
 * the known moves, the link checks) has been written since its last read took its stamp: the read
 * caught a save under way (an editor empties a file, then writes it, and the watcher may report
 * only the first). A file never read, or gone, is not.
 */
export async function writtenSinceRead(file: string): Promise<boolean> {
  const wanted = path.resolve(file);
  let before: string | undefined;
  for (const known of readBefore.values()) {
    for (const [read, { stamp }] of known) if (path.resolve(read) === wanted) before = stamp;
  }
  if (before === undefined) return (await writtenSinceNoted(file)) ?? false;
  const now = await stat(file, { bigint: true }).then(stampOf, () => undefined);
  return now !== undefined && now !== before;
}

interface FileRead {
  bytes: Buffer;
  stamp: string;
}

/**
 * Reads files several at a time (one after another, the thread mostly waited on the disk). A file
 * read before whose size and times are unchanged is not read again: after an edit in `npm run dev`,
 * only the edited file is. The stamp is taken before the read, so a write during it is seen next time.
 */
async function readAll(files: readonly string[], known: KnownResults): Promise<FileRead[]> {
  const reads: FileRead[] = [];
  const readOne = async (file: string): Promise<FileRead> => {
    const stamp = stampOf(await stat(file, { bigint: true }));
    const before = known.get(file);
    return { bytes: before?.stamp === stamp ? before.bytes : await readFile(file), stamp };
  };
  for (let start = 0; start < files.length; start += READS_IN_FLIGHT) {
    reads.push(...(await Promise.all(files.slice(start, start + READS_IN_FLIGHT).map(readOne))));
  }
  return reads;
}

const READS_IN_FLIGHT = 64;

async function readContent(
  issuesDir: string,
  { registry, site, threads = availableParallelism() }: ContentOptions,
): Promise<LoadedContent> {
  const resolver = createProjectResolver(registry);
  const links = await readLinkData(issuesDir);
  // A changed registry, address or link data file changes every result.
  const readAgainst = `${site.href}\0${JSON.stringify(registry)}\0${links.digest}`;
  let known = readBefore.get(readAgainst);
  if (!known) {
    // What was read against other registries or link data is not read again: results, and the
    // stamps `writtenSinceRead` compares, are those of this context alone.
    readBefore.clear();
    known = new Map();
    readBefore.set(readAgainst, known);
  }
  const problems: ContentProblem[] = [...links.problems];
  const issues: ValidIssue[] = [];
  const translations: ValidTranslation[] = [];

  const listed = await listContentFiles(issuesDir);
  problems.push(...listed.problems);
  if (!listed.files.some(({ locale }) => locale === defaultLocale)) {
    problems.push({
      file: displayPath(path.join(issuesDir, defaultLocale)),
      field: 'folder',
      message: NO_ISSUES,
      fix: 'add issue files (npm run new-issue) or point DIGEST_CONTENT_DIR at an issues folder',
    });
  }
  const contents = await readAll(
    listed.files.map(({ file }) => file),
    known,
  );
  const files: ReadFile[] = [];
  const noteRead = (file: string, locale: ContentFile['locale'], { problems: found, number }: FileResult<unknown>) => {
    problems.push(...found);
    const misnamed = number && checkFileName(file, number.value, number.line);
    if (misnamed) problems.push(misnamed);
    files.push({ file, locale, ...(number ? { number: number.value } : {}) });
  };
  const reads = listed.files.map(({ file, locale }, index) => ({
    file,
    locale,
    shown: displayPath(file),
    read: contents[index] ?? { bytes: Buffer.alloc(0), stamp: '' },
  }));
  const context: ReadContext = { registry, site: site.href, links: links.rules };
  let started: ReadPool | undefined;
  const workers = Math.max(0, threads - 1);
  const pool = () => (workers > 0 ? (started ??= startReadPool(context, workers)) : undefined);
  try {
    const issueFiles = reads.filter(({ locale }) => locale === defaultLocale);
    const issueResults = await readPass(issueFiles, { kind: 'issues' }, { known, context, pool });
    issueFiles.forEach(({ shown, locale }, index) => {
      const result = issueResults[index] as FileResult<ValidIssue>;
      noteRead(shown, locale, result);
      if (result.value) issues.push(result.value);
    });
    // A translation's archived copies are dated to its issue, so translations are read after the issues.
    const published = new Map(issues.map((issue) => [issue.data.number, toIsoDay(issue.data.published)]));
    const translationFiles = reads.filter(({ locale }) => locale !== defaultLocale);
    const translationResults = await readPass(
      translationFiles,
      { kind: 'translations', published },
      { known, context, pool, dependsOn: ({ value }) => (value ? (published.get(value.data.number) ?? '') : '') },
    );
    translationFiles.forEach(({ shown, locale }, index) => {
      const result = translationResults[index] as FileResult<ValidTranslation>;
      noteRead(shown, locale, result);
      if (result.value) translations.push(result.value);
    });
  } finally {
    started?.close();
  }
  problems.push(...checkIssueSet(issues));
  // Issue files with problems of their own: their translations wait until they are valid. One
  // whose front matter does not read gives no number: its file's name does.
  const valid = new Set(issues.map((issue) => issue.data.number));
  const invalidIssues = new Set(
    files.flatMap(({ file, locale, number = numberOfFileName(file) }) =>
      locale === defaultLocale && number !== undefined && !valid.has(number) ? [number] : [],
    ),
  );
  const checked = checkTranslations(translations, issues, resolver, invalidIssues);
  problems.push(...checked.problems);
  const drafts = new Set(issues.filter(({ data }) => data.draft).map(({ data }) => data.number));
  const { served, problems: publicProblems } = await readPublicFiles();
  problems.push(...publicProblems);
  problems.push(...checkSiteLinks(linkingTexts(issues, translations, drafts), siteContents(issues, translations, drafts, site, served)));
  return { issues, translations, files, problems, stale: checked.stale };
}

/** The files the build writes beside the pages, which a text may link as well as those of `public/`. */
const BUILT_FILES = [sitemapPath, '/robots.txt'];

/** What the build will publish of this content (drafts are the numbers of draft issues), for the links to it. */
function siteContents(
  issues: readonly ValidIssue[],
  translations: readonly ValidTranslation[],
  drafts: ReadonlySet<number>,
  site: URL,
  served: readonly string[],
): SiteContents {
  const translated = new Map<number, Partial<Record<Locale, string[]>>>();
  for (const { data, locale, body } of translations) {
    if (data.draft || drafts.has(data.number)) continue;
    translated.set(data.number, { ...translated.get(data.number), [locale]: body.sections.map((section) => section.projectId) });
  }
  const published = issues.map(({ data, body }) => ({
    number: data.number,
    period: data.period,
    draft: !!data.draft,
    sections: body.sections.map((section) => section.projectId),
  }));
  return siteContentsOf(published, translated, site.pathname, [...served.map((file) => `/${file}`), ...BUILT_FILES]);
}

/** The issues and translations as texts that link to the site; a translation of a draft is a draft too. */
function linkingTexts(
  issues: readonly ValidIssue[],
  translations: readonly ValidTranslation[],
  drafts: ReadonlySet<number>,
): LinkingText[] {
  return [
    ...issues.map(({ file, data, siteLinks }) => ({ file, draft: !!data.draft, links: siteLinks })),
    ...translations.map(({ file, data, siteLinks }) => ({ file, draft: !!data.draft || drafts.has(data.number), links: siteLinks })),
  ];
}

/** The entries of one read, made once for every collection and reader that asks. */
const entriesOfRead = new WeakMap<LoadedContent, ContentEntries>();

export interface ContentEntries {
  issues: IssueEntryData[];
  translations: TranslationEntryData[];
}

/** What the collections store of a read folder: each issue and translation, validated and rendered. */
export function toEntries(content: LoadedContent): ContentEntries {
  let entries = entriesOfRead.get(content);
  if (!entries) {
    const stale = new Set(content.stale.map(({ file }) => file));
    entries = {
      issues: content.issues.map(toIssueEntry),
      translations: content.translations.map((translation) => toTranslationEntry(translation, stale.has(translation.file))),
    };
    entriesOfRead.set(content, entries);
  }
  return entries;
}

/** The problem of a folder without issues: the one `npm run new-issue` can fix, by writing the first. */
export const NO_ISSUES = 'no issues found';

const publishedOfRead = new WeakMap<LoadedContent, LoadedContent>();

/**
 * What a build publishes of a read: drafts left out, and with a draft issue its translations
 * (`npm run dev` shows everything). Made once per read, so its entries are too.
 */
export function publishedContent(content: LoadedContent): LoadedContent {
  let published = publishedOfRead.get(content);
  if (!published) {
    const draftIssues = new Set(content.issues.filter(({ data }) => data.draft).map(({ data }) => data.number));
    const translations = content.translations.filter(({ data }) => !data.draft && !draftIssues.has(data.number));
    const kept = new Set(translations.map(({ file }) => file));
    published = {
      ...content,
      issues: content.issues.filter(({ data }) => !data.draft),
      translations,
      stale: content.stale.filter(({ file }) => kept.has(file)),
    };
    publishedOfRead.set(content, published);
  }
  return published;
}

/**
 * The archive of an issues folder as a build publishes it, read outside Astro from the same entries
 * the collections store (for the recall measurement and the benchmark); throws, listing the problems, on invalid content.
 */
export async function readArchive(issuesDir: string, options: ContentOptions): Promise<Archive> {
  const content = await loadContentFiles(issuesDir, options);
  if (content.problems.length > 0) throw new Error(formatProblems(content.problems));
  const { issues, translations } = toEntries(publishedContent(content));
  return createArchive(issues, translations, options.site.pathname);
}
