/** Reads and validates every issue file of an issues folder: the one path the build, `check` and the editor scripts share. */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { createIssueSchema } from '../schemas/issue.ts';
import { checkIssueSet, validateIssueFile, type ValidIssue } from '../lib/issue-validation.ts';
import type { ContentProblem } from '../lib/problems.ts';
import { createProjectResolver } from '../lib/projects.ts';
import type { Project } from '../schemas/project.ts';
import { displayPath } from './paths.ts';
import { defaultLocale } from '../i18n/locales.ts';

export interface LoadedIssues {
  issues: ValidIssue[];
  problems: ContentProblem[];
}

/** Validates `<issuesDir>/zh-CN/*.md` file by file, then across files; never stops at the first problem. */
export async function loadIssueFiles(issuesDir: string, registry: readonly Project[]): Promise<LoadedIssues> {
  const dir = path.join(issuesDir, defaultLocale);
  const context = { schema: createIssueSchema(registry.map((project) => project.id)), resolver: createProjectResolver(registry) };
  const names = (await readdir(dir).catch(() => [] as string[])).filter((name) => !name.startsWith('.')).sort();
  const issues: ValidIssue[] = [];
  const problems: ContentProblem[] = [];
  if (names.length === 0) {
    problems.push({ file: displayPath(dir), field: 'folder', message: 'no issues found', fix: 'add issue files (npm run new-issue) or point DIGEST_CONTENT_DIR at an issues folder' });
  }
  for (const name of names) {
    const file = displayPath(path.join(dir, name));
    if (!name.endsWith('.md')) {
      const fix = name.endsWith('.mdx')
        ? 'issues are Markdown: rename it to .md (MDX runs code at build time and is for maintainers\' pages only)'
        : 'rename it to NNNN.md or move it out of the issues folder';
      problems.push({ file, field: 'file name', message: 'not a Markdown issue file', fix });
      continue;
    }
    const result = validateIssueFile({ file, source: await readFile(path.join(dir, name), 'utf8') }, context);
    problems.push(...result.problems);
    if (result.issue) issues.push(result.issue);
  }
  problems.push(...checkIssueSet(issues));
  return { issues, problems };
}
