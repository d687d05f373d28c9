/**
 * Content loaders for issues and their translations. Each validates the whole issues folder
 * before storing anything, so a build fails with every problem listed (file, line, field,
 * fix) rather than the first one Astro meets. Stale translations are a warning.
 */
import path from 'node:path';
import { AstroError } from 'astro/errors';
import type { Loader, LoaderContext } from 'astro/loaders';
import { formatProblems } from './problems.ts';
import type { Project } from '../schemas/project.ts';
import { loadContentFiles, type LoadedContent } from './content-files.ts';

interface Options {
  issuesDir: string;
  registry: readonly Project[];
}

interface Entry {
  id: string;
  file: string;
  frontmatter: Record<string, unknown>;
  body: string;
}

/** The Chinese issues, by number. */
export function issuesLoader(options: Options): Loader {
  return folderLoader('digest-issues', options, (content) =>
    content.issues.map((issue) => ({ id: String(issue.data.number), file: issue.file, frontmatter: issue.frontmatter, body: issue.body })),
  );
}

/** Translations, by `<locale>/<number>`; stale ones are logged. */
export function translationsLoader(options: Options): Loader {
  return folderLoader('digest-translations', options, (content, logger) => {
    for (const { file, number, issueFile } of content.stale) {
      logger.warn(
        `${file} translates an older version of issue ${number} (${issueFile} changed since); its page says it may be out of date`,
      );
    }
    return content.translations.map((translation) => ({
      id: `${translation.locale}/${translation.data.number}`,
      file: translation.file,
      frontmatter: translation.frontmatter,
      body: translation.body,
    }));
  });
}

function folderLoader(
  name: string,
  options: Options,
  entriesOf: (content: LoadedContent, logger: LoaderContext['logger']) => Entry[],
): Loader {
  return {
    name,
    async load({ store, parseData, generateDigest, watcher, logger }) {
      const sync = async () => {
        const content = await loadContentFiles(options.issuesDir, options.registry);
        if (content.problems.length > 0) {
          throw new AstroError(formatProblems(content.problems), 'Fix the files named above; `npm run check` lists the same problems.');
        }
        store.clear();
        for (const entry of entriesOf(content, logger)) {
          // Astro tracks files inside the project only; an outside DIGEST_CONTENT_DIR has none.
          const filePath = path.isAbsolute(entry.file) ? undefined : entry.file;
          const data = await parseData({ id: entry.id, data: entry.frontmatter, ...(filePath ? { filePath } : {}) });
          store.set({
            id: entry.id,
            data,
            body: entry.body,
            ...(filePath ? { filePath } : {}),
            digest: generateDigest({ ...entry.frontmatter, body: entry.body }),
          });
        }
      };
      await sync();
      watcher?.add(options.issuesDir);
      watcher?.on('all', (_event, changed) => {
        if (changed.startsWith(path.resolve(options.issuesDir))) sync().catch((error: Error) => logger.error(error.message));
      });
    },
  };
}
