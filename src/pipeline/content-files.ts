/**
 * Reads and validates an issues folder: issues in `zh-CN/`, translations in one folder per
 * other locale. The one path the build, `npm run check` and the editor scripts share.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { defaultLocale, localeCodes, type Locale } from '../i18n/locales.ts';
import { checkIssueSet, toIssueEntry, validateIssueFile, type ValidIssue } from './issue-validation.ts';
import { formatProblems, type ContentProblem } from './problems.ts';
import { createProjectResolver } from '../lib/projects.ts';
import {
  checkTranslations,
  toTranslationEntry,
  validateTranslationFile,
  type StaleTranslation,
  type ValidTranslation,
} from './translations.ts';
import { createArchive, type Archive } from '../lib/archive.ts';
import type { IssueEntryData, TranslationEntryData } from '../schemas/entry.ts';
import { createIssueSchema } from '../schemas/issue.ts';
import type { Project } from '../schemas/project.ts';
import { displayPath } from './paths.ts';

export interface LoadedContent {
  issues: ValidIssue[];
  translations: ValidTranslation[];
  /** Everything that must be fixed; the build fails on any. */
  problems: ContentProblem[];
  /** Translations of an older version of their issue; reported, not fatal. */
  stale: StaleTranslation[];
}

export interface ContentOptions {
  registry: readonly Project[];
  /** The address the site is published at; bodies' relative addresses resolve against their pages there. */
  site: URL;
}

const inFlight = new Map<string, Promise<LoadedContent>>();

/**
 * Validates and renders every file, then checks the rules across files; never stops at the first
 * problem. Concurrent calls for one folder (the issues and translations collections load
 * together) share one read.
 */
export function loadContentFiles(issuesDir: string, options: ContentOptions): Promise<LoadedContent> {
  const key = `${issuesDir}\0${options.site.href}`;
  let pending = inFlight.get(key);
  if (!pending) {
    pending = readContent(issuesDir, options).finally(() => inFlight.delete(key));
    inFlight.set(key, pending);
  }
  return pending;
}

type FileResult<T> = { value?: T; problems: ContentProblem[] };

/**
 * Results of files already read, by what they depend on besides their text (the site's address and
 * the registry), then by path: a later read (the dev server's, after an edit) validates and renders
 * only the files whose text changed.
 */
const readBefore = new Map<string, Map<string, { source: string; result: FileResult<unknown> }>>();

/** A file's result, from the cache when its text is unchanged. */
function readOnce<T>(
  known: Map<string, { source: string; result: FileResult<unknown> }>,
  file: string,
  source: string,
  read: (source: string) => FileResult<T>,
): FileResult<T> {
  const before = known.get(file);
  if (before?.source === source) return before.result as FileResult<T>;
  const result = read(source);
  known.set(file, { source, result });
  return result;
}

/** Reads files several at a time: one after another, the thread mostly waited on the disk. */
async function readAll(files: readonly string[]): Promise<string[]> {
  const sources: string[] = [];
  for (let start = 0; start < files.length; start += READS_IN_FLIGHT) {
    sources.push(...(await Promise.all(files.slice(start, start + READS_IN_FLIGHT).map((file) => readFile(file, 'utf8')))));
  }
  return sources;
}

const READS_IN_FLIGHT = 64;

async function readContent(issuesDir: string, { registry, site }: ContentOptions): Promise<LoadedContent> {
  const resolver = createProjectResolver(registry);
  const schema = createIssueSchema(registry.map((project) => project.id));
  // A changed registry or address changes every result.
  const context = `${site.href}\0${JSON.stringify(registry)}`;
  const known = readBefore.get(context) ?? new Map();
  readBefore.set(context, known);
  const problems: ContentProblem[] = [];
  const issues: ValidIssue[] = [];
  const translations: ValidTranslation[] = [];

  const issueFiles = await listFiles(issuesDir, defaultLocale, problems);
  if (issueFiles.length === 0) {
    problems.push({
      file: displayPath(path.join(issuesDir, defaultLocale)),
      field: 'folder',
      message: 'no issues found',
      fix: 'add issue files (npm run new-issue) or point DIGEST_CONTENT_DIR at an issues folder',
    });
  }
  const issueSources = await readAll(issueFiles);
  issueFiles.forEach((file, index) => {
    const result = readOnce(known, file, issueSources[index] ?? '', (source) => {
      const { issue, problems: found } = validateIssueFile({ file: displayPath(file), source }, { schema, resolver, site });
      return { ...(issue ? { value: issue } : {}), problems: found };
    });
    problems.push(...result.problems);
    if (result.value) issues.push(result.value);
  });
  for (const locale of localeCodes.filter((code) => code !== defaultLocale)) {
    const files = await listFiles(issuesDir, locale, problems);
    const sources = await readAll(files);
    files.forEach((file, index) => {
      const result = readOnce(known, file, sources[index] ?? '', (source) => {
        const { translation, problems: found } = validateTranslationFile({ file: displayPath(file), source }, locale, { resolver, site });
        return { ...(translation ? { value: translation } : {}), problems: found };
      });
      problems.push(...result.problems);
      if (result.value) translations.push(result.value);
    });
  }
  problems.push(...checkIssueSet(issues));
  const checked = checkTranslations(translations, issues);
  problems.push(...checked.problems);
  return { issues, translations, problems, stale: checked.stale };
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

/**
 * The archive of an issues folder, read outside Astro from the same entries the collections store
 * (for the recall measurement and the benchmark); throws, listing the problems, on invalid content.
 */
export async function readArchive(issuesDir: string, options: ContentOptions): Promise<Archive> {
  const content = await loadContentFiles(issuesDir, options);
  if (content.problems.length > 0) throw new Error(formatProblems(content.problems));
  const { issues, translations } = toEntries(content);
  return createArchive(issues, translations);
}

/** The Markdown files of one locale folder, reporting files that do not belong there. */
async function listFiles(issuesDir: string, locale: Locale, problems: ContentProblem[]): Promise<string[]> {
  const dir = path.join(issuesDir, locale);
  const names = (await readdir(dir).catch(() => [] as string[])).filter((name) => !name.startsWith('.')).sort();
  return names.flatMap((name) => {
    if (name.endsWith('.md')) return [path.join(dir, name)];
    const fix = name.endsWith('.mdx')
      ? "issues are Markdown: rename it to .md (MDX runs code at build time and is for maintainers' pages only)"
      : 'rename it to NNNN.md or move it out of the issues folder';
    problems.push({ file: displayPath(path.join(dir, name)), field: 'file name', message: 'not a Markdown issue file', fix });
    return [];
  });
}
