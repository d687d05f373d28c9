/**
 * Content loaders for issues and their translations. Both read the issues folder through one
 * shared pass (`content-files.ts`): every file read, validated, split and rendered once. Nothing is
 * stored until the whole folder is valid, so a build fails with every problem listed (file, line,
 * field, fix) rather than the first one Astro meets. Entries keep what pages, feeds and search
 * need (front matter, each part's HTML and text, staleness); the issues loader also hands the
 * search records made from them to the index. Stale translations are a warning.
 */
import path from 'node:path';
import { AstroError } from 'astro/errors';
import type { Loader, LoaderContext } from 'astro/loaders';
import { createArchive } from '../lib/archive.ts';
import type { Project } from '../schemas/project.ts';
import { loadContentFiles, toEntries, type LoadedContent } from './content-files.ts';
import { toSiteUrl } from './paths.ts';
import { formatProblems } from './problems.ts';
import { handOverSearchRecords, searchRecordsOf } from './search-handoff.ts';

interface Options {
  issuesDir: string;
  registry: readonly Project[];
}

interface Entry {
  id: string;
  /** The file, as messages name it. */
  file: string;
  data: Record<string, unknown>;
}

/** The Chinese issues, by number; hands the archive's search records to the index. */
export function issuesLoader(options: Options): Loader {
  return folderLoader('digest-issues', options, async (content, { config }) => {
    const { issues, translations } = toEntries(content);
    await handOverSearchRecords(config.cacheDir, searchRecordsOf(createArchive(issues, translations)));
    return content.issues.map((issue, index) => ({ id: String(issue.data.number), file: issue.file, data: issues[index] ?? {} }));
  });
}

/** Translations, by `<locale>/<number>`; stale ones are logged. */
export function translationsLoader(options: Options): Loader {
  return folderLoader('digest-translations', options, async (content, { logger }) => {
    for (const { file, number, issueFile } of content.stale) {
      logger.warn(
        `${file} translates an older version of issue ${number} (${issueFile} changed since); its page says it may be out of date`,
      );
    }
    const { translations } = toEntries(content);
    return content.translations.map((translation, index) => ({
      id: `${translation.locale}/${translation.data.number}`,
      file: translation.file,
      data: translations[index] ?? {},
    }));
  });
}

function folderLoader(
  name: string,
  options: Options,
  entriesOf: (content: LoadedContent, context: LoaderContext) => Promise<Entry[]>,
): Loader {
  return {
    name,
    async load(context) {
      const { store, config, generateDigest, watcher, logger } = context;
      const site = toSiteUrl(config.site ?? 'http://localhost/');
      const sync = async () => {
        const content = await loadContentFiles(options.issuesDir, { registry: options.registry, site });
        if (content.problems.length > 0) {
          throw new AstroError(formatProblems(content.problems), 'Fix the files named above; `npm run check` lists the same problems.');
        }
        const entries = await entriesOf(content, context);
        store.clear();
        for (const entry of entries) {
          // Astro tracks files inside the project only; an outside DIGEST_CONTENT_DIR has none.
          const filePath = path.isAbsolute(entry.file) ? undefined : entry.file;
          // The data was validated (and its dates parsed) by the pipeline with the same schemas.
          store.set({ id: entry.id, data: entry.data, ...(filePath ? { filePath } : {}), digest: generateDigest(entry.data) });
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
