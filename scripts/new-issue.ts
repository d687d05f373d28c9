/**
 * npm run new-issue [-- --dry-run]
 *
 * Writes the next issue: the next number, a period starting the day after the latest one
 * ends, the latest issue's credits, and the two sections every issue opens with. Never
 * overwrites a file.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { formatIssueLabel } from '../src/lib/numerals.ts';
import { formatProblems } from '../src/pipeline/problems.ts';
import { loadContentFiles, NO_ISSUES } from '../src/pipeline/content-files.ts';
import { displayPath, getIssuesDir } from '../src/pipeline/paths.ts';
import { defaultLocale } from '../src/i18n/locales.ts';
import { issueFileName, serializeIssue } from './lib/issue-writer.ts';
import { scaffoldIssue } from './lib/scaffold.ts';
import { outputFolderProblem, readCommandLine, readSiteUrl } from './lib/command-line.ts';
import { readRegistries } from './lib/registries.ts';

const { values } = readCommandLine(
  'usage: npm run new-issue -- [--dry-run]',
  { options: { 'dry-run': { type: 'boolean', default: false } } },
  ['dry-run'],
);
// `npm run new-issue --dry-run` (without `--`) gives the flag to npm, which passes it on only as this variable.
const dryRun = values['dry-run'] || process.env['npm_config_dry_run'] === 'true';
const issuesDir = getIssuesDir();
const registry = readRegistries().projects;
const { issues, problems: found } = await loadContentFiles(issuesDir, { registry: registry, site: readSiteUrl() });
// An empty folder is no obstacle: the first issue is what it lacks.
const problems = found.filter((problem) => problem.message !== NO_ISSUES);
if (problems.length > 0) {
  console.error(`${formatProblems(problems)}\nFix these first: the next number and period come from the existing issues.`);
  process.exit(1);
}

const { data, body } = scaffoldIssue(
  issues.map((issue) => issue.data),
  registry,
);
const file = path.join(issuesDir, defaultLocale, issueFileName(data.number));
const content = serializeIssue(data, body);
if (dryRun) {
  // The file's bytes exactly, so `--dry-run > 0009.md` writes what the command would.
  process.stdout.write(content);
} else {
  const folderProblem = outputFolderProblem(path.dirname(file));
  if (folderProblem) {
    console.error(
      `${folderProblem}; nothing was written. Point DIGEST_CONTENT_DIR at the issues folder, the one holding ${defaultLocale}/.`,
    );
    process.exit(1);
  }
  await mkdir(path.dirname(file), { recursive: true });
  try {
    await writeFile(file, content, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    console.error(`${displayPath(file)} already exists; nothing was written. Rename or remove it first.`);
    process.exit(1);
  }
  console.log(
    `Wrote ${displayPath(file)}: ${formatIssueLabel(data.number)}, period ${data.period.start.toISOString().slice(0, 10)}..${data.period.end.toISOString().slice(0, 10)}, a draft: npm run dev shows it, the build leaves it out. Fill in the sections, remove draft: true, then run npm run check.`,
  );
}
