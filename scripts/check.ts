/**
 * npm run check (first half): validates every issue file the way the build does and lists
 * every problem with file, line, field and fix. `astro check` then type-checks the code.
 */
import { loadIssueFiles } from '../src/loaders/issue-files.ts';
import { displayPath, getIssuesDir, registryFile } from '../src/loaders/paths.ts';
import { loadProjectRegistry } from '../src/loaders/registry.ts';
import { formatProblems } from '../src/lib/problems.ts';

const issuesDir = getIssuesDir();
const { issues, problems } = await loadIssueFiles(issuesDir, loadProjectRegistry(registryFile));
if (problems.length > 0) {
  console.error(formatProblems(problems));
  process.exitCode = 1;
} else {
  console.log(`${issues.length} issues in ${displayPath(issuesDir)}: no content problems.`);
}
