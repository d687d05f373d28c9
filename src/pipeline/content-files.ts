/**
 * Reads and validates an issues folder: issues in `zh-CN/`, translations in one folder per
 * other locale. The one path the build, `npm run check` and the editor scripts share.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { defaultLocale, localeCodes, type Locale } from '../i18n/locales.ts';
import { checkIssueSet, validateIssueFile, type ValidIssue } from './issue-validation.ts';
import type { ContentProblem } from './problems.ts';
import { createProjectResolver } from '../lib/projects.ts';
import { checkTranslations, validateTranslationFile, type StaleTranslation, type ValidTranslation } from './translations.ts';
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

const inFlight = new Map<string, Promise<LoadedContent>>();

/**
 * Validates every file, then the rules across files; never stops at the first problem.
 * Concurrent calls for one folder (the issues and translations collections load together) share one read.
 */
export function loadContentFiles(issuesDir: string, registry: readonly Project[]): Promise<LoadedContent> {
  let pending = inFlight.get(issuesDir);
  if (!pending) {
    pending = readContent(issuesDir, registry).finally(() => inFlight.delete(issuesDir));
    inFlight.set(issuesDir, pending);
  }
  return pending;
}

async function readContent(issuesDir: string, registry: readonly Project[]): Promise<LoadedContent> {
  const resolver = createProjectResolver(registry);
  const schema = createIssueSchema(registry.map((project) => project.id));
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
  for (const file of issueFiles) {
    const result = validateIssueFile({ file: displayPath(file), source: await readFile(file, 'utf8') }, { schema, resolver });
    problems.push(...result.problems);
    if (result.issue) issues.push(result.issue);
  }
  for (const locale of localeCodes.filter((code) => code !== defaultLocale)) {
    for (const file of await listFiles(issuesDir, locale, problems)) {
      const result = validateTranslationFile({ file: displayPath(file), source: await readFile(file, 'utf8') }, locale, resolver);
      problems.push(...result.problems);
      if (result.translation) translations.push(result.translation);
    }
  }
  problems.push(...checkIssueSet(issues));
  const checked = checkTranslations(translations, issues);
  problems.push(...checked.problems);
  return { issues, translations, problems, stale: checked.stale };
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
