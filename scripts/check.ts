/**
 * npm run check (first half): validates both registries and every issue and translation the way
 * the build does, lists every problem with file, line, field and fix, and every stale translation.
 * `astro check` then type-checks the code.
 */
import { readSiteUrl } from './lib/command-line.ts';
import { readRegistries } from './lib/registries.ts';
import { loadContentFiles } from '../src/pipeline/content-files.ts';
import { displayPath, getIssuesDir } from '../src/pipeline/paths.ts';
import { formatProblem, formatProblems } from '../src/pipeline/problems.ts';

const issuesDir = getIssuesDir();
// Both registries, read as the build reads them: a release or a name two entries claim stops it too.
const { projects } = readRegistries();
const { issues, translations, problems, stale } = await loadContentFiles(issuesDir, {
  registry: projects,
  site: readSiteUrl(),
});
for (const { file, number, issueFile, differences = [] } of stale) {
  console.warn(
    [
      `stale translation: ${file} translates an older version of issue ${number}; ${issueFile} changed since. Update the translation, then npm run translate -- ${number} --rehash.`,
      // What the update must bring: problems once it is rehashed.
      ...differences.map((difference) => `  ${formatProblem(difference)}`),
    ].join('\n'),
  );
}
if (problems.length > 0) {
  console.error(formatProblems(problems));
  process.exitCode = 1;
} else {
  const staleNote = stale.length ? `, ${stale.length} of them possibly out of date` : '';
  const drafts = [...issues, ...translations].filter(({ data }) => data.draft).length;
  const draftNote = drafts ? ` (${drafts} of them draft${drafts > 1 ? 's' : ''}: shown by npm run dev, left out of the build)` : '';
  const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
  console.log(
    `${count(issues.length, 'issue')} and ${count(translations.length, 'translation')}${staleNote}${draftNote} in ${displayPath(issuesDir)}: no content problems.`,
  );
}
