/**
 * The content loader for digest issues. It validates the whole folder before storing
 * anything, so a build fails with every problem listed (file, line, field, fix) rather
 * than the first one Astro meets.
 */
import path from 'node:path';
import type { Loader } from 'astro/loaders';
import { AstroError } from 'astro/errors';
import { formatProblems } from '../lib/problems.ts';
import type { Project } from '../schemas/project.ts';
import { loadIssueFiles } from './issue-files.ts';

export function issuesLoader(options: { issuesDir: string; registry: readonly Project[] }): Loader {
  return {
    name: 'digest-issues',
    async load({ store, parseData, generateDigest, watcher, logger }) {
      const sync = async () => {
        const { issues, problems } = await loadIssueFiles(options.issuesDir, options.registry);
        if (problems.length > 0) throw new AstroError(formatProblems(problems), 'Fix the issue files named above; `npm run check` lists the same problems.');
        store.clear();
        for (const issue of issues) {
          const id = String(issue.data.number);
          // Astro tracks files inside the project only; an outside DIGEST_CONTENT_DIR has none.
          const filePath = path.isAbsolute(issue.file) ? undefined : issue.file;
          const data = await parseData({ id, data: issue.frontmatter, ...(filePath ? { filePath } : {}) });
          store.set({ id, data, body: issue.body, ...(filePath ? { filePath } : {}), digest: generateDigest({ ...issue.frontmatter, body: issue.body }) });
        }
        logger.info(`${issues.length} issues from ${options.issuesDir}`);
      };
      await sync();
      watcher?.add(options.issuesDir);
      watcher?.on('all', (_event, changed) => {
        if (!changed.startsWith(path.resolve(options.issuesDir))) return;
        sync().catch((error: Error) => logger.error(error.message));
      });
    },
  };
}
